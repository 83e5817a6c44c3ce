import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { precompress } from './scripts/precompress.ts';

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

/**
 * What must travel with the built client, by its name there: the project's licence, the notices of the data and
 * the font it ships (see THIRD-PARTY-NOTICES.md) and their licence texts.
 */
const NOTICES = {
  LICENSE: 'LICENSE',
  'THIRD-PARTY-NOTICES.md': 'THIRD-PARTY-NOTICES.md',
  'LICENSE-GPL-3.0.txt': 'deployments/nghe-an-2024/LICENSE-GPL-3.0.txt',
  'LICENSE-OFL-1.1-Be-Vietnam-Pro.txt': 'node_modules/@fontsource/be-vietnam-pro/LICENSE',
};

function noticesPlugin(): Plugin {
  return {
    name: 'ioc-wall-notices',
    apply: 'build',
    generateBundle() {
      for (const [fileName, from] of Object.entries(NOTICES)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path.resolve(import.meta.dirname, from)) });
      }
    },
  };
}

/** Brotli and gzip copies of the built files, which the server sends to browsers that accept them. */
function precompressPlugin(): Plugin {
  return {
    name: 'ioc-wall-precompress',
    apply: 'build',
    async writeBundle() {
      await precompress(outDir);
    },
  };
}

const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 8080}`;

export default defineConfig({
  root,
  plugins: [solid(), buildIdPlugin(), noticesPlugin(), precompressPlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The licences of the libraries compiled into the client, beside it.
    license: { fileName: 'THIRD-PARTY-LICENSES.md' },
    rolldownOptions: {
      // Rolldown's report of slow plugins measures the machine's load as much as the build (the compression above
      // and Solid's and the CSS transforms are the slow parts by design): not a warning for every `npm start`.
      checks: { bundlerTimings: false },
      output: {
        // ECharts and its renderer, zrender, are fetched together once a screen shows its first figures (see
        // client/charts/loadECharts.ts): two chunks of a library each, fetched in parallel, rather than one
        // chunk larger than Vite's 500 kB warning, which stays in force for every other chunk.
        codeSplitting: { groups: [{ name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ }] },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
});
