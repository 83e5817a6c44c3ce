import { installDeployment } from '../../shared/deployment';
import type { LoadedDeployment } from './loadDeployment';

export * from './loadDeployment';

let loaded: LoadedDeployment | null = null;

/** Makes a loaded deployment the one this process serves: installs it for every module and keeps its files' paths. */
export function serveDeployment(next: LoadedDeployment): void {
  installDeployment(next.deployment);
  loaded = next;
}

/** The deployment this process serves; throws before `serveDeployment`. */
export function servedDeployment(): LoadedDeployment {
  if (!loaded) throw new Error('no deployment served: call serveDeployment() at start');
  return loaded;
}
