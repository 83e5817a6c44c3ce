import { type BoundariesDrawing, deployment } from '../../shared/deployment';

/** Where the server serves the deployment's boundaries (see server/deployment/deploymentRoutes.ts). */
export const BOUNDARIES_URL = '/api/v1/deployment/boundaries';

/** The deployment's boundaries drawing, or null when it draws its units as tiles. */
export function boundaries(): BoundariesDrawing | null {
  const drawing = deployment().drawing;
  return drawing.kind === 'boundaries' ? drawing : null;
}

/** East-west over north-south distance per degree at a latitude, so a map keeps its proportions. */
export const aspectAt = (latitude: number) => Math.cos((latitude * Math.PI) / 180);
