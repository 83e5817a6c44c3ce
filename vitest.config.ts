import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests (`*.test.ts`) are pure: no network, no timers they do not fake. Integration tests
 * (`*.int.test.ts`) start real servers on free loopback ports and talk to them with real socket.io clients.
 * Only client tests get the Solid plugin: its `browser` resolve condition would hand the server the browser stub
 * of `ws`.
 */
const INTEGRATION_ON_2025 = [
  'server/http/alertAck.int.test.ts',
  'server/http/api.int.test.ts',
  'server/http/batchSemantics.int.test.ts',
  'server/http/history.int.test.ts',
  'server/http/ingest.int.test.ts',
  'server/http/ingestFlow.int.test.ts',
  'server/realtime/deltaWindow.int.test.ts',
  'server/realtime/liveClient.int.test.ts',
  'server/realtime/wall.int.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          setupFiles: ['server/deployment/testDeployment.ts'],
        },
      },
      {
        plugins: [solid()],
        test: {
          name: 'unit-client',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['server/deployment/testDeployment.ts'],
        },
      },
      {
        // The client's unit tests on the 130 communes of nghe-an-2025: its selectors, paging and layouts read the
        // installed region set.
        plugins: [solid()],
        test: {
          name: 'unit-client-nghe-an-2025',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'node',
          env: { TEST_DEPLOYMENT: 'nghe-an-2025' },
          setupFiles: ['server/deployment/testDeployment.ts'],
        },
      },
      {
        // The same unit tests on the 130 communes of nghe-an-2025, but for the connectors' and the CSV import's
        // fixtures, which name 2024 districts by their names and codes.
        test: {
          name: 'unit-nghe-an-2025',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: [
            '**/*.int.test.ts',
            'node_modules/**',
            'server/connectors/mapping.test.ts',
            'server/sources/csvImport.test.ts',
          ],
          environment: 'node',
          env: { TEST_DEPLOYMENT: 'nghe-an-2025' },
          setupFiles: ['server/deployment/testDeployment.ts'],
        },
      },
      {
        // The integration tests whose figures depend on the region set (ingest, roll-ups, history, the wall's
        // stream, alerts), on nghe-an-2025: a few seconds more, where the whole suite twice would be minutes.
        test: {
          name: 'integration-nghe-an-2025',
          include: INTEGRATION_ON_2025,
          environment: 'node',
          env: { TEST_DEPLOYMENT: 'nghe-an-2025' },
          setupFiles: ['server/deployment/testDeployment.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts'],
          // A real PostgreSQL for the suites that need one: DATABASE_URL, else a throwaway one.
          globalSetup: ['server/test/postgresGlobalSetup.ts'],
          environment: 'node',
          setupFiles: ['server/deployment/testDeployment.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
