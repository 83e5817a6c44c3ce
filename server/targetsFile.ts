import { readFileSync } from 'node:fs';
import { type IndicatorId, resolveTargets, TargetOverridesSchema, type Targets } from '../shared/catalog';

/**
 * The targets in force: the catalogue's, with the overrides of a deployment's targets file (JSON, see
 * `TargetOverridesSchema`) when there is one. Throws a message naming the problem (the file, the field), for the
 * configuration error that stops the server at start.
 */
export function readTargetsFile(file: string | undefined): Record<IndicatorId, Targets> {
  if (file === undefined) return resolveTargets();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = TargetOverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return resolveTargets(parsed.data);
}
