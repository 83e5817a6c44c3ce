import { describe, expect, it } from 'vitest';
import type { Alert } from '../protocol';
import { nextDayValue } from './dailyReference';
import { type AlertSubject, compareAlerts, nextAlert, subjectKey } from './lifecycle';

const subject: AlertSubject = { rule: 'below-target', region: '417', indicator: 'online-record-rate', source: null };
const warning = { severity: 'warning' as const, value: 38, threshold: 40 };
const critical = { severity: 'critical' as const, value: 25, threshold: 40 };

describe('nextAlert', () => {
  it('raises an alert for a verdict when none is active', () => {
    expect(nextAlert(undefined, warning, subject, 1000)).toEqual({
      id: `${subjectKey(subject)}|1000`,
      ...subject,
      ...warning,
      startedAt: 1000,
      endedAt: null,
      acknowledged: false,
    });
  });

  it('changes nothing while nothing is wrong, or while the same severity holds', () => {
    expect(nextAlert(undefined, null, subject, 1000)).toBeNull();
    const active = nextAlert(undefined, warning, subject, 1000) as Alert;
    expect(nextAlert(active, { ...warning, value: 37 }, subject, 2000)).toBeNull();
  });

  it('ends the active alert when the verdict clears', () => {
    const active = nextAlert(undefined, warning, subject, 1000) as Alert;
    expect(nextAlert(active, null, subject, 5000)).toEqual({ ...active, endedAt: 5000 });
  });

  it('asks for a new acknowledgement when the alert gets worse, not when it eases', () => {
    const acknowledged = { ...(nextAlert(undefined, warning, subject, 1000) as Alert), acknowledged: true };
    expect(nextAlert(acknowledged, critical, subject, 2000)).toMatchObject({
      id: acknowledged.id,
      severity: 'critical',
      value: 25,
      acknowledged: false,
      startedAt: 1000,
    });
    const worse = { ...acknowledged, ...critical };
    expect(nextAlert(worse, warning, subject, 3000)).toMatchObject({ severity: 'warning', acknowledged: true });
  });

  it('starts at the time the rule became true when told', () => {
    const silent: AlertSubject = { rule: 'source-silent', region: null, indicator: null, source: 'police' };
    const verdict = { severity: 'critical' as const, value: null, threshold: 900 };
    expect(nextAlert(undefined, verdict, silent, 10_000, 9_000)).toMatchObject({ startedAt: 9_000 });
  });
});

describe('compareAlerts', () => {
  const base = nextAlert(undefined, warning, subject, 1000) as Alert;
  it('puts unacknowledged, then critical, then roll-ups, then newer alerts first, and ended ones last', () => {
    const a = { ...base, id: 'ended', severity: 'critical' as const, endedAt: 9 };
    const b = { ...base, id: 'acknowledged', severity: 'critical' as const, acknowledged: true };
    const c = { ...base, id: 'old-warning' };
    const d = { ...base, id: 'new-warning', startedAt: 2000 };
    const e = { ...base, id: 'critical', severity: 'critical' as const };
    const f = { ...base, id: 'departments', region: 'departments', severity: 'critical' as const, startedAt: 0 };
    expect([a, b, c, d, e, f].sort(compareAlerts).map((x) => x.id)).toEqual([
      'departments',
      'critical',
      'new-warning',
      'old-warning',
      'acknowledged',
      'ended',
    ]);
  });
});

describe('nextDayValue', () => {
  it('has no reference on the first day it sees a figure', () => {
    expect(nextDayValue(undefined, 50, '2024-01-19')).toEqual({ day: '2024-01-19', reference: null, last: 50 });
  });

  it('keeps the latest value through the day', () => {
    const first = nextDayValue(undefined, 50, '2024-01-19');
    expect(nextDayValue(first, 48, '2024-01-19')).toEqual({ day: '2024-01-19', reference: null, last: 48 });
  });

  it("takes the last value of the previous day as the new day's reference, however long the gap", () => {
    const d19 = nextDayValue(nextDayValue(undefined, 50, '2024-01-19'), 52, '2024-01-19');
    const d20 = nextDayValue(d19, 47, '2024-01-20');
    expect(d20).toEqual({ day: '2024-01-20', reference: 52, last: 47 });
    expect(nextDayValue(d20, 40, '2024-01-20').reference).toBe(52);
    expect(nextDayValue(d20, 40, '2024-01-23')).toEqual({ day: '2024-01-23', reference: 47, last: 40 });
  });
});
