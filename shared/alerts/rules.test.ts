import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../catalog';
import { AlertRulesSchema, DEFAULT_ALERT_RULES, grade } from './ruleSettings';
import { belowTarget, CLEAR_MARGIN, dailyDrop, sourceSilent } from './rules';

const online = indicatorOf('online-record-rate');
const targets = { target: 40, bands: { critical: 30, warning: 40 } };
const lowerIsBetter = { direction: 'down' as const };

describe('belowTarget', () => {
  it('says nothing at or above the target', () => {
    expect(belowTarget(online, targets, 40, false)).toBeNull();
    expect(belowTarget(online, targets, 57.12, false)).toBeNull();
  });

  it('warns below the target and is critical in the critical band', () => {
    expect(belowTarget(online, targets, 39.9, false)).toEqual({ severity: 'warning', value: 39.9, threshold: 40 });
    expect(belowTarget(online, targets, 27.96, false)).toEqual({ severity: 'critical', value: 27.96, threshold: 40 });
  });

  it('keeps an active alert until the value clears the target by the margin', () => {
    expect(belowTarget(online, targets, 40.05, true)).toMatchObject({ severity: 'warning' });
    expect(belowTarget(online, targets, 40 + CLEAR_MARGIN, true)).toBeNull();
  });

  it('says nothing without a value or a target', () => {
    expect(belowTarget(online, targets, null, false)).toBeNull();
    expect(belowTarget(online, { target: null, bands: null }, 1, false)).toBeNull();
  });

  it('turns round for an indicator where lower is better', () => {
    const down = { target: 10, bands: { critical: 20, warning: 10 } };
    expect(belowTarget(lowerIsBetter, down, 9, false)).toBeNull();
    expect(belowTarget(lowerIsBetter, down, 12, false)).toMatchObject({ severity: 'warning' });
    expect(belowTarget(lowerIsBetter, down, 25, false)).toMatchObject({ severity: 'critical' });
  });
});

describe('dailyDrop', () => {
  it('says nothing for a drop of the allowed share or less', () => {
    expect(dailyDrop(online, 50, 45, 0.1, false)).toBeNull();
    expect(dailyDrop(online, 50, 60, 0.1, false)).toBeNull();
  });

  it('warns for a drop of more than the share, and is critical past twice the share', () => {
    expect(dailyDrop(online, 50, 44.9, 0.1, false)).toEqual({ severity: 'warning', value: 44.9, threshold: 50 });
    expect(dailyDrop(online, 50, 39.9, 0.1, false)).toMatchObject({ severity: 'critical' });
  });

  it('keeps an active alert until the drop is well back under the share', () => {
    // 9.6 % down: under the 10 % that raises, over the 9 % that ends.
    expect(dailyDrop(online, 50, 45.2, 0.1, true)).toMatchObject({ severity: 'warning' });
    expect(dailyDrop(online, 50, 45.6, 0.1, true)).toBeNull();
  });

  it('says nothing without a previous day, or from zero', () => {
    expect(dailyDrop(online, null, 10, 0.1, false)).toBeNull();
    expect(dailyDrop(online, 0, 0, 0.1, false)).toBeNull();
    expect(dailyDrop(online, 50, null, 0.1, false)).toBeNull();
  });

  it('counts a rise as the drop where lower is better', () => {
    expect(dailyDrop(lowerIsBetter, 10, 12, 0.1, false)).toMatchObject({ severity: 'warning' });
    expect(dailyDrop(lowerIsBetter, 10, 8, 0.1, false)).toBeNull();
  });
});

describe('sourceSilent', () => {
  const MIN = 60_000;
  it('says nothing while the source spoke within the allowed silence', () => {
    expect(sourceSilent(0, 15 * MIN, 15 * MIN)).toBeNull();
  });

  it('is critical once the silence is longer, with the allowed silence in seconds', () => {
    expect(sourceSilent(0, 15 * MIN + 1, 15 * MIN)).toEqual({ severity: 'critical', value: null, threshold: 900 });
  });
});

describe('AlertRulesSchema', () => {
  it('gives the shipped defaults for an empty file: graded by bands, the sample departments left out', () => {
    expect(AlertRulesSchema.parse({})).toEqual(DEFAULT_ALERT_RULES);
    expect(DEFAULT_ALERT_RULES.belowTarget).toEqual({
      severity: 'band',
      indicators: {},
      scope: ['districts', 'province', 'localities'],
    });
  });

  it('refuses an unknown indicator or field, naming it', () => {
    const bad = AlertRulesSchema.safeParse({ belowTarget: { indicators: { 'no-such': 'off' } } });
    expect(bad.success || bad.error.issues[0]?.path).toEqual(['belowTarget', 'indicators', 'no-such']);
    const extra = AlertRulesSchema.safeParse({ belowTraget: {} });
    expect(extra.success).toBe(false);
  });

  it('grades a finding as configured', () => {
    const rule = AlertRulesSchema.parse({ belowTarget: { indicators: { 'online-payment-rate': 'warning' } } });
    expect(grade(rule.belowTarget, 'online-record-rate', 'critical')).toBe('critical');
    expect(grade(rule.belowTarget, 'online-payment-rate', 'critical')).toBe('warning');
    expect(grade({ ...rule.belowTarget, severity: 'off' }, 'online-record-rate', 'critical')).toBeNull();
  });
});
