import { deploymentDir, loadDeployment, serveDeployment } from '../../server/deployment';
import { regionSet as installed } from '../../shared/regions';

/**
 * The deployment the specs' server runs (`DEPLOYMENT` or `DEPLOYMENT_DIR`, as for `npm start`), read from its
 * folder and installed here too, so the specs know its units and catalogue.
 */
serveDeployment(loadDeployment(deploymentDir(process.env)));

export const regionSet = installed;

/**
 * The unit gauges of the overview and the kiosk, by the served deployment's codes: `[data-testid^="gauge-"]` would
 * also match the gauges' own parts (`gauge-value`), and a prefix of today's codes would not hold for another set.
 */
export const UNIT_GAUGES = installed.districts.map((d) => `[data-testid="gauge-${d.code}"]`).join(', ');

/** Units the specs act on, picked by position: Kỳ Sơn (417), Tương Dương (418) and Vinh (412) on nghe-an-2024. */
export const [unitA, unitB, unitC] = [5, 6, 0].map((i) => {
  const unit = installed.districts[i % installed.districts.length];
  if (!unit) throw new Error('the deployment has no units');
  return unit;
}) as [
  (typeof installed.districts)[number],
  (typeof installed.districts)[number],
  (typeof installed.districts)[number],
];
