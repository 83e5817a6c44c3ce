import { installCatalogue } from '../catalog/indicators';
import { installProgramme } from '../project06';
import { createRegionSet, installRegionSet } from '../regions';
import type { Deployment } from './schema';

let current: Deployment | null = null;

/**
 * Makes a deployment the one in force: its region set, catalogue, programme board and labels. The server does it
 * once at start, a screen once it has fetched the deployment and before it renders.
 */
export function installDeployment(deployment: Deployment): void {
  installRegionSet(createRegionSet(deployment.regions));
  installCatalogue(deployment.indicators);
  installProgramme(deployment);
  current = deployment;
}

/** The deployment's wording for a screen's message, if it has its own. */
export function deploymentLabel(lang: 'vi' | 'en', key: string): string | undefined {
  return current?.labels[lang][key];
}

/** The deployment in force; throws before one is installed. */
export function deployment(): Deployment {
  if (!current) throw new Error('no deployment installed');
  return current;
}
