import { type Deployment, DeploymentSchema, installDeployment } from '../../shared/deployment';

const RETRY_MS = 2_000;

/**
 * Fetches the deployment the server serves (region set, catalogue, board, labels) and installs it; nothing about a
 * deployment is compiled into the client. A screen that starts while the server restarts keeps asking.
 */
export async function loadDeployment(fetchImpl: typeof fetch = fetch): Promise<Deployment> {
  for (;;) {
    try {
      const res = await fetchImpl('/api/v1/deployment', { cache: 'no-cache' });
      if (res.ok) {
        const deployment = DeploymentSchema.parse(await res.json());
        installDeployment(deployment);
        return deployment;
      }
    } catch (error) {
      console.warn('wall: deployment not loaded yet', error);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
