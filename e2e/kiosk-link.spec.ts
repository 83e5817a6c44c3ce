import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { IndicatorId } from '../shared/catalog';
import type { Snapshot } from '../shared/protocol';
import { BUILT_CLIENT, builtClientId, nextDeploy } from './support/deploy';
import { freePort, startWallServer, type WallServer } from './support/server';
import { tapWallSocket } from './support/wallSocket';

/** The headline counters and the province figure each one shows. */
const COUNTERS: [string, IndicatorId][] = [
  ['counter-id-cards-value', 'id-cards-issued'],
  ['counter-eid-activated-value', 'eid-activated'],
  ['counter-online-rate-value', 'online-record-rate'],
];

async function provinceFigures(server: WallServer): Promise<Record<string, string>> {
  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as Snapshot;
  const value = (id: IndicatorId) => snapshot.values.find((r) => r.region === 'province' && r.indicator === id)?.value;
  return Object.fromEntries(COUNTERS.map(([testId, id]) => [testId, String(value(id) ?? '')]));
}

async function pageFigures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [testId] of COUNTERS) out[testId] = (await page.getByTestId(testId).getAttribute('data-value')) ?? '';
  return out;
}

test.describe('a link that heals itself', () => {
  let dataDir: string;
  let port: number;
  const servers: WallServer[] = [];
  test.beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-e2e-'));
    port = await freePort();
  });
  test.afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string>) => {
    const server = await startWallServer({ port, dataDir, env });
    servers.push(server);
    return server;
  };

  test('says so within seconds when the server stops, and is live again on its own after a restart', async ({
    page,
  }, testInfo) => {
    const first = await start({ SIM_RATE: '20' });
    await page.goto(`${first.url}/?kiosk=1&display=e2e-restart`);
    const link = page.getByTestId('link-status');
    await expect(link).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('link-banner')).toHaveCount(0);

    await first.stop();
    await expect(page.getByTestId('link-banner')).toBeVisible({ timeout: 5_000 });
    await expect(link).toHaveAttribute('data-state', /^(offline|reconnecting)$/);
    await expect(page.getByTestId('link-banner')).toContainText(/Mất kết nối · Dữ liệu cập nhật lúc \d\d:\d\d/);
    // Every tile is dimmed and says how old its data is.
    const tiles = page.locator('.canvas .panel');
    await expect(tiles.first()).toHaveAttribute('data-fresh', 'offline');
    expect(
      await tiles.evaluateAll((els) => els.filter((el) => el.getAttribute('data-fresh') !== 'offline').length),
    ).toBe(0);
    await expect(tiles.first()).toHaveAttribute('data-age', /giây trước/);
    await page.screenshot({ path: testInfo.outputPath('link-down.png') });

    // The same data directory and port; a simulator that stays still, so the figures can be compared exactly.
    const second = await start({ SIM_RATE: '0' });
    await expect(link).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    const expected = await provinceFigures(second);
    await expect.poll(() => pageFigures(page)).toEqual(expected);
    await expect(tiles.first()).toHaveAttribute('data-fresh', 'live');
    await page.screenshot({ path: testInfo.outputPath('link-back.png') });
  });

  test('a deploy (another buildId) reloads the page, which keeps its view', async ({ page }) => {
    const running = builtClientId();
    const first = await start({ SIM_RATE: '0', CLIENT_DIR: BUILT_CLIENT });
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await page.goto(`${first.url}/?indicator=eid-activation-rate&kiosk=1&display=e2e-deploy`);
    await expect(page.getByTestId('screen')).toHaveAttribute('data-build', running);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');

    const next = `${running}-next`;
    const deployDir = nextDeploy(next);
    try {
      await first.stop();
      await start({ SIM_RATE: '0', CLIENT_DIR: deployDir });
      await expect(page.getByTestId('screen')).toHaveAttribute('data-build', next, { timeout: 15_000 });
      await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');
      await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
      const url = new URL(page.url());
      expect(url.searchParams.get('indicator')).toBe('eid-activation-rate');
      expect(url.searchParams.get('display')).toBe('e2e-deploy');
      // One reload, not a loop: the new build matches the server's.
      await page.waitForTimeout(2_000);
      expect(loads).toHaveLength(2);
    } finally {
      rmSync(deployDir, { recursive: true, force: true });
    }
  });

  test('with the link up, tiles whose figures stopped updating are marked stale, the others not', async ({
    page,
  }, testInfo) => {
    const server = await start({ SIM_RATE: '0' });
    const tap = await tapWallSocket(page);
    await page.goto(`${server.url}/?kiosk=1`);
    const screen = page.getByTestId('screen');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as Snapshot;
    const seq = Number(await screen.getAttribute('data-seq'));
    const rate = snapshot.values.find((r) => r.region === 'province' && r.indicator === 'online-record-rate');
    if (!rate) throw new Error('no province online record rate');
    // The province rate was last observed four hours ago: more than three times its hourly interval.
    const old = { ...rate, at: Date.now() - 4 * 3_600_000 };
    tap.sendDelta({ epoch: snapshot.epoch, fromSeq: seq, seq: seq + 1, at: Date.now(), changes: [old] });

    const counter = page.getByTestId('counter-online-rate');
    await expect(counter).toHaveAttribute('data-fresh', 'stale');
    await expect(counter).toHaveAttribute('data-age', 'Chưa cập nhật · 4 giờ trước');
    await expect(page.getByTestId('map')).toHaveAttribute('data-fresh', 'stale');
    await expect(page.getByTestId('counter-id-cards')).toHaveAttribute('data-fresh', 'live');
    await expect(page.getByTestId('counter-id-cards')).not.toHaveAttribute('data-age', /.*/);
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('stale-tiles.png') });

    // A fresh figure clears the mark.
    tap.sendDelta({
      epoch: snapshot.epoch,
      fromSeq: seq + 1,
      seq: seq + 2,
      at: Date.now(),
      changes: [{ ...rate, at: Date.now() }],
    });
    await expect(counter).toHaveAttribute('data-fresh', 'live');
  });
});
