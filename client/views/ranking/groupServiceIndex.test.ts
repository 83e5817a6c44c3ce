import { describe, expect, it } from 'vitest';
import ngheAn2025 from '../../../deployments/nghe-an-2025/regions.json';
import type { Reading } from '../../../shared/protocol';
import { createRegionSet } from '../../../shared/regions';
import { groupServiceIndexRows } from './groupServiceIndex';

const regions = createRegionSet(ngheAn2025);

describe('groupServiceIndexRows: the service index of nghe-an-2025 by former district', () => {
  const inGroup = (group: string) => regions.districts.filter((u) => u.group === group);
  const vinh = inGroup('412');
  const [otherA] = inGroup('415');
  if (vinh.length < 2 || !otherA) throw new Error('fixture: groups 412 and 415 have communes');
  const scores = new Map<string, number>([...vinh.map((u) => [u.code, 70] as const), [otherA.code, 90]]);
  const reading = (region: string): Reading | undefined => {
    const value = scores.get(region);
    return value === undefined ? undefined : { region, indicator: 'service-index', value, at: 1, source: 's' };
  };
  const previous = Object.fromEntries([...vinh.map((u) => [u.code, 75] as const), [otherA.code, 80]]);

  it('ranks the groups by their rolled-up score, with the change since the previous period', () => {
    const rows = groupServiceIndexRows(regions, reading, previous);
    expect(rows).toHaveLength(regions.groups.size);
    expect(rows[0]).toMatchObject({ unit: { code: '415' }, score: 90, previous: 80, change: 10, rank: 1 });
    expect(rows[1]).toMatchObject({ unit: { code: '412', name: 'Vinh' }, score: 70, previous: 75, rank: 2 });
    expect(rows[1]?.change).toBeCloseTo(-5);
    expect(rows[1]?.previousRank).toBe(2);
  });

  it('leaves groups without scores unranked, last', () => {
    const rows = groupServiceIndexRows(regions, reading, previous);
    expect(rows.slice(2).every((r) => r.score === null && r.rank === null)).toBe(true);
  });
});
