import type { IndicatorId } from '../../shared/catalog';
import type { ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import type { SimulationModel, UnitProfile } from './baseline';
import type { Random } from './random';

/** One thing that happened at a unit. */
export type SimEvent =
  | {
      kind: 'record';
      unit: string;
      online: boolean;
      essential: boolean;
      digitised: boolean;
      /** null: the procedure has no fee. */
      paidOnline: boolean | null;
    }
  | { kind: 'eid-collected'; unit: string }
  | { kind: 'eid-activated'; unit: string }
  | { kind: 'id-card-issued'; unit: string; newlyEligible: boolean };

/** The mix of events: most are administrative-procedure records; the rest is identity work. */
const MIX = { record: 0.75, eidCollected: 0.08, eidActivated: 0.1, idCard: 0.07 };

/**
 * Draws the next `count` events. Which unit and which outcome depend only on the model and the random sequence,
 * so the same seed replays the same events. Outside office hours almost every record is an online one.
 */
export function nextEvents(model: SimulationModel, random: Random, count: number, countersOpen: boolean): SimEvent[] {
  const recordWeights = model.profiles.map((p) => p.recordWeight);
  const identityWeights = model.profiles.map((p) => p.identityWeight);
  const events: SimEvent[] = [];
  for (let n = 0; n < count; n++) {
    const roll = random.next();
    if (roll < MIX.record) {
      const p = model.profiles[random.weighted(recordWeights)] as UnitProfile;
      const essential = random.next() < p.essential;
      const onlineShare = essential ? p.essentialOnline : p.online;
      events.push({
        kind: 'record',
        unit: p.code,
        online: random.next() < (countersOpen ? onlineShare : Math.max(onlineShare, 0.92)),
        essential,
        digitised: random.next() < p.digitised,
        paidOnline: random.next() < p.withFee ? random.next() < p.paidOnline : null,
      });
      continue;
    }
    const p = model.profiles[random.weighted(identityWeights)] as UnitProfile;
    if (roll < MIX.record + MIX.eidCollected) events.push({ kind: 'eid-collected', unit: p.code });
    else if (roll < MIX.record + MIX.eidCollected + MIX.eidActivated)
      events.push({ kind: 'eid-activated', unit: p.code });
    else events.push({ kind: 'id-card-issued', unit: p.code, newlyEligible: random.next() < 0.5 });
  }
  return events;
}

type Lookup = (region: string, indicator: IndicatorId) => Reading | undefined;

/**
 * Turns events into observations, the way a source system would report them: increments for counts, and the
 * new numerator and denominator for rates (read from the live state and moved by the events).
 */
export function eventsToObservations(events: readonly SimEvent[], current: Lookup, at: number): ObservationInput[] {
  const counts = new Map<string, { region: string; indicator: IndicatorId; delta: number }>();
  const rates = new Map<string, { region: string; indicator: IndicatorId; num: number; den: number }>();
  const count = (region: string, indicator: IndicatorId) => {
    const key = `${region}|${indicator}`;
    const entry = counts.get(key) ?? { region, indicator, delta: 0 };
    entry.delta += 1;
    counts.set(key, entry);
  };
  const rate = (region: string, indicator: IndicatorId, hit: boolean) => {
    const key = `${region}|${indicator}`;
    let entry = rates.get(key);
    if (!entry) {
      const r = current(region, indicator);
      entry = { region, indicator, num: r?.num ?? 0, den: r?.den ?? 0 };
      rates.set(key, entry);
    }
    entry.den += 1;
    if (hit) entry.num += 1;
  };
  for (const e of events) {
    switch (e.kind) {
      case 'record':
        count(e.unit, e.online ? 'records-today-online' : 'records-today-offline');
        rate(e.unit, 'online-record-rate', e.online);
        if (e.essential) rate(e.unit, 'essential-online-rate', e.online);
        rate(e.unit, 'digitised-results-rate', e.digitised);
        if (e.paidOnline !== null) rate(e.unit, 'online-payment-rate', e.paidOnline);
        break;
      case 'eid-collected':
        count(e.unit, 'eid-collected');
        break;
      case 'eid-activated':
        count(e.unit, 'eid-activated');
        break;
      case 'id-card-issued':
        count(e.unit, 'id-cards-issued');
        if (e.newlyEligible) count(e.unit, 'eligible-citizens');
        break;
    }
  }
  return [...[...counts.values()].map((c) => ({ ...c, at })), ...[...rates.values()].map((r) => ({ ...r, at }))];
}

/** The absolute figures the simulation starts from, with today's records so far. */
export function startObservations(
  model: SimulationModel,
  at: number,
  recordsSoFarToday: number,
  onlineShareToday: (profile: UnitProfile) => number,
): ObservationInput[] {
  const out: ObservationInput[] = [];
  const totalWeight = model.profiles.reduce((sum, p) => sum + p.recordWeight, 0);
  for (const [i, s] of model.start.entries()) {
    const profile = model.profiles[i] as UnitProfile;
    for (const [indicator, value] of Object.entries(s.counts)) out.push({ region: s.code, indicator, at, value });
    for (const [indicator, [num, den]] of Object.entries(s.rates))
      out.push({ region: s.code, indicator, at, num, den });
    out.push({ region: s.code, indicator: 'service-index', at, value: s.serviceIndex });
    const today = Math.round((recordsSoFarToday * profile.recordWeight) / totalWeight);
    const online = Math.round(today * onlineShareToday(profile));
    out.push({ region: s.code, indicator: 'records-today-online', at, value: online });
    out.push({ region: s.code, indicator: 'records-today-offline', at, value: today - online });
  }
  return out;
}
