import type { UnitLevel } from '../regions/schema';

/**
 * The indicator catalogue: what the wall measures, in which unit, how a unit's figures roll up to the province,
 * and what counts as good. Targets and bands marked `default` are this product's choice where the source article
 * gives none; every target and band can be overridden per deployment.
 */
export const INDICATOR_IDS = [
  'id-cards-issued',
  'eligible-citizens',
  'id-card-coverage',
  'eid-collected',
  'eid-activated',
  'eid-activation-rate',
  'online-record-rate',
  'essential-online-rate',
  'digitised-results-rate',
  'online-payment-rate',
  'service-index',
  'records-today-online',
  'records-today-offline',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type Localized = { vi: string; en: string };

/** How a value is stored: a count, a rate kept as numerator over denominator, or a 0-100 score. */
export type IndicatorKind = 'count' | 'rate' | 'score';

export type Rollup =
  /** Counts add up. */
  | { by: 'sum' }
  /** Rates roll up as the sum of numerators over the sum of denominators, never as a mean of rates. */
  | { by: 'ratio' }
  /** Scores roll up as a weighted mean; `equal` gives each unit the same say. */
  | { by: 'weighted'; weights: 'equal' | 'communeLevelUnits' };

/**
 * Threshold bands. With `direction: 'up'`, a value below `critical` is critical, below `warning` is a warning,
 * anything else is ok; with `direction: 'down'` the comparisons flip.
 */
export interface Bands {
  critical: number;
  warning: number;
}

export interface Targets {
  target: number | null;
  bands: Bands | null;
}

export interface Indicator extends Targets {
  id: IndicatorId;
  kind: IndicatorKind;
  label: Localized;
  /** A short label for tiles and legends. */
  short: Localized;
  unit: 'count' | 'percent' | 'points';
  rollup: Rollup;
  direction: 'up' | 'down';
  /** Where the target comes from: the Government, the source article, or this product's configurable default. */
  targetSource: 'government' | 'article' | 'default' | null;
  appliesTo: readonly UnitLevel[];
  /** A rate computed from two counts of the catalogue; sources send the counts, never the rate. */
  derived?: { num: IndicatorId; den: IndicatorId };
  /** Counts that start again from zero at local midnight. */
  resets?: 'daily';
  /** How often a source is expected to update this indicator; staleness is judged against it. */
  expectedIntervalSec: number;
  /** Shown in pickers, rankings and grids; helper inputs such as eligible citizens are not. */
  listed: boolean;
  /** Decimal places on screen. */
  decimals: number;
}

const DISTRICTS: readonly UnitLevel[] = ['district'];
const ALL_UNITS: readonly UnitLevel[] = ['district', 'department'];
const MINUTE = 60;
const HOUR = 60 * MINUTE;

const count = (id: IndicatorId, label: Localized, short: Localized, extra: Partial<Indicator> = {}): Indicator => ({
  id,
  kind: 'count',
  label,
  short,
  unit: 'count',
  rollup: { by: 'sum' },
  direction: 'up',
  target: null,
  bands: null,
  targetSource: null,
  appliesTo: DISTRICTS,
  expectedIntervalSec: 15 * MINUTE,
  listed: true,
  decimals: 0,
  ...extra,
});

const rate = (
  id: IndicatorId,
  label: Localized,
  short: Localized,
  target: number,
  critical: number,
  targetSource: Indicator['targetSource'],
  extra: Partial<Indicator> = {},
): Indicator => ({
  id,
  kind: 'rate',
  label,
  short,
  unit: 'percent',
  rollup: { by: 'ratio' },
  direction: 'up',
  target,
  bands: { critical, warning: target },
  targetSource,
  appliesTo: ALL_UNITS,
  expectedIntervalSec: HOUR,
  listed: true,
  decimals: 2,
  ...extra,
});

const INDICATORS: readonly Indicator[] = [
  count(
    'id-cards-issued',
    { vi: 'Số CCCD gắn chíp đã cấp', en: 'Chip ID cards issued' },
    { vi: 'CCCD đã cấp', en: 'ID cards issued' },
  ),
  count(
    'eligible-citizens',
    { vi: 'Công dân đủ điều kiện cấp CCCD', en: 'Citizens eligible for an ID card' },
    { vi: 'Đủ điều kiện cấp CCCD', en: 'Eligible citizens' },
    { listed: false, expectedIntervalSec: 24 * HOUR },
  ),
  rate(
    'id-card-coverage',
    { vi: 'Tỷ lệ cấp CCCD', en: 'ID card coverage' },
    { vi: 'Tỷ lệ cấp CCCD', en: 'ID coverage' },
    99,
    97,
    'default',
    { appliesTo: DISTRICTS, derived: { num: 'id-cards-issued', den: 'eligible-citizens' } },
  ),
  count(
    'eid-collected',
    { vi: 'Hồ sơ định danh điện tử đã thu nhận', en: 'e-ID applications collected' },
    { vi: 'Định danh đã thu nhận', en: 'e-ID collected' },
  ),
  count(
    'eid-activated',
    { vi: 'Tài khoản định danh điện tử đã kích hoạt', en: 'e-ID accounts activated' },
    { vi: 'Định danh đã kích hoạt', en: 'e-ID activated' },
  ),
  rate(
    'eid-activation-rate',
    { vi: 'Tỷ lệ kích hoạt tài khoản định danh điện tử', en: 'e-ID activation rate' },
    { vi: 'Tỷ lệ kích hoạt', en: 'Activation rate' },
    80,
    70,
    'default',
    { appliesTo: DISTRICTS, derived: { num: 'eid-activated', den: 'eid-collected' } },
  ),
  rate(
    'online-record-rate',
    { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online record rate' },
    { vi: 'Hồ sơ trực tuyến', en: 'Online records' },
    40,
    30,
    'government',
  ),
  rate(
    'essential-online-rate',
    { vi: 'Tỷ lệ hồ sơ trực tuyến 25 dịch vụ công thiết yếu', en: 'Online record rate, 25 essential services' },
    { vi: 'DVC thiết yếu trực tuyến', en: 'Essential services online' },
    70,
    50,
    'default',
  ),
  rate(
    'digitised-results-rate',
    { vi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', en: 'Digitised records and results rate' },
    { vi: 'Số hóa hồ sơ', en: 'Digitised' },
    80,
    60,
    'default',
  ),
  rate(
    'online-payment-rate',
    { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' },
    { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
    30,
    20,
    'default',
  ),
  {
    id: 'service-index',
    kind: 'score',
    label: { vi: 'Chỉ số phục vụ người dân, doanh nghiệp', en: 'Service index for citizens and businesses' },
    short: { vi: 'Chỉ số phục vụ', en: 'Service index' },
    unit: 'points',
    rollup: { by: 'weighted', weights: 'equal' },
    direction: 'up',
    target: 80,
    bands: { critical: 65, warning: 80 },
    targetSource: 'default',
    appliesTo: ALL_UNITS,
    expectedIntervalSec: 31 * 24 * HOUR,
    listed: true,
    decimals: 1,
  },
  count(
    'records-today-online',
    { vi: 'Hồ sơ trực tuyến tiếp nhận hôm nay', en: 'Records received online today' },
    { vi: 'Trực tuyến hôm nay', en: 'Online today' },
    { appliesTo: ALL_UNITS, resets: 'daily', expectedIntervalSec: 30 * MINUTE },
  ),
  count(
    'records-today-offline',
    { vi: 'Hồ sơ trực tiếp tiếp nhận hôm nay', en: 'Records received in person today' },
    { vi: 'Trực tiếp hôm nay', en: 'In person today' },
    { appliesTo: ALL_UNITS, resets: 'daily', expectedIntervalSec: 30 * MINUTE },
  ),
];

export const catalog: Readonly<Record<IndicatorId, Indicator>> = Object.fromEntries(
  INDICATORS.map((i) => [i.id, i]),
) as Record<IndicatorId, Indicator>;

export const indicators: readonly Indicator[] = INDICATORS;

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.hasOwn(catalog, id);
}

/** The rates derived from a count, so that a change to the count can refresh them. */
export const derivedFrom: Readonly<Partial<Record<IndicatorId, readonly IndicatorId[]>>> = (() => {
  const map: Partial<Record<IndicatorId, IndicatorId[]>> = {};
  for (const ind of INDICATORS) {
    if (!ind.derived) continue;
    for (const input of [ind.derived.num, ind.derived.den]) {
      const list = map[input] ?? [];
      list.push(ind.id);
      map[input] = list;
    }
  }
  return map;
})();
