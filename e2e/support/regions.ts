import { readFileSync } from 'node:fs';
import { createRegionSet } from '../../shared/regions/regionSet';

/**
 * The deployment's region set, read from its file: the specs run under Node's own module loader, which does not
 * import JSON without an import attribute (the product's bundlers do).
 */
export const regionSet = createRegionSet(
  JSON.parse(readFileSync(new URL('../../shared/regions/nghe-an.json', import.meta.url), 'utf8')),
);
