import { describe, expect, it } from 'vitest';
import { bandOf, meetsTarget } from './bands';
import type { Targets } from './indicators';
import { indicatorOf } from './indicators';

const up = { direction: 'up' as const };
const down = { direction: 'down' as const };
// Higher is better: below 30 critical, below 40 warning.
const upTargets: Targets = { target: 40, bands: { critical: 30, warning: 40 } };
// Lower is better (say, late records): above 10 critical, above 5 warning.
const downTargets: Targets = { target: 5, bands: { critical: 10, warning: 5 } };

describe('bandOf, higher is better', () => {
  it('puts values below critical, below warning and above in their bands', () => {
    expect(bandOf(up, upTargets, 12)).toBe('critical');
    expect(bandOf(up, upTargets, 35)).toBe('warning');
    expect(bandOf(up, upTargets, 57)).toBe('ok');
  });

  it('counts a value exactly at a threshold as having reached it', () => {
    expect(bandOf(up, upTargets, 30)).toBe('warning');
    expect(bandOf(up, upTargets, 40)).toBe('ok');
    expect(bandOf(up, upTargets, 29.999)).toBe('critical');
    expect(bandOf(up, upTargets, 39.999)).toBe('warning');
  });
});

describe('bandOf, lower is better', () => {
  it('flips the comparisons', () => {
    expect(bandOf(down, downTargets, 20)).toBe('critical');
    expect(bandOf(down, downTargets, 7)).toBe('warning');
    expect(bandOf(down, downTargets, 1)).toBe('ok');
  });

  it('counts a value exactly at a threshold as not past it', () => {
    expect(bandOf(down, downTargets, 10)).toBe('warning');
    expect(bandOf(down, downTargets, 5)).toBe('ok');
    expect(bandOf(down, downTargets, 10.001)).toBe('critical');
    expect(bandOf(down, downTargets, 5.001)).toBe('warning');
  });
});

describe('bandOf without a value or bands', () => {
  it('is null', () => {
    expect(bandOf(up, upTargets, null)).toBeNull();
    expect(bandOf(up, { target: 40, bands: null }, 12)).toBeNull();
    expect(bandOf(down, { target: null, bands: null }, 12)).toBeNull();
  });
});

describe('meetsTarget', () => {
  it('is reached at or above the target when higher is better', () => {
    expect(meetsTarget(up, upTargets, 40)).toBe(true);
    expect(meetsTarget(up, upTargets, 45.03)).toBe(true);
    expect(meetsTarget(up, upTargets, 39.99)).toBe(false);
  });

  it('is reached at or below the target when lower is better', () => {
    expect(meetsTarget(down, downTargets, 5)).toBe(true);
    expect(meetsTarget(down, downTargets, 2)).toBe(true);
    expect(meetsTarget(down, downTargets, 5.01)).toBe(false);
  });

  it('is null without a value or a target', () => {
    expect(meetsTarget(up, upTargets, null)).toBeNull();
    expect(meetsTarget(up, { target: null, bands: { critical: 1, warning: 2 } }, 3)).toBeNull();
  });
});

describe('the catalogue', () => {
  it('bands the online record rate against the government target of 40 %', () => {
    const online = indicatorOf('online-record-rate');
    expect(meetsTarget(online, online, 45.03)).toBe(true);
    expect(bandOf(online, online, 45.03)).toBe('ok');
    expect(bandOf(online, online, 35)).toBe('warning');
  });

  it('has no bands on counts', () => {
    const issued = indicatorOf('id-cards-issued');
    expect(bandOf(issued, issued, 2_852_992)).toBeNull();
    expect(meetsTarget(issued, issued, 2_852_992)).toBeNull();
  });
});
