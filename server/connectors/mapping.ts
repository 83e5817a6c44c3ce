import jsonata from 'jsonata';
import type { ConnectorIssue, MappingConfig } from '../../shared/connectors';
import { type ObservationInput, ObservationInputSchema } from '../../shared/ingest';
import type { RegionSet } from '../../shared/regions';

/** Bounds on one evaluation, so that a mistaken expression cannot hold the server. */
const EVALUATION = { timeout: 2_000, stack: 200 };
/** How many wrong records an error names; the count says how many more there were. */
const MAX_ISSUES = 20;

export type MappingResult =
  | { ok: true; observations: ObservationInput[] }
  | { ok: false; message: string; issues: ConnectorIssue[] };

export interface Mapper {
  /** Turns a source's answer into observations; `pulledAt` stands for a record's missing `at`. */
  map(input: unknown, pulledAt: number): Promise<MappingResult>;
}

/** Unit names compare without case, accents kept, spaces normalised: "huyện  Kỳ Sơn" finds "Huyện Kỳ Sơn". */
const unitKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** A mapping that cannot work in this deployment, with the field of `mapping` at fault. */
export class MappingSetupError extends Error {
  constructor(
    readonly field: 'expression' | 'units',
    message: string,
  ) {
    super(message);
    this.name = 'MappingSetupError';
  }
}

/** Compiles an expression, throwing a message with the position of a syntax error. */
export function compileExpression(text: string): jsonata.Expression {
  try {
    return jsonata(text, EVALUATION);
  } catch (error) {
    const e = error as Partial<jsonata.JsonataError>;
    const where = e.position === undefined ? '' : ` (at character ${e.position})`;
    throw new MappingSetupError('expression', `${e.message ?? String(error)}${where}`);
  }
}

/**
 * Builds a connector's mapping: a JSONata expression (records out of the answer) and a table of unit names. Checks
 * at start that the expression compiles and that every code in the table is a unit of the live region set.
 */
export function makeMapper(config: MappingConfig, regions: Pick<RegionSet, 'isUnit'>): Mapper {
  const expression = compileExpression(config.expression);
  const units = new Map<string, string>();
  for (const [name, code] of Object.entries(config.units)) {
    if (!regions.isUnit(code)) {
      throw new MappingSetupError('units', `"${name}" maps to ${code}, which is not a unit of this wall`);
    }
    units.set(unitKey(name), code);
  }

  const regionOf = (value: unknown): string | undefined | { unknown: string } => {
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value !== 'string') return undefined;
    const code = units.get(unitKey(value));
    if (code) return code;
    if (regions.isUnit(value.trim())) return value.trim();
    return { unknown: value };
  };

  /** One record as an observation, or what is wrong with it, by field. */
  const checkRecord = (
    record: unknown,
    pulledAt: number,
  ): { observation: ObservationInput } | { problems: { field: string | null; message: string }[] } => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { problems: [{ field: null, message: 'the mapping made something other than an object' }] };
    }
    const region = regionOf((record as { region?: unknown }).region);
    if (region === undefined) {
      return { problems: [{ field: 'region', message: 'missing: a unit code or a name in the units table' }] };
    }
    if (typeof region === 'object') {
      const message = `"${region.unknown}" is neither a unit code nor a name in the units table`;
      return { problems: [{ field: 'region', message }] };
    }
    const parsed = ObservationInputSchema.safeParse({ at: pulledAt, ...record, region });
    if (parsed.success) return { observation: parsed.data };
    return {
      problems: parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? { field: issue.keys.join(', '), message: `not a field of an observation (unit ${region})` }
          : { field: issue.path.join('.') || null, message: `${issue.message} (unit ${region})` },
      ),
    };
  };

  return {
    async map(input, pulledAt) {
      let out: unknown;
      try {
        out = await expression.evaluate(input, { pulledAt });
      } catch (error) {
        const e = error as Partial<jsonata.JsonataError>;
        return { ok: false, message: `the mapping failed: ${e.message ?? String(error)}`, issues: [] };
      }
      // Nested arrays (one list per row) count as one list of records.
      const records: unknown[] =
        out === undefined ? [] : Array.isArray(out) ? out.flat(Number.POSITIVE_INFINITY) : [out];
      const observations: ObservationInput[] = [];
      const issues: ConnectorIssue[] = [];
      let wrong = 0;
      records.forEach((record: unknown, i) => {
        const checked = checkRecord(record, pulledAt);
        if ('observation' in checked) {
          observations.push(checked.observation);
          return;
        }
        wrong += checked.problems.length;
        for (const p of checked.problems) {
          if (issues.length < MAX_ISSUES)
            issues.push({ path: ['records', i, ...(p.field ? [p.field] : [])], message: p.message });
        }
      });
      if (wrong > 0) {
        const message = `${wrong} problem${wrong === 1 ? '' : 's'} in ${records.length} records; nothing was applied`;
        return { ok: false, message, issues };
      }
      return { ok: true, observations };
    },
  };
}
