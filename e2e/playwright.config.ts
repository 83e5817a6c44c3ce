import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { WORKING_MORNING } from './support/server';

/** The port of the wall server that the specs share; specs that restart a server start their own. */
const PORT = Number(process.env.E2E_PORT ?? 4318);
const outputDir = path.resolve(import.meta.dirname, '../test-results/e2e');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir,
  globalSetup: './globalSetup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Bounds, not speed goals: on a machine busy with other work a spec runs several times slower than alone, and
  // a test that passes only on an idle machine fails someone else's change.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: path.join(outputDir, '..', 'e2e-report.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  // `npm start` as a user runs it (building the client when stale), on a test port with a fresh data directory.
  webServer: {
    command: 'rm -rf test-results/e2e-data && node scripts/start.mjs',
    cwd: path.resolve(import.meta.dirname, '..'),
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(outputDir, '..', 'e2e-data'),
      SIM_RATE: '20',
      // Specs assert the format and liveness of what the simulator moves from there.
      CLOCK_START: WORKING_MORNING,
      LOG_LEVEL: 'warn',
    },
  },
});
