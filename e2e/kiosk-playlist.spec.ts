import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Alert, Snapshot } from '../shared/protocol';
import { INGEST_ENV, ingest } from './support/ingest';
import { quietTargetsFile } from './support/quietTargets';
import { startWallServer, type WallServer } from './support/server';
import { tapWallSocket } from './support/wallSocket';

/** Two views of three seconds each: the cycle restarts at every multiple of six seconds of server time. */
const SLOT_MS = 3_000;
const ITEMS = [
  { path: '/', durationSec: 3, indicator: 'online-record-rate' },
  { path: '/?indicator=eid-activation-rate', durationSec: 3, indicator: 'eid-activation-rate' },
];
const CYCLE_MS = SLOT_MS * ITEMS.length;

let server: WallServer;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-playlist-'));
  const config = path.join(dir, 'kiosk.json');
  writeFileSync(
    config,
    JSON.stringify({
      playlists: [{ id: 'demo', items: ITEMS.map(({ path, durationSec }) => ({ path, durationSec })) }],
    }),
  );
  // A simulator that stays still, so the seq only moves with what the test sends, and no targets, so the only
  // alerts are the test's.
  server = await startWallServer({ env: { SIM_RATE: '0', KIOSK_CONFIG: config, TARGETS_FILE: quietTargetsFile(dir) } });
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Records, in the page, the server time of every change of the view's indicator. */
async function recordSwitches(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { switches: { at: number; indicator: string | null }[] };
    const current = () =>
      document.querySelector('[data-testid="view-overview"]')?.getAttribute('data-indicator') ?? null;
    let last = current();
    w.switches = [];
    new MutationObserver(() => {
      const indicator = current();
      if (indicator !== last) w.switches.push({ at: Date.now(), indicator });
      last = indicator;
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-indicator'],
      childList: true,
    });
  });
}

const switches = (page: Page) =>
  page.evaluate(() => (window as unknown as { switches: { at: number; indicator: string | null }[] }).switches);

test('a playlist in the URL switches views on time, by the server clock', async ({ page }, testInfo) => {
  const inline = ITEMS.map((i) => `${i.path}@${i.durationSec}`).join(';');
  await page.goto(`${server.url}/?kiosk=1&playlist=${inline}`);
  await expect(page.getByTestId('screen')).toHaveAttribute('data-playlist', 'url');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await recordSwitches(page);
  await expect.poll(async () => (await switches(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

  // Server and browser share this machine's clock; the page's estimate of it is within its latency.
  for (const s of await switches(page)) {
    const intoSlot = s.at % SLOT_MS;
    const late = intoSlot > SLOT_MS / 2 ? intoSlot - SLOT_MS : intoSlot;
    expect(late, `switch to ${s.indicator} at ${s.at}`).toBeGreaterThanOrEqual(-100);
    expect(late, `switch to ${s.indicator} at ${s.at}`).toBeLessThanOrEqual(1_000);
    const slot = Math.floor(((s.at + SLOT_MS / 2) % CYCLE_MS) / SLOT_MS);
    expect(s.indicator).toBe(ITEMS[slot]?.indicator);
  }
  // The screen's own parameters stay in the address from view to view.
  const url = new URL(page.url());
  expect(url.searchParams.get('kiosk')).toBe('1');
  expect(url.searchParams.get('playlist')).toBe(inline);
  await page.screenshot({ path: testInfo.outputPath('playlist.png') });
});

test('an active critical alert holds a named playlist on its view until it ends', async ({ page }, testInfo) => {
  const tap = await tapWallSocket(page);
  await page.goto(`${server.url}/?kiosk=1&playlist=demo`);
  const screen = page.getByTestId('screen');
  await expect(screen).toHaveAttribute('data-playlist', 'demo');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as Snapshot;
  const seq = Number(await screen.getAttribute('data-seq'));
  expect(seq).toBe(snapshot.seq);

  // What the alert engine sends when e-ID activation falls far below target.
  const alert: Alert = {
    id: 'e2e-critical',
    rule: 'below-target',
    severity: 'critical',
    region: 'province',
    indicator: 'eid-activation-rate',
    source: null,
    value: 55,
    threshold: 70,
    startedAt: Date.now(),
    endedAt: null,
    acknowledged: false,
  };
  // Sent at the start of the slot of the other view, so that holding is visibly not the rotation's own doing.
  await expect.poll(() => screen.getAttribute('data-playlist-index'), { timeout: 10_000 }).toBe('0');
  tap.sendDelta({ epoch: snapshot.epoch, fromSeq: seq, seq: seq + 1, at: Date.now(), changes: [], alerts: [alert] });
  await expect(screen).toHaveAttribute('data-playlist-hold', 'e2e-critical');
  await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');

  await recordSwitches(page);
  await page.waitForTimeout(CYCLE_MS + SLOT_MS);
  expect(await switches(page)).toEqual([]);
  await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');
  await page.screenshot({ path: testInfo.outputPath('playlist-hold.png') });

  const ended = { ...alert, endedAt: Date.now() };
  tap.sendDelta({
    epoch: snapshot.epoch,
    fromSeq: seq + 1,
    seq: seq + 2,
    at: Date.now(),
    changes: [],
    alerts: [ended],
  });
  await expect(screen).not.toHaveAttribute('data-playlist-hold', /.*/);
  await expect
    .poll(async () => (await switches(page)).map((s) => s.indicator), { timeout: CYCLE_MS + 2_000 })
    .toContain('online-record-rate');
});

test.describe('with the alert engine', () => {
  let engineServer: WallServer;
  let engineDir: string;
  test.beforeAll(async () => {
    engineDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-hold-'));
    // e-ID activation against a target of 95 % and no other target: the test's fall raises the only alert.
    const targets = JSON.parse(readFileSync(quietTargetsFile(engineDir), 'utf8')) as Record<string, unknown>;
    targets['eid-activation-rate'] = { target: 95, bands: { critical: 90, warning: 95 } };
    const targetsFile = path.join(engineDir, 'targets.json');
    writeFileSync(targetsFile, JSON.stringify(targets));
    const kioskFile = path.join(engineDir, 'kiosk.json');
    // A short hold, so the test sees it end: 15 s after the alerts began.
    writeFileSync(kioskFile, JSON.stringify({ screen: { alertHoldMin: 0.25 } }));
    engineServer = await startWallServer({
      env: { SIM_RATE: '0', TARGETS_FILE: targetsFile, KIOSK_CONFIG: kioskFile, INGEST_TOKENS: INGEST_ENV },
    });
  });
  test.afterAll(async () => {
    await engineServer.stop();
    rmSync(engineDir, { recursive: true, force: true });
  });

  test("the engine's critical alert holds the rotation on its indicator for the hold time, then it rotates", async ({
    page,
  }) => {
    const inline = ITEMS.map((i) => `${i.path}@${i.durationSec}`).join(';');
    await page.goto(`${engineServer.url}/?kiosk=1&playlist=${inline}`);
    // Kỳ Sơn's e-ID activation falls from 97 % to 50 %: far below its target, a critical alert.
    const eid = (activated: number) => [
      { region: '417', indicator: 'eid-collected', at: Date.now(), value: 100_000 },
      { region: '417', indicator: 'eid-activated', at: Date.now(), value: activated },
    ];
    await ingest(engineServer.url, eid(97_000));
    await ingest(engineServer.url, eid(50_000));
    const screen = page.getByTestId('screen');
    await expect(screen).toHaveAttribute('data-playlist-hold', /eid-activation-rate/);
    await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');
    await expect(screen).not.toHaveAttribute('data-playlist-hold', /.*/, { timeout: 20_000 });
    await recordSwitches(page);
    await expect
      .poll(async () => (await switches(page)).map((s) => s.indicator), { timeout: CYCLE_MS + 2_000 })
      .toContain('online-record-rate');
  });
});
