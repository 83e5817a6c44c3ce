import { deploymentDir, loadDeployment, serveDeployment } from '../../server/deployment';
import { regionSet as installed } from '../../shared/regions';

/**
 * The deployment the specs' server runs (`DEPLOYMENT` or `DEPLOYMENT_DIR`, as for `npm start`), read from its
 * folder and installed here too, so the specs know its units and catalogue.
 */
serveDeployment(loadDeployment(deploymentDir(process.env)));

export const regionSet = installed;
