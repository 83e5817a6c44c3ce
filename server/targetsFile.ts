import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type AlertRules, AlertRulesSchema, DEFAULT_ALERT_RULES } from '../shared/alerts';
import { type IndicatorId, resolveTargets, TargetOverridesSchema, type Targets } from '../shared/catalog';

/**
 * The targets in force: the catalogue's, with the overrides of a deployment's targets file (JSON, see
 * `TargetOverridesSchema`) when there is one. Throws a message naming the problem (the file, the field), for the
 * configuration error that stops the server at start.
 */
export function readTargetsFile(file: string | undefined): Record<IndicatorId, Targets> {
  if (file === undefined) return resolveTargets();
  return resolveTargets(readJsonFile(file, TargetOverridesSchema));
}

/**
 * The alert rules in force: a deployment's rules file (JSON, see `AlertRulesSchema`), else the shipped defaults.
 * Throws as `readTargetsFile` does.
 */
export function readAlertRulesFile(file: string | undefined): AlertRules {
  return file === undefined ? DEFAULT_ALERT_RULES : readJsonFile(file, AlertRulesSchema);
}

function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return parsed.data;
}
