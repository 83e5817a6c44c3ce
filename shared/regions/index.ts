import ngheAn from './nghe-an.json';
import { createRegionSet } from './regionSet';

export * from './regionSet';
export * from './schema';

/** The deployment's region set: Nghe An's 21 district-level units (January 2024) and a sample of departments. */
export const regionSet = createRegionSet(ngheAn);
