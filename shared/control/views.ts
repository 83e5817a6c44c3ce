import { z } from 'zod';
import { isIndicatorId } from '../catalog/indicators';

/** The views an operator can put on a screen, in the order a presenter remote steps through them. */
export const VIEW_NAMES = ['overview', 'district', 'grid', 'identity', 'services', 'tasks', 'ranking'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** A region code as the views take it (`417`); whether it names a district is checked against the region set. */
export const RegionCodeSchema = z.string().regex(/^[\w-]{1,32}$/, 'a unit code such as 417');

/**
 * A view with its parameters, as an operator asks for it: the overview on an indicator (with a unit on its trend),
 * a district, the grid on an indicator in an order, a theme, the task board or the ranking. The screen's language
 * is a screen parameter, not the view's: a command carries it beside the view.
 */
export const ViewSpecSchema = z
  .object({
    view: z.enum(VIEW_NAMES),
    indicator: z.string().refine(isIndicatorId, 'not an indicator of the catalogue').optional(),
    /** The district a district view shows, or the unit on the overview's trend. */
    district: RegionCodeSchema.optional(),
    /** The grid's order. */
    order: z.enum(['region', 'rank']).optional(),
  })
  .strict()
  .refine((spec) => spec.view !== 'district' || spec.district !== undefined, {
    message: 'a district view needs its district',
    path: ['district'],
  });

export type ViewSpec = z.infer<typeof ViewSpecSchema>;

const PATHS: Record<Exclude<ViewName, 'overview' | 'district'>, string> = {
  grid: '/grid',
  identity: '/identity',
  services: '/services',
  tasks: '/tasks',
  ranking: '/ranking',
};

/**
 * The wall's address of a view: `/district/417?indicator=…`. The indicator rides along on every view, as the wall
 * keeps it from view to view, so that stepping through the views and back finds it again.
 */
export function viewPath(spec: ViewSpec): string {
  // NOTE: no URLSearchParams: shared code runs without DOM or Node types; every value here is URL-safe already.
  const query: string[] = [];
  if (spec.indicator) query.push(`indicator=${spec.indicator}`);
  let path: string;
  if (spec.view === 'overview') {
    path = '/';
    if (spec.district) query.push(`district=${encodeURIComponent(spec.district)}`);
  } else if (spec.view === 'district') {
    path = `/district/${encodeURIComponent(spec.district ?? '')}`;
  } else {
    path = PATHS[spec.view];
    if (spec.view === 'grid' && spec.order) query.push(`order=${spec.order}`);
  }
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The little of a URL's query that reading a view needs (a URLSearchParams has it). */
export interface QueryReader {
  get(key: string): string | null;
}

const isIndicator = (value: string | null): value is string => value !== null && isIndicatorId(value);

/** What a screen's address shows, read back from its path and query; null for an address that is no view. */
export function parseViewPath(pathname: string, search: QueryReader): ViewSpec | null {
  const indicator = search.get('indicator');
  const base = isIndicator(indicator) ? { indicator } : {};
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (trimmed === '/') {
    const district = search.get('district');
    return { view: 'overview', ...base, ...(district && RegionCodeSchema.safeParse(district).success && { district }) };
  }
  const district = /^\/district\/([^/]+)$/.exec(trimmed)?.[1];
  if (district !== undefined) {
    const code = decodeURIComponent(district);
    return RegionCodeSchema.safeParse(code).success ? { view: 'district', ...base, district: code } : null;
  }
  for (const [view, path] of Object.entries(PATHS) as [Exclude<ViewName, 'overview' | 'district'>, string][]) {
    if (trimmed !== path) continue;
    const order = search.get('order');
    return { view, ...base, ...(view === 'grid' && (order === 'rank' || order === 'region') && { order }) };
  }
  return null;
}

/**
 * The view before or after `from` in `VIEW_NAMES`, keeping its indicator and district, for a presenter remote.
 * A district view needs a district: the one `from` had, else `fallbackDistrict`.
 */
export function stepView(from: ViewSpec | null, by: 1 | -1, fallbackDistrict: string): ViewSpec {
  const at = from ? VIEW_NAMES.indexOf(from.view) : by === 1 ? -1 : 0;
  const view = VIEW_NAMES[(at + by + VIEW_NAMES.length) % VIEW_NAMES.length] as ViewName;
  const district = from?.district ?? fallbackDistrict;
  return {
    view,
    ...(from?.indicator && { indicator: from.indicator }),
    ...((view === 'district' || (view === 'overview' && from?.district)) && { district }),
    ...(view === 'grid' && from?.order && { order: from.order }),
  };
}
