import { describe, expect, it } from 'vitest';
import { regionSet } from '../../shared/regions';
import { useHarness } from '../test/support';

const start = useHarness();
/** Local times in Vinh (UTC+7), as UTC instants, on a weekday. */
const local = (hour: number) => Date.UTC(2026, 11, 3, hour - 7);
const departments = new Set<string | null>(['departments', ...regionSet.departments.map((d) => d.code)]);

describe('a fresh start of the simulated province', () => {
  it.each([9, 16, 23])('has at most 5 critical alerts at %i:00, none for the sample departments', async (hour) => {
    const at = local(hour);
    const wall = await start({ SIM: 'on' }, { clock: { now: () => at } });
    const alerts = wall.app.alerts.active();
    expect(alerts.filter((a) => a.severity === 'critical').length).toBeLessThanOrEqual(5);
    expect(alerts.filter((a) => departments.has(a.region))).toEqual([]);
    // The standing shortfalls are there as states, on the map and the gauges: not as alerts.
    expect(alerts.filter((a) => a.rule === 'below-target').length).toBeLessThan(10);
  });
});
