import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DeploymentError, deploymentDir, loadDeployment, serveDeployment } from './deployment';
import { RegionSetMismatchError } from './deployment/regionSetGuard';
import { createProcessLogger } from './logger';

/** The id the client build wrote next to its files (see vite.config.ts), or `dev` when there is none. */
function readBuildId(clientDir: string): string {
  try {
    const info = JSON.parse(readFileSync(path.join(clientDir, 'build.json'), 'utf8')) as { buildId?: unknown };
    return typeof info.buildId === 'string' ? info.buildId : 'dev';
  } catch {
    return 'dev';
  }
}

async function main() {
  let logger: ReturnType<typeof createProcessLogger>;
  let app: Awaited<ReturnType<typeof createApp>>;
  // A bad deployment file, a bad setting, a connectors file that does not fit the region set, or a data directory
  // kept under another region set stops the server here. The deployment comes first: targets refer to its catalogue.
  try {
    serveDeployment(loadDeployment(deploymentDir(process.env)));
    const config = loadConfig();
    logger = createProcessLogger(config.logLevel);
    app = await createApp({ config, logger, buildId: readBuildId(config.clientDir) });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DeploymentError || error instanceof RegionSetMismatchError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  await app.listen();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
