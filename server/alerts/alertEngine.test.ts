import { describe, expect, it } from 'vitest';
import { AlertRulesSchema, DEFAULT_ALERT_RULES } from '../../shared/alerts';
import { type IndicatorId, resolveTargets } from '../../shared/catalog';
import type { Alert, Reading } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { unitAt } from '../test/units';
import { AlertEngine } from './alertEngine';
import { MemoryAlertHistory } from './alertHistory';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
/** Local times in Vinh (UTC+7), as UTC instants. */
const local = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour - 7, minute);
const MIN = 60_000;

function engine(history = new MemoryAlertHistory(100), rules = DEFAULT_ALERT_RULES) {
  return new AlertEngine({
    regions: regionSet,
    calendar,
    targets: resolveTargets(),
    settings: { dropShare: 0.1, silenceMs: 15 * MIN },
    rules,
    history,
  });
}

const reading = (region: string, indicator: IndicatorId, value: number | null, source = 'dvc'): Reading => ({
  region,
  indicator,
  value,
  at: 0,
  source,
});

describe('AlertEngine: below target', () => {
  it('raises, escalates and ends an alert as a unit moves against its target', () => {
    const e = engine();
    const t = local(19, 9);
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 45)], t)).toEqual([]);
    const [raised] = e.onBatch([reading(unitAt(5), 'online-record-rate', 38)], t + 1);
    expect(raised).toMatchObject({ rule: 'below-target', region: unitAt(5), severity: 'warning', startedAt: t + 1 });
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 37)], t + 2)).toEqual([]);
    const [worse] = e.onBatch([reading(unitAt(5), 'online-record-rate', 25)], t + 3);
    expect(worse).toMatchObject({ id: raised?.id, severity: 'critical' });
    const [ended] = e.onBatch([reading(unitAt(5), 'online-record-rate', 41)], t + 4);
    expect(ended).toMatchObject({ id: raised?.id, endedAt: t + 4 });
    expect(e.activeAlerts()).toEqual([]);
  });

  it('takes a figure first seen below its target for a standing shortfall, and raises when it gets worse', () => {
    const e = engine();
    const t = local(19, 9);
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 38)], t)).toEqual([]);
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 36)], t + 1)).toEqual([]);
    const [worse] = e.onBatch([reading(unitAt(5), 'online-record-rate', 25)], t + 2);
    expect(worse).toMatchObject({ severity: 'critical', startedAt: t + 2 });
    // Back to a warning is not a change worth a new alert: the one raised eases, and ends on target.
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 35)], t + 3)).toMatchObject([{ severity: 'warning' }]);
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 41)], t + 4)).toMatchObject([{ endedAt: t + 4 }]);
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 39)], t + 5)).toMatchObject([{ severity: 'warning' }]);
  });

  it('judges the province and its groups, not the sample departments, and no indicator without a target', () => {
    const e = engine();
    const batch = (value: number) => [
      reading('departments', 'online-record-rate', value, 'rollup'),
      reading(unitAt(16), 'online-record-rate', value),
      reading('province', 'online-record-rate', value, 'rollup'),
      reading(unitAt(5), 'id-cards-issued', value),
      reading(unitAt(5), 'eligible-citizens', value),
    ];
    e.onBatch(batch(45), local(19, 9));
    const out = e.onBatch(batch(27.96), local(19, 10));
    expect(out.map((a) => [a.region, a.indicator, a.severity])).toEqual([
      [unitAt(16), 'online-record-rate', 'critical'],
      ['province', 'online-record-rate', 'critical'],
    ]);
  });

  it('follows the deployment’s rules: the departments when in scope, severities per indicator, rules off', () => {
    const rules = AlertRulesSchema.parse({
      belowTarget: {
        severity: 'warning',
        indicators: { 'eid-activation-rate': 'off', 'online-payment-rate': 'critical' },
        scope: ['districts', 'departments'],
      },
    });
    const e = engine(new MemoryAlertHistory(100), rules);
    const batch = (f: number) => [
      reading(unitAt(16), 'online-record-rate', 50 * f, 'dvc'),
      reading('STP', 'online-record-rate', 50 * f),
      reading('province', 'online-record-rate', 50 * f, 'rollup'),
      reading(unitAt(0), 'eid-activation-rate', 99 * f),
      reading(unitAt(0), 'online-payment-rate', 99 * f),
    ];
    e.onBatch(batch(1), local(19, 9));
    const out = e.onBatch(batch(0.1), local(19, 10));
    expect(out.map((a) => [a.region, a.indicator, a.severity])).toEqual([
      [unitAt(16), 'online-record-rate', 'warning'],
      ['STP', 'online-record-rate', 'warning'],
      [unitAt(0), 'online-payment-rate', 'critical'],
    ]);
  });

  it('uses the targets in force, overrides included', () => {
    const e = new AlertEngine({
      regions: regionSet,
      calendar,
      targets: resolveTargets({ 'online-record-rate': { target: 60 } }),
      settings: { dropShare: 0.1, silenceMs: 15 * MIN },
      rules: DEFAULT_ALERT_RULES,
      history: new MemoryAlertHistory(10),
    });
    e.onBatch([reading(unitAt(0), 'online-record-rate', 61)], 0);
    expect(e.onBatch([reading(unitAt(0), 'online-record-rate', 57.12)], 1)).toHaveLength(1);
  });

  it('keeps what ended within the ticker’s window beside what is active', () => {
    const e = engine();
    e.onBatch([reading(unitAt(5), 'online-record-rate', 45), reading(unitAt(6), 'online-record-rate', 45)], 0);
    e.onBatch([reading(unitAt(5), 'online-record-rate', 38), reading(unitAt(6), 'online-record-rate', 38)], MIN);
    e.onBatch([reading(unitAt(5), 'online-record-rate', 45)], 2 * MIN);
    const regions = (alerts: Alert[]) => alerts.map((a) => [a.region, a.endedAt]);
    expect(regions(e.recentAlerts(10 * MIN, 30 * MIN))).toEqual([
      [unitAt(6), null],
      [unitAt(5), 2 * MIN],
    ]);
    expect(regions(e.recentAlerts(40 * MIN, 30 * MIN))).toEqual([[unitAt(6), null]]);
  });
});

describe('AlertEngine: daily drop', () => {
  it('compares with the value the figure had at local midnight, from the second day on', () => {
    const e = engine();
    // Day one: no previous day, so even a steep fall raises nothing.
    e.onBatch([reading(unitAt(0), 'id-cards-issued', 1000)], local(19, 9));
    expect(e.onBatch([reading(unitAt(0), 'id-cards-issued', 500)], local(19, 10))).toEqual([]);
    e.onBatch([reading(unitAt(0), 'id-cards-issued', 800)], local(19, 23, 50));
    // Day two: 800 at midnight; 750 is a 6 % drop, 700 a 12.5 % drop.
    expect(e.onBatch([reading(unitAt(0), 'id-cards-issued', 750)], local(20, 8))).toEqual([]);
    const [drop] = e.onBatch([reading(unitAt(0), 'id-cards-issued', 700)], local(20, 9));
    expect(drop).toMatchObject({
      rule: 'daily-drop',
      region: unitAt(0),
      value: 700,
      threshold: 800,
      severity: 'warning',
    });
    const [ended] = e.onBatch([reading(unitAt(0), 'id-cards-issued', 790)], local(20, 10));
    expect(ended).toMatchObject({ id: drop?.id, endedAt: local(20, 10) });
  });

  it('ignores counts that start again every day', () => {
    const e = engine();
    e.onBatch([reading(unitAt(0), 'records-today-online', 900)], local(19, 23));
    expect(e.onBatch([reading(unitAt(0), 'records-today-online', 0)], local(20, 0, 1))).toEqual([]);
  });

  it('ends a drop on the next day, when the new day starts from the lower value', () => {
    const e = engine();
    e.onBatch([reading(unitAt(0), 'id-cards-issued', 1000)], local(19, 9));
    e.tick(local(20, 7));
    const [drop] = e.onBatch([reading(unitAt(0), 'id-cards-issued', 700)], local(20, 8));
    expect(drop).toMatchObject({ rule: 'daily-drop', severity: 'critical' });
    const drops = (alerts: Alert[]) => alerts.filter((a) => a.rule === 'daily-drop');
    expect(drops(e.tick(local(20, 23)))).toEqual([]);
    const [ended] = drops(e.tick(local(21, 0, 1)));
    expect(ended).toMatchObject({ id: drop?.id, endedAt: local(21, 0, 1) });
  });
});

describe('AlertEngine: silent source', () => {
  it('raises once a source is silent past the limit, dated when it became silent, and ends when it speaks', () => {
    const e = engine();
    const t = local(19, 9);
    e.onBatch([reading(unitAt(0), 'records-today-online', 1, 'police')], t);
    expect(e.tick(t + 15 * MIN)).toEqual([]);
    const [silent] = e.tick(t + 16 * MIN);
    expect(silent).toMatchObject({
      rule: 'source-silent',
      source: 'police',
      region: null,
      severity: 'critical',
      startedAt: t + 15 * MIN,
      threshold: 900,
    });
    expect(e.tick(t + 17 * MIN)).toEqual([]);
    const [ended] = e.onBatch([reading(unitAt(0), 'records-today-online', 2, 'police')], t + 20 * MIN);
    expect(ended).toMatchObject({ id: silent?.id, endedAt: t + 20 * MIN });
  });

  it("does not count the server's own readings as a source", () => {
    const e = engine();
    e.onBatch(
      [
        reading('province', 'records-today-online', 1, 'rollup'),
        reading(unitAt(0), 'id-card-coverage', 99.5, 'derived'),
      ],
      0,
    );
    expect(e.tick(60 * MIN)).toEqual([]);
  });
});

describe('AlertEngine: restore after a restart', () => {
  it('takes the stored shortfalls for standing ones, and goes on with the alerts active before the restart', () => {
    const history = new MemoryAlertHistory(100);
    const before = engine(history);
    before.onBatch([reading(unitAt(6), 'online-record-rate', 45)], local(20, 8));
    const [raised] = before.onBatch([reading(unitAt(6), 'online-record-rate', 35)], local(20, 8, 30));
    const e = engine(history);
    const t = local(20, 9);
    const out = e.restore(
      [
        reading(unitAt(5), 'online-record-rate', 25),
        reading(unitAt(6), 'online-record-rate', 35),
        reading(unitAt(0), 'online-record-rate', 45),
        reading(unitAt(5), 'eligible-citizens', 1),
      ],
      t,
    );
    expect(out).toEqual([]);
    expect(e.activeAlerts()).toEqual([raised]);
    // The same figure arriving again changes nothing; a figure back on target ends its alert.
    expect(e.onBatch([reading(unitAt(5), 'online-record-rate', 25)], t + 1)).toEqual([]);
    const [ended] = e.onBatch([reading(unitAt(6), 'online-record-rate', 41)], t + 2);
    expect(ended).toMatchObject({ region: unitAt(6), endedAt: t + 2 });
  });

  it('does not take a stored figure for a source that is alive', () => {
    const e = engine();
    e.restore([reading(unitAt(5), 'online-record-rate', 45, 'police')], local(20, 9));
    expect(e.tick(local(20, 12))).toEqual([]);
  });

  it('keeps a stored figure as the reference for the next day’s drop', () => {
    const e = engine();
    e.restore([reading(unitAt(0), 'id-cards-issued', 1000)], local(19, 22));
    e.tick(local(20, 7));
    const [drop] = e.onBatch([reading(unitAt(0), 'id-cards-issued', 700)], local(20, 8));
    expect(drop).toMatchObject({ rule: 'daily-drop', region: unitAt(0), threshold: 1000 });
  });
});

describe('AlertEngine: acknowledgement and history', () => {
  it('acknowledges an active alert once, and keeps every change in the history', () => {
    const history = new MemoryAlertHistory(100);
    const e = engine(history);
    e.onBatch([reading(unitAt(5), 'online-record-rate', 45)], 0);
    const [raised] = e.onBatch([reading(unitAt(5), 'online-record-rate', 25)], 1);
    expect(e.acknowledge([raised?.id ?? ''])).toMatchObject({ ok: true, alerts: [{ acknowledged: true }] });
    expect(e.acknowledge(['no-such-alert'])).toEqual({ ok: false, unknown: ['no-such-alert'] });
    e.onBatch([reading(unitAt(5), 'online-record-rate', 45)], 2);
    expect(history.list({ state: 'all', limit: 10 })).toEqual([
      expect.objectContaining({ id: raised?.id, acknowledged: true, endedAt: 2 }),
    ]);
    expect(history.list({ state: 'active', limit: 10 })).toEqual([]);
  });

  it('acknowledges several alerts all or none: one unknown id changes nothing and is named', () => {
    const history = new MemoryAlertHistory(100);
    const e = engine(history);
    const batch = (value: number) => [
      reading(unitAt(5), 'online-record-rate', value),
      reading(unitAt(6), 'online-record-rate', value),
    ];
    e.onBatch(batch(45), local(19, 8));
    const raised = e.onBatch(batch(25), local(19, 9));
    const ids = raised.map((a) => a.id);
    expect(ids).toHaveLength(2);
    expect(e.acknowledge([...ids, 'gone', 'also-gone'])).toEqual({ ok: false, unknown: ['gone', 'also-gone'] });
    expect(e.activeAlerts().filter((a) => a.acknowledged)).toEqual([]);

    const [first, second] = ids as [string, string];
    expect(e.acknowledge([first])).toMatchObject({ ok: true, changed: [{ id: first }] });
    // A repeated id counts once; one acknowledged before comes back but is not a change.
    const both = e.acknowledge([second, first, second]);
    expect(both).toMatchObject({ ok: true, alerts: [{ id: second }, { id: first }], changed: [{ id: second }] });
    expect(e.activeAlerts().every((a) => a.acknowledged)).toBe(true);
    expect(history.list({ state: 'active', limit: 10 }).every((a) => a.acknowledged)).toBe(true);
  });

  it("acknowledges what another server acknowledged by subject and severity, whatever that server's ids", () => {
    const here = engine();
    const there = engine();
    for (const e of [here, there]) e.onBatch([reading(unitAt(5), 'online-record-rate', 45)], local(19, 8));
    // Each server dates the alert from when it applied the batch: the same alert, two ids.
    const [mine] = here.onBatch([reading(unitAt(5), 'online-record-rate', 38)], local(19, 9));
    const [theirs] = there.onBatch([reading(unitAt(5), 'online-record-rate', 38)], local(19, 9, 1));
    expect(mine?.id).not.toBe(theirs?.id);
    const acked = there.acknowledge([theirs?.id ?? '']);
    if (!acked.ok) throw new Error('not acknowledged there');
    expect(here.acknowledgeLike(acked.alerts)).toEqual([expect.objectContaining({ id: mine?.id, acknowledged: true })]);
    // Once more changes nothing; a graver alert here than the one seen there stays to be acknowledged.
    expect(here.acknowledgeLike(acked.alerts)).toEqual([]);
    here.onBatch([reading(unitAt(6), 'online-record-rate', 45)], local(19, 8));
    const [grave] = here.onBatch([reading(unitAt(6), 'online-record-rate', 25)], local(19, 9));
    expect(here.acknowledgeLike([{ ...(grave as Alert), severity: 'warning', acknowledged: true }])).toEqual([]);
  });
});
