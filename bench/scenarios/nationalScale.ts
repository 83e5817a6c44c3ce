import { gzipSync } from 'node:zlib';
import { processMemoryMb } from '../lib/procCpu';
import { seedDataDir, startWall } from '../lib/servers';
import { type ColdLoadResult, coldLoadScenario } from './coldLoad';
import { type ScreensResult, screensScenario } from './screens';

/** The deployment the national figures are read against: the 21 districts, the wall as first shipped. */
export const BASE_DEPLOYMENT = 'nghe-an-2024';
/** The national deployment: 34 provinces live on the wall, 3,321 communes listed for drill-down. */
export const NATIONAL_DEPLOYMENT = 'vietnam-2025';
/** Observations per second, spread over the deployment's live units in turn. */
export const NATIONAL_RATE = 1_000;

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
  const seed = await seedDataDir(deployment);
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
