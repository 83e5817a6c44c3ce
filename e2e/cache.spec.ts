import { expect, test } from '@playwright/test';

/**
 * The built client as the shared server sends it: the page revalidated on every load, so a deploy reaches every
 * screen; its hashed files cached for a year and compressed (docs/protocol.md, the client's files).
 */
test("the built client's page is revalidated and its hashed files are cached for good, compressed", async ({
  request,
}) => {
  const page = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(page.status()).toBe(200);
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true);

  let compressed = 0;
  for (const asset of assets) {
    const plain = await request.get(asset, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding'], asset).toBeUndefined();
    const res = await request.get(asset, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status(), asset).toBe(200);
    expect(res.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    // The build compresses every text file of 1 KB or more; a smaller one goes as it is, with nothing to vary.
    if ((await plain.body()).length < 1024) continue;
    expect(res.headers().vary ?? '', asset).toMatch(/accept-encoding/i);
    expect(res.headers()['content-encoding'], asset).toBe('br');
    compressed += 1;
  }
  expect(compressed).toBeGreaterThan(0);
  // An old build's chunk gets 404, not the page.
  expect((await request.get('/assets/app-00000000.js')).status()).toBe(404);
});
