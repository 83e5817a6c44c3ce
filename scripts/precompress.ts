import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Files that compress well: text. Fonts (woff2 is already compressed), images and source maps (only a developer's
 * tools ask for them, and compressing them would double the build's time) are left as they are.
 */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|geojson|svg|txt|ico)$/;
/** Below this a file fits in one packet anyway: no variant. */
const MIN_BYTES = 1024;

/** The encodings written beside each file, as the server looks them up: `<file>.br`, `<file>.gz`. */
const ENCODERS = [
  {
    suffix: '.br',
    encode: (data: Buffer) =>
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  { suffix: '.gz', encode: (data: Buffer) => gzipAsync(data, { level: 9 }) },
];

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of a built client, at the
 * highest level (done once per build, so the server sends them without compressing anything per request). A copy
 * that would not be smaller is not written. The files are compressed in parallel, on libuv's worker threads.
 * Resolves to the files it wrote.
 */
export async function precompress(dir: string): Promise<string[]> {
  const files = [...filesUnder(dir)].filter((file) => COMPRESSIBLE.test(file) && statSync(file).size >= MIN_BYTES);
  const written = await Promise.all(
    files.flatMap((file) =>
      ENCODERS.map(async ({ suffix, encode }) => {
        const data = await readFile(file);
        const encoded = await encode(data);
        if (encoded.length >= data.length) return [];
        await writeFile(file + suffix, encoded);
        return [file + suffix];
      }),
    ),
  );
  return written.flat();
}
