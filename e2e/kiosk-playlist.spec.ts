import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Alert, Snapshot } from '../shared/protocol';
import { addUser, signInApi } from './support/operator';
import { quietTargetsFile } from './support/quietTargets';
import { unitA } from './support/regions';
import { startWallServer, type WallServer } from './support/server';
import { recordSwitches, slotOf, switches } from './support/switches';
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

test('a playlist in the URL switches views on time, by the server clock', async ({ page }, testInfo) => {
  const inline = ITEMS.map((i) => `${i.path}@${i.durationSec}`).join(';');
  await page.goto(`${server.url}/?kiosk=1&playlist=${inline}`);
  await expect(page.getByTestId('screen')).toHaveAttribute('data-playlist', 'url');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  // The page opens on the first item and then catches up with the slot the server's clock is in, whenever it
  // loaded: record only the switches made on time, once the screen shows the item of its current step.
  await expect
    .poll(() =>
      page.evaluate(
        (indicators) => {
          const index = document.querySelector('[data-testid="screen"]')?.getAttribute('data-playlist-index');
          const showing = document.querySelector('[data-testid="view-overview"]')?.getAttribute('data-indicator');
          return index != null && showing === indicators[Number(index)];
        },
        ITEMS.map((i) => i.indicator),
      ),
    )
    .toBe(true);
  await recordSwitches(page);
  await expect.poll(async () => (await switches(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

  // Server and browser share this machine's clock, and the page's estimate of it is behind by its latency: a switch
  // never comes early, and comes in the slot it starts (however loaded the machine), so the slot it lands in is the
  // slot of the item it shows.
  for (const s of await switches(page)) {
    const slot = slotOf(s.at, SLOT_MS);
    expect(s.indicator, `switch at ${s.at}, ${s.at - slot * SLOT_MS} ms into slot ${slot}`).toBe(
      ITEMS[slot % ITEMS.length]?.indicator,
    );
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

const TOKEN = 'dvc-e2e-token-0123456789';

/** A source system's report of Kỳ Sơn's (or another unit's) online record rate, at the server's present. */
async function reportRate(server: WallServer, region: string, num: number): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      source: 'dvc',
      observations: [{ region, indicator: 'online-record-rate', at: Date.now(), num, den: 100 }],
    }),
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.status).toBe(200);
}

/**
 * A still server whose only target is a low one on the online record rate (5 %, critical under 2 %), which every
 * unit meets at the start: the only critical alerts are the ones a test causes, when the test is ready for them.
 */
async function startEngineServer(dir: string, alertHoldMin: number | null): Promise<WallServer> {
  const targets = JSON.parse(readFileSync(quietTargetsFile(dir), 'utf8')) as Record<string, unknown>;
  targets['online-record-rate'] = { target: 5, bands: { critical: 2, warning: 5 } };
  const targetsFile = path.join(dir, 'targets.json');
  writeFileSync(targetsFile, JSON.stringify(targets));
  const kioskFile = path.join(dir, 'kiosk.json');
  writeFileSync(kioskFile, JSON.stringify({ screen: { alertHoldMin } }));
  return startWallServer({
    env: { SIM_RATE: '0', TARGETS_FILE: targetsFile, KIOSK_CONFIG: kioskFile, INGEST_TOKENS: `dvc:${TOKEN}` },
  });
}

/**
 * Opens a two-view rotation whose views each name their indicator (so a hold picks the one about the alert), and
 * waits until it shows e-ID activation, away from the alerts' indicator.
 */
async function openRotation(page: Page, server: WallServer): Promise<void> {
  const inline = ITEMS.map((i) => `/?indicator=${i.indicator}@${i.durationSec}`).join(';');
  await page.goto(`${server.url}/?kiosk=1&playlist=${inline}`);
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('screen')).not.toHaveAttribute('data-playlist-hold', /.*/);
  await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate', {
    timeout: CYCLE_MS + 2_000,
  });
}

test.describe('with the alert engine', () => {
  let engineServer: WallServer;
  let engineDir: string;
  test.beforeAll(async () => {
    engineDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-hold-'));
    // A short hold, so the test sees it end: 9 s after the alert began. The screen sees the alert within a second
    // or two of the report, even on a busy machine, so the hold is still seen before it ends.
    engineServer = await startEngineServer(engineDir, 0.15);
  });
  test.afterAll(async () => {
    await engineServer.stop();
    rmSync(engineDir, { recursive: true, force: true });
  });

  test("the engine's critical alert holds the rotation on its indicator for the hold time, then it rotates", async ({
    page,
  }) => {
    await openRotation(page, engineServer);
    // Kỳ Sơn's rate falls to nothing: the engine raises a critical alert, once the screen is there to see it begin.
    await reportRate(engineServer, unitA.code, 0);
    const screen = page.getByTestId('screen');
    await expect(screen).toHaveAttribute('data-playlist-hold', /online-record-rate/);
    await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'online-record-rate');
    await expect(screen).not.toHaveAttribute('data-playlist-hold', /.*/, { timeout: 25_000 });
    await recordSwitches(page);
    await expect
      .poll(async () => (await switches(page)).map((s) => s.indicator), { timeout: CYCLE_MS + 2_000 })
      .toContain('eid-activation-rate');
  });
});

test.describe('a hold until the alert ends', () => {
  let holdServer: WallServer;
  let holdDir: string;
  test.beforeAll(async () => {
    holdDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-hold-ack-'));
    holdServer = await startEngineServer(holdDir, null);
    await addUser(holdServer.dataDir, 'lan', 'operator');
  });
  test.afterAll(async () => {
    await holdServer.stop();
    rmSync(holdDir, { recursive: true, force: true });
  });

  test('is released when an operator acknowledges the alert', async ({ page }) => {
    await openRotation(page, holdServer);
    await reportRate(holdServer, unitA.code, 0);
    const screen = page.getByTestId('screen');
    await expect(screen).toHaveAttribute('data-playlist-hold', /online-record-rate/);
    await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'online-record-rate');

    // The hold has no end of its own: only the acknowledgement can release it.
    const cookie = await signInApi(holdServer.url, 'lan');
    const active = (await (
      await fetch(`${holdServer.url}/api/v1/alerts?state=active`, { headers: { cookie } })
    ).json()) as { alerts: Alert[] };
    const ids = active.alerts.filter((a) => a.severity === 'critical').map((a) => a.id);
    expect(ids.length).toBeGreaterThan(0);
    const ack = await fetch(`${holdServer.url}/api/v1/alerts/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ ids }),
    });
    expect(ack.status).toBe(200);

    await expect(screen).not.toHaveAttribute('data-playlist-hold', /.*/);
    await recordSwitches(page);
    await expect
      .poll(async () => (await switches(page)).map((s) => s.indicator), { timeout: CYCLE_MS + 2_000 })
      .toContain('eid-activation-rate');
  });
});
