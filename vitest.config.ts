import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests (`*.test.ts`) are pure: no network, no timers they do not fake. Integration tests
 * (`*.int.test.ts`) start real servers on free loopback ports and talk to them with real socket.io clients.
 * Only client tests get the Solid plugin: its `browser` resolve condition would hand the server the browser stub
 * of `ws`.
 */
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
