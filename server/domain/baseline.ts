import baseline from '../../shared/data/project06-baseline.json';
import type { SimulationFigures } from '../../shared/deployment';
import type { RegionSet } from '../../shared/regions';
import { apportion, apportionRate } from './apportion';
import type { Random } from './random';

export type Project06Figures = typeof baseline;
export const project06 = baseline;

/** How far a province's standing moves its communes' rates, in widths of the units' own spread. */
const PROVINCE_SPREAD = 1.6;

/**
 * Each fed unit's province's standing, from -1 (lags in everything) to 1, seeded: most provinces do well and a
 * few lag far behind. 0 for every unit of a set without sub-units, which draws nothing.
 */
function provinceStanding(regions: RegionSet, fed: readonly { code: string }[], random: Random): readonly number[] {
  const parents = fed.map((u) => regions.subunit(u.code)?.parent);
  const byParent = new Map<string, number>();
  for (const parent of parents) {
    if (parent !== undefined && !byParent.has(parent)) byParent.set(parent, 1 - 2 * random.next() ** 1.6);
  }
  return parents.map((p) => (p === undefined ? 0 : (byParent.get(p) ?? 0)));
}

/** The seed article's figures with a deployment's own in their place (a country's identity figures). */
export function withOwnFigures(own: SimulationFigures | undefined): Project06Figures {
  if (!own) return project06;
  const f = project06.figures;
  return {
    ...project06,
    figures: {
      ...f,
      chipCitizenIdCardsIssued: { ...f.chipCitizenIdCardsIssued, value: own.chipCitizenIdCardsIssued },
      electronicIdAccounts: { ...f.electronicIdAccounts, ...own.electronicIdAccounts },
    },
  };
}

/** How one unit behaves in the simulation: its share of activity and the shares its records fall into. */
export interface UnitProfile {
  code: string;
  level: 'district' | 'department';
  /** Relative amount of administrative-procedure records (the unit's 2023 records). */
  recordWeight: number;
  /** Relative amount of ID-card and e-ID work (districts only). */
  identityWeight: number;
  online: number;
  essential: number;
  essentialOnline: number;
  digitised: number;
  /** Share of records with a fee, and the share of those paid online. */
  withFee: number;
  paidOnline: number;
  activation: number;
}

/** A unit's absolute figures at the start of the simulation. */
export interface UnitStart {
  code: string;
  counts: Partial<Record<'id-cards-issued' | 'eligible-citizens' | 'eid-collected' | 'eid-activated', number>>;
  rates: Partial<
    Record<
      'online-record-rate' | 'essential-online-rate' | 'digitised-results-rate' | 'online-payment-rate',
      [number, number]
    >
  >;
  serviceIndex: number;
}

export interface SimulationModel {
  profiles: UnitProfile[];
  start: UnitStart[];
}

/** Records handled in 2023 by localities and by departments: chosen so the article's three rates hold together. */
const RECORDS_2023 = { localities: 702_600, departments: 497_400 };
const ESSENTIAL_RECORDS_2023 = { localities: 300_000, departments: 100_000 };
const FEE_SHARE = 0.35;
/**
 * Rates the article does not give, chosen for the simulation; not round, so that a sample figure does not look like
 * a reported one. For the essential services the article gives the province's rate only: the localities' share is
 * chosen and the departments' follows from it.
 */
const ESSENTIAL_LOCALITIES_RATE = 0.7713;
const DIGITISED_RATE = { localities: 0.7384, departments: 0.6617 };
const PAYMENT_RATE = { localities: 0.3826, departments: 0.3093 };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Spreads the article's province figures over the units: by commune-level unit counts (districts) or a sampled
 * weight (departments), with a seeded spread so that units differ and some fall below target. Province roll-ups
 * of the result equal the article's figures exactly (counts) or to two decimals (rates).
 */
export function buildSimulationModel(regions: RegionSet, random: Random, figures = project06): SimulationModel {
  const f = figures.figures;
  // Sources report on sub-units where a unit's figures roll up from them (a province's communes), so those are fed.
  const districts = regions.districts.flatMap((d): readonly { code: string; weight: number }[] =>
    regions.hasSubunits(d.code) ? regions.subunitsOf(d.code) : [d],
  );
  const departments = regions.departments;
  const dWeights = districts.map((d) => d.weight * random.between(0.85, 1.15));
  const pWeights = departments.map(() => random.between(0.5, 1.5));
  // Where units roll up into provinces, each province stands better or worse in everything, or provinces of
  // hundreds of communes would all average out to the article's rate. A set without sub-units draws nothing here.
  const standing = provinceStanding(regions, districts, random);
  const spread = (centre: number, width: number, n: number, lift?: readonly number[]) =>
    Array.from({ length: n }, (_, i) =>
      clamp(centre + PROVINCE_SPREAD * width * (lift?.[i] ?? 0) + random.between(-width, width), 0.02, 0.98),
    );

  // Identity work is done per district by the police.
  const issued = apportion(f.chipCitizenIdCardsIssued.value, dWeights);
  // Most districts are nearly done; the fourth power gives a long tail of a few that lag.
  const gaps = districts.map((_, i) => 0.0015 + 0.035 * random.next() ** 4 + 0.03 * Math.max(0, -(standing[i] ?? 0)));
  const collected = apportion(f.electronicIdAccounts.collected, dWeights);
  const activation = spread(
    f.electronicIdAccounts.activated / f.electronicIdAccounts.collected,
    0.09,
    districts.length,
    standing,
  );
  const activated = apportionRate(f.electronicIdAccounts.activated, collected, activation);

  // Records: localities and departments separately, so that both splits and the province rate match the article.
  const rateFor = (
    level: 'localities' | 'departments',
    totals: { localities: number; departments: number },
    rate: number,
    width: number,
  ) => {
    const weights = level === 'localities' ? dWeights : pWeights;
    const dens = apportion(totals[level], weights);
    const rates = spread(rate, width, weights.length, level === 'localities' ? standing : undefined);
    return { dens, nums: apportionRate(Math.round(totals[level] * rate), dens, rates), rates };
  };
  const E = ESSENTIAL_RECORDS_2023;
  const online = {
    localities: rateFor('localities', RECORDS_2023, f.onlineRecordRate2023.localities / 100, 0.2),
    departments: rateFor('departments', RECORDS_2023, f.onlineRecordRate2023.departments / 100, 0.15),
  };
  const essentialOnline = (f.essentialServicesOnlineRecordRate.value / 100) * (E.localities + E.departments);
  const essential = {
    localities: rateFor('localities', E, ESSENTIAL_LOCALITIES_RATE, 0.14),
    departments: rateFor(
      'departments',
      E,
      (essentialOnline - ESSENTIAL_LOCALITIES_RATE * E.localities) / E.departments,
      0.14,
    ),
  };
  const digitised = {
    localities: rateFor('localities', RECORDS_2023, DIGITISED_RATE.localities, 0.16),
    departments: rateFor('departments', RECORDS_2023, DIGITISED_RATE.departments, 0.16),
  };
  const feeRecords = {
    localities: Math.round(RECORDS_2023.localities * FEE_SHARE),
    departments: Math.round(RECORDS_2023.departments * FEE_SHARE),
  };
  const payment = {
    localities: rateFor('localities', feeRecords, PAYMENT_RATE.localities, 0.17),
    departments: rateFor('departments', feeRecords, PAYMENT_RATE.departments, 0.15),
  };

  const profiles: UnitProfile[] = [];
  const start: UnitStart[] = [];
  const units = [
    ...districts.map((u, i) => ({ code: u.code, level: 'district' as const, i, group: 'localities' as const })),
    ...departments.map((u, i) => ({ code: u.code, level: 'department' as const, i, group: 'departments' as const })),
  ];
  for (const { code, level, i, group } of units) {
    const pair = (r: { dens: number[]; nums: number[] }): [number, number] => [r.nums[i] ?? 0, r.dens[i] ?? 0];
    const share = (r: { dens: number[]; nums: number[] }) => (r.nums[i] ?? 0) / Math.max(1, r.dens[i] ?? 0);
    const isDistrict = level === 'district';
    const startIssued = isDistrict ? (issued[i] ?? 0) : 0;
    profiles.push({
      code,
      level,
      recordWeight: online[group].dens[i] ?? 0,
      identityWeight: isDistrict ? (dWeights[i] ?? 0) : 0,
      online: share(online[group]),
      essential: ESSENTIAL_RECORDS_2023[group] / RECORDS_2023[group],
      essentialOnline: share(essential[group]),
      digitised: share(digitised[group]),
      withFee: FEE_SHARE,
      paidOnline: share(payment[group]),
      activation: isDistrict ? (activation[i] ?? 0.8) : 0,
    });
    start.push({
      code,
      counts: isDistrict
        ? {
            'id-cards-issued': startIssued,
            'eligible-citizens': Math.round(startIssued / (1 - (gaps[i] ?? 0))),
            'eid-collected': collected[i] ?? 0,
            'eid-activated': activated[i] ?? 0,
          }
        : {},
      rates: {
        'online-record-rate': pair(online[group]),
        'essential-online-rate': pair(essential[group]),
        'digitised-results-rate': pair(digitised[group]),
        'online-payment-rate': pair(payment[group]),
      },
      serviceIndex: round(clamp(82 + 12 * (isDistrict ? (standing[i] ?? 0) : 0) + random.between(-16, 13), 40, 99), 1),
    });
  }
  return { profiles, start };
}
