import { type IndicatorId, indicatorOf, isIndicatorId } from '../../shared/catalog';
import type { InputIssue, ObservationInput } from '../../shared/ingest';
import { type RegionSet, unitLevel } from '../../shared/regions';

/** An observation that passed every check: a known unit, an indicator it may send, a possible value. */
export interface Observation {
  region: string;
  indicator: IndicatorId;
  at: number;
  value?: number;
  num?: number;
  den?: number;
  delta?: number;
}

export interface ValidationContext {
  regions: RegionSet;
  now: number;
  /** How far ahead of the server's clock an observation may be stamped (clock skew between systems). */
  maxFutureMs: number;
  /**
   * The value an increment stamped `at` would add to (0 for a daily count whose live value belongs to another
   * day), so that a negative increment cannot take a count below zero.
   */
  currentCount: (region: string, indicator: IndicatorId, at: number) => number;
}

/** The earliest time an observation may carry: nothing on the wall predates Project 06's reporting systems. */
const EARLIEST_AT = Date.UTC(2000, 0, 1);

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * The largest count, numerator or denominator one unit may report: a trillion, beyond any province's figure, and
 * small enough that a roll-up of 9,000 units still sums exactly (JavaScript numbers are exact to 2^53; past it
 * 1e20 + 21 is 1e20, and every other unit's count would vanish from the totals).
 */
export const MAX_UNIT_FIGURE = 1e12;
const TOO_LARGE = `must be at most ${MAX_UNIT_FIGURE.toLocaleString('en-US')}`;

/**
 * Checks a batch against the catalogue and region set. Returns every issue found (so a source can fix a whole
 * batch in one go) or the batch as typed observations. Nothing here has side effects.
 */
export function validateObservations(
  inputs: readonly ObservationInput[],
  ctx: ValidationContext,
  pathPrefix: (string | number)[] = ['observations'],
): { ok: true; observations: Observation[] } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const observations: Observation[] = [];
  // Running totals of counts within the batch, so that several increments are checked together.
  const counts = new Map<string, number>();

  // NOTE: a loop with no closure made per observation: a batch may hold thousands.
  let index = -1;
  const fail = (field: string, message: string) => issues.push({ path: [...pathPrefix, index, field], message });
  for (const input of inputs) {
    index += 1;
    const unit = ctx.regions.unit(input.region) ?? ctx.regions.subunit(input.region);
    if (!unit) {
      fail(
        'region',
        ctx.regions.isRegion(input.region)
          ? `${input.region} is a roll-up computed by the wall; send its units instead`
          : `unknown region ${input.region}`,
      );
    } else if (ctx.regions.hasSubunits(unit.code)) {
      fail(
        'region',
        `${unit.code} rolls up from its ${ctx.regions.subunitsOf(unit.code).length} sub-units; send those`,
      );
    }
    if (!isIndicatorId(input.indicator)) {
      fail('indicator', `unknown indicator ${input.indicator}`);
      continue;
    }
    const indicator = indicatorOf(input.indicator);
    if (indicator.derived) {
      fail(
        'indicator',
        `${indicator.id} is derived from ${indicator.derived.num} and ${indicator.derived.den}; send those instead`,
      );
      continue;
    }
    if (unit && !indicator.appliesTo.includes(unitLevel(unit))) {
      fail('indicator', `${indicator.id} does not apply to ${unitLevel(unit)} ${unit.code}`);
    }
    if (!Number.isFinite(input.at) || input.at < EARLIEST_AT) fail('at', 'time is not a valid date after 2000');
    else if (input.at > ctx.now + ctx.maxFutureMs) fail('at', 'time is in the future');

    for (const field of ['value', 'num', 'den', 'delta'] as const) {
      const v = input[field];
      if (v !== undefined && !Number.isFinite(v)) fail(field, `${field} must be a finite number`);
    }

    switch (indicator.kind) {
      case 'count': {
        if (input.num !== undefined || input.den !== undefined) {
          fail('num', `${indicator.id} is a count: send value or delta, not num and den`);
          break;
        }
        const key = `${input.region}|${indicator.id}`;
        const before = counts.get(key) ?? ctx.currentCount(input.region, indicator.id, input.at);
        if (finite(input.value)) {
          if (input.value < 0 || !Number.isInteger(input.value)) {
            fail('value', 'a count must be a whole number of zero or more');
          } else if (input.value > MAX_UNIT_FIGURE) fail('value', `a count ${TOO_LARGE}`);
          counts.set(key, input.value);
        } else if (finite(input.delta)) {
          if (!Number.isInteger(input.delta)) fail('delta', 'an increment of a count must be a whole number');
          else if (before + input.delta < 0) fail('delta', `the increment would make the count negative`);
          else if (before + input.delta > MAX_UNIT_FIGURE)
            fail('delta', `the increment would make the count larger than ${MAX_UNIT_FIGURE.toLocaleString('en-US')}`);
          counts.set(key, before + input.delta);
        }
        break;
      }
      case 'rate': {
        if (input.num === undefined || input.den === undefined) {
          fail(input.value !== undefined ? 'value' : 'delta', `${indicator.id} is a rate: send num and den`);
          break;
        }
        if (!finite(input.num) || !finite(input.den)) break;
        if (input.num < 0) fail('num', 'num must be zero or more');
        if (input.den < 0) fail('den', 'den must be zero or more');
        if (input.num > input.den) fail('num', 'num must not exceed den');
        if (input.den > MAX_UNIT_FIGURE) fail('den', `den ${TOO_LARGE}`);
        break;
      }
      case 'score': {
        if (input.value === undefined) {
          fail(input.delta !== undefined ? 'delta' : 'num', `${indicator.id} is a score: send value`);
          break;
        }
        if (finite(input.value) && (input.value < 0 || input.value > 100)) {
          fail('value', 'a score must be between 0 and 100');
        }
        break;
      }
    }
    if (unit) {
      const { region, at: time, value, num, den, delta } = input;
      observations.push({
        region,
        indicator: indicator.id,
        at: time,
        ...(value !== undefined && { value }),
        ...(num !== undefined && { num }),
        ...(den !== undefined && { den }),
        ...(delta !== undefined && { delta }),
      });
    }
  }

  return issues.length ? { ok: false, issues } : { ok: true, observations };
}
