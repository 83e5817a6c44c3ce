import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNode } from '../lib/children';
import type { DriverConfig, DriverResult } from './driver';

export interface DriverHooks {
  /** The driver is about to send its first update. */
  sending?: () => void;
  /** Every update was answered (or timed out). */
  answered?: () => void;
}

/** What a scenario tells the driver: the target's address, and its rate, length, warm-up and first update. */
export function driverConfig(
  url: string,
  options: Pick<DriverConfig, 'rate' | 'seconds' | 'warmupSeconds' | 'first'>,
): Omit<DriverConfig, 'out'> {
  return {
    url,
    rate: options.rate,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds ?? 0,
    first: options.first ?? 0,
  };
}

/**
 * Runs the driver in a process of its own and returns what it sent, calling `hooks` as it goes; `deployment` picks
 * the units it sends to (the run's `DEPLOYMENT` otherwise).
 */
export async function runDriver(
  config: Omit<DriverConfig, 'out'>,
  hooks: DriverHooks = {},
  deployment?: string,
): Promise<DriverResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-driver-'));
  const out = path.join(dir, 'result.json');
  try {
    const child = runNode(
      'bench/driver/driver.ts',
      [JSON.stringify({ ...config, out } satisfies DriverConfig)],
      deployment ? { DEPLOYMENT: deployment } : {},
    );
    child.process.on('message', (message: { type?: string }) => {
      if (message.type === 'sending') hooks.sending?.();
      if (message.type === 'answered') hooks.answered?.();
    });
    const code = await child.exited;
    if (code !== 0) throw new Error(`the driver failed (exit ${code})`);
    return JSON.parse(readFileSync(out, 'utf8')) as DriverResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
