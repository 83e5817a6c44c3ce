import { describe, expect, it } from 'vitest';
import type { NationalResult } from '../scenarios/nationalScale';
import { compareNational } from '../tables';
import { parseProcMemory } from './procCpu';
import { screens } from './screensFixture';

describe('parseProcMemory', () => {
  it('reads resident memory now and at its peak, in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 2000000 kB\nVmHWM:\t  307200 kB\nVmRSS:\t  204800 kB\nThreads:\t11\n';
    expect(parseProcMemory(status)).toEqual({ rssMb: 200, peakMb: 300 });
  });

  it('gives NaN for a field it does not find, never a made-up zero', () => {
    expect(parseProcMemory('Name:\tnode\n').rssMb).toBeNaN();
  });
});

const national = (firstValueMs: number, p99: number, perDelta: number, wrong = 0): NationalResult => ({
  deploymentGzipKb: 40,
  snapshotGzipKb: 20,
  cold: {
    loads: 5,
    jsGzipKb: 200,
    jsFiles: 3,
    wireKb: 300,
    wireRequests: 8,
    firstValueMs: { median: firstValueMs, max: firstValueMs },
  },
  screens: { ...screens(p99, wrong, 0.2, 300), pageMsPerMessage: perDelta },
  serverRssMb: 150,
  serverPeakRssMb: 180,
});

const verdicts = (rows: ReturnType<typeof compareNational>) =>
  rows.filter((r) => r.holds !== undefined).map((r) => [r.metric, r.holds]);

describe('compareNational', () => {
  it('holds the national wall to 1.5 s to a first value, 1.5× the 21-unit p99 and the same work per delta', () => {
    const rows = compareNational('(h)', { wall: national(1_500, 150, 2.5), floor: national(600, 100, 2) });
    expect(verdicts(rows)).toEqual([
      ['first live value, median', true],
      ['latency p99', true],
      ['page main thread per delta', true],
      ['final values correct', true],
    ]);
    expect(rows.find((r) => r.metric === 'latency p99')?.ratio).toBe(1.5);
  });

  it('fails each budget the national wall misses, and a wrong final value on either side', () => {
    const rows = compareNational('(h)', { wall: national(1_501, 151, 2.6), floor: national(600, 100, 2, 1) });
    expect(
      verdicts(rows)
        .filter(([, holds]) => !holds)
        .map(([metric]) => metric),
    ).toEqual(['first live value, median', 'latency p99', 'page main thread per delta', 'final values correct']);
  });
});
