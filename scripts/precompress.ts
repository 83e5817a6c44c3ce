import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  { suffix: '.gz', encode: (data: Buffer) => gzipSync(data, { level: 9 }) },
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
 * that would not be smaller is not written. Returns the files it wrote.
 */
export function precompress(dir: string): string[] {
  const written: string[] = [];
  for (const file of [...filesUnder(dir)]) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const data = readFileSync(file);
    for (const { suffix, encode } of ENCODERS) {
      const encoded = encode(data);
      if (encoded.length >= data.length) continue;
      writeFileSync(file + suffix, encoded);
      written.push(file + suffix);
    }
  }
  return written;
}
