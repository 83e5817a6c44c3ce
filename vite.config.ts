import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const root = path.resolve(import.meta.dirname, 'client');
const outDir = path.resolve(import.meta.dirname, 'dist/client');

/**
 * Every build gets its own id, compiled into the client and written to `build.json` for the server. A screen
 * whose id differs from the server's reloads itself, so a deploy reaches every wall without anyone pressing F5.
 */
function buildIdPlugin(): Plugin {
  let buildId = 'dev';
  return {
    name: 'ioc-wall-build-id',
    config(_config, env) {
      if (env.command === 'build') buildId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      return { define: { __BUILD_ID__: JSON.stringify(buildId) } };
    },
    writeBundle() {
      writeFileSync(
        path.join(outDir, 'build.json'),
        `${JSON.stringify({ buildId, builtAt: new Date().toISOString() })}\n`,
      );
    },
  };
}

const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 8080}`;

export default defineConfig({
  root,
  plugins: [solid(), buildIdPlugin()],
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
});
