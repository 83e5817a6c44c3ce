import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests (`*.test.ts`) are pure: no network, no timers they do not fake. Integration tests
 * (`*.int.test.ts`) start real servers on free loopback ports and talk to them with real socket.io clients.
 */
export default defineConfig({
  plugins: [solid()],
  test: {
    reporters: process.env.CI_REPORT ? ['default', 'json'] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
