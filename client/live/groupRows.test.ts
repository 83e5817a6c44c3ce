import { describe, expect, it } from 'vitest';
import ngheAn2025 from '../../deployments/nghe-an-2025/regions.json';
import type { IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { createRegionSet } from '../../shared/regions';
import { groupRows } from './groupRows';

const regions = createRegionSet(ngheAn2025);
const targets = { target: 40, bands: { critical: 30, warning: 40 } };

describe('groupRows: the communes of nghe-an-2025 rolled up by former district', () => {
  const inGroup = (group: string) => regions.districts.filter((u) => u.group === group);
  const [vinhA, vinhB] = inGroup('412');
  const [otherA] = inGroup('415');
  if (!vinhA || !vinhB || !otherA) throw new Error('fixture: groups 412 and 415 have communes');
  const readings = new Map<string, Reading>();
  const set = (region: string, indicator: IndicatorId, figures: Partial<Reading>) =>
    readings.set(`${region}|${indicator}`, { region, indicator, value: null, at: 1, source: 's', ...figures });
  set(vinhA.code, 'online-record-rate', { value: 50, num: 50, den: 100 });
  set(vinhB.code, 'online-record-rate', { value: 10, num: 30, den: 300 });
  set(otherA.code, 'online-record-rate', { value: 35, num: 35, den: 100 });
  set(vinhA.code, 'eid-collected', { value: 7 });
  set(vinhB.code, 'eid-collected', { value: 5 });
  const reading = (region: string, indicator: IndicatorId) => readings.get(`${region}|${indicator}`);

  it('gives one row per group, named, in the order of the region set', () => {
    const rows = groupRows(regions, 'online-record-rate', reading, targets);
    expect(rows.map((r) => r.unit.code)).toEqual([...regions.groups.keys()]);
    expect(rows[0]?.unit).toMatchObject({ code: '412', name: 'Vinh', kind: 'district' });
  });

  it('rolls rates up as Σnum / Σden and counts as sums, with band and rank among the groups', () => {
    const rates = groupRows(regions, 'online-record-rate', reading, targets);
    const vinh = rates.find((r) => r.unit.code === '412');
    const other = rates.find((r) => r.unit.code === '415');
    // 80 / 400, not the mean of 50 % and 10 %.
    expect(vinh).toMatchObject({ value: 20, band: 'critical', rank: 2 });
    expect(other).toMatchObject({ value: 35, band: 'warning', rank: 1 });
    expect(rates.filter((r) => r.value === null)).toHaveLength(rates.length - 2);
    const counts = groupRows(regions, 'eid-collected', reading, { target: null, bands: null });
    expect(counts.find((r) => r.unit.code === '412')?.value).toBe(12);
  });
});
