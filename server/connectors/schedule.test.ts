import { describe, expect, it } from 'vitest';
import { makeSchedule } from './schedule';

describe("a pull connector's schedule", () => {
  it('counts an interval from the start of the run', () => {
    const schedule = makeSchedule({ every: 300_000 }, 'Asia/Ho_Chi_Minh');
    expect(schedule.next(1_000)).toBe(301_000);
    expect(schedule.when).toEqual({ every: 300_000 });
  });

  it("reads a cron expression in the deployment's time zone", () => {
    const schedule = makeSchedule({ cron: '0 8 * * 1-5' }, 'Asia/Ho_Chi_Minh');
    // Friday 19 January 2024, 09:00 in Vinh: the next run is Monday 22 January, 08:00 (01:00 UTC).
    expect(schedule.next(Date.UTC(2024, 0, 19, 2, 0))).toBe(Date.UTC(2024, 0, 22, 1, 0));
    expect(schedule.when).toEqual({ cron: '0 8 * * 1-5', timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('refuses a cron expression it cannot read', () => {
    expect(() => makeSchedule({ cron: '61 * * * *' }, 'Asia/Ho_Chi_Minh')).toThrow();
  });
});
