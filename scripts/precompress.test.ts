import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function builtClient(files: Record<string, string | Buffer>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'ioc-precompress-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const code = 'export const figures = [1, 2, 3];\n'.repeat(200);

describe('precompress', () => {
  it('writes a brotli and a gzip copy beside each text file, in any folder, that decode to the file', async () => {
    const root = builtClient({ 'index.html': `<p>${'x'.repeat(2000)}</p>`, 'assets/app-1a2b.js': code });
    const written = (await precompress(root)).map((f) => path.relative(root, f));
    expect(written.sort()).toEqual([
      'assets/app-1a2b.js.br',
      'assets/app-1a2b.js.gz',
      'index.html.br',
      'index.html.gz',
    ]);
    const file = path.join(root, 'assets/app-1a2b.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(code);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(code);
  });

  it('leaves small files, fonts, source maps and what would not shrink as they are', async () => {
    const root = builtClient({
      'assets/tiny-1a2b.js': 'export {};\n',
      'assets/font-1a2b.woff2': randomBytes(4096),
      'assets/app-1a2b.js.map': code,
      'assets/noise-1a2b.js': randomBytes(4096),
    });
    expect(await precompress(root)).toEqual([]);
    expect(existsSync(path.join(root, 'assets/tiny-1a2b.js.gz'))).toBe(false);
  });
});
