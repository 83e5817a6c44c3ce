import { z } from 'zod';
import { catalog } from '../catalog';
import type { Severity } from './rules';

/**
 * How a rule grades what it finds: `off` raises nothing, `warning` and `critical` always that severity, `band`
 * critical when the figure is in its indicator's critical band and a warning otherwise.
 */
export const RuleSeveritySchema = z.enum(['off', 'warning', 'critical', 'band']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

/** Where a figure rule looks: the districts, the departments, and the roll-ups by their ids. */
export const AlertScopeSchema = z.enum(['districts', 'departments', 'province', 'localities']);
export type AlertScope = z.infer<typeof AlertScopeSchema>;

const perIndicator = z
  .record(z.string(), RuleSeveritySchema)
  .default({})
  .superRefine((map, ctx) => {
    for (const id of Object.keys(map)) {
      if (!(id in catalog)) ctx.addIssue({ code: 'custom', path: [id], message: `no indicator "${id}"` });
    }
  });

const DEFAULT_SCOPE: AlertScope[] = ['districts', 'province', 'localities'];

/** A rule on figures: its grading, per indicator where it differs, and where it looks. */
const figureRule = () =>
  z
    .object({
      severity: RuleSeveritySchema.default('band'),
      indicators: perIndicator,
      scope: z.array(AlertScopeSchema).default(DEFAULT_SCOPE),
    })
    .strict()
    .default({ severity: 'band', indicators: {}, scope: DEFAULT_SCOPE });

/**
 * Which figures raise alerts and how severe, for one deployment (`ALERT_RULES_FILE`). Every field is optional; the
 * defaults are the shipped province's. The sample departments are left out by default: their figures are
 * illustrations, and a leader must not be told they are on fire.
 */
export const AlertRulesSchema = z
  .object({
    belowTarget: figureRule(),
    /** `band` here: critical past twice the allowed drop, a warning otherwise. */
    dailyDrop: figureRule(),
    sourceSilent: z
      .object({ severity: z.enum(['off', 'warning', 'critical']).default('critical') })
      .strict()
      .default({ severity: 'critical' }),
    /** How long a change stays on the wall's ticker after it happened. */
    tickerMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
  })
  .strict();

export type AlertRules = z.infer<typeof AlertRulesSchema>;
export type FigureRule = AlertRules['belowTarget'];

export const DEFAULT_ALERT_RULES: AlertRules = AlertRulesSchema.parse({});

/** The scope a region falls in: a district, a department, or a roll-up by its id. */
export function scopeOf(region: string, level: 'district' | 'department' | undefined): AlertScope | null {
  if (level === 'district') return 'districts';
  if (level === 'department') return 'departments';
  return AlertScopeSchema.safeParse(region).success ? (region as AlertScope) : null;
}

/** Applies a rule's grading to what the rule found (`worst`: the critical reading of `band`). */
export function grade(rule: FigureRule, indicator: string, found: Severity): Severity | null {
  const setting = rule.indicators[indicator] ?? rule.severity;
  if (setting === 'off') return null;
  return setting === 'band' ? found : setting;
}
