import path from 'node:path';
import { serveDeployment } from '.';
import { DEFAULT_DEPLOYMENT, DEPLOYMENTS_ROOT, loadDeployment } from './loadDeployment';

/**
 * The deployment the unit and integration suites run on: `TEST_DEPLOYMENT` names a shipped one (the default
 * otherwise), so the same suites run on every shipped region set.
 */
serveDeployment(loadDeployment(path.join(DEPLOYMENTS_ROOT, process.env.TEST_DEPLOYMENT || DEFAULT_DEPLOYMENT)));
