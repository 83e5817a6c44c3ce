import { gzipSync } from 'node:zlib';
import { processMemoryMb } from '../lib/procCpu';
import { seedDataDir, startWall } from '../lib/servers';
import { type ColdLoadResult, coldLoadScenario } from './coldLoad';
import { type ScreensResult, screensScenario } from './screens';

/** The deployment the national figures are read against: the 21 districts, the wall as first shipped. */
export const BASE_DEPLOYMENT = 'nghe-an-2024';
/** The national deployment: 34 provinces on the wall, each rolled up from its communes (3,321 live in all). */
export const NATIONAL_DEPLOYMENT = 'vietnam-2025';
/** Observations per second, spread in turn over the units sources report on (the communes, nationally). */
export const NATIONAL_RATE = 1_000;

const SEED_TIMEOUT_MS = 300_000;

export interface NationalOptions {
  deployment: string;
  seconds: number;
  warmupSeconds: number;
  coldLoads: number;
}

export interface NationalResult {
  /** What a screen loads before it can draw, gzip-compressed (level 9), KB: the deployment and the snapshot. */
  deploymentGzipKb: number;
  snapshotGzipKb: number;
  cold: ColdLoadResult;
  /** One overview screen at NATIONAL_RATE. */
  screens: ScreensResult;
  /** The server's resident memory after the load, and its peak, MB. */
  serverRssMb: number;
  serverPeakRssMb: number;
}

const gzipKb = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length / 1024;
};

/**
 * A wall running `deployment` on a seeded day of its own: what a screen loads and how soon it shows a live value
 * (cold loads), then one overview screen under NATIONAL_RATE observations a second, and the server's memory.
 */
export async function nationalScaleScenario(options: NationalOptions): Promise<NationalResult> {
  const { deployment } = options;
  // A day of 3,321 communes (about 40,000 figures an hour since midnight) takes a while to seed on a busy machine.
  const seed = await seedDataDir(deployment, SEED_TIMEOUT_MS);
  const target = await startWall(seed, { deployment });
  try {
    const deploymentGzipKb = await gzipKb(`${target.url}/api/v1/deployment`);
    const snapshotGzipKb = await gzipKb(`${target.url}/api/v1/snapshot`);
    const cold = await coldLoadScenario(target, options.coldLoads);
    const screens = await screensScenario({
      target,
      screens: 1,
      rate: NATIONAL_RATE,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      deployment,
    });
    const memory = processMemoryMb(target.pid);
    return {
      deploymentGzipKb,
      snapshotGzipKb,
      cold,
      screens,
      serverRssMb: memory.rssMb,
      serverPeakRssMb: memory.peakMb,
    };
  } finally {
    await target.stop();
  }
}
