import { type Browser, expect, type Page, type Request, test } from '@playwright/test';
import type { AuditEntry } from '../shared/control';
import type { Alert } from '../shared/protocol';
import { contrastRatio } from './support/contrast';
import { INGEST_ENV, ingest, onlineRates } from './support/ingest';
import { addUser, registerDisplay, signInApi, signInConsole } from './support/operator';
import { watchConsole } from './support/pageWatch';
import { unitA, unitB } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

/**
 * The console cannot move a wall by accident: a remote's keys act only in presenter mode, scrolling never sends a
 * command, a view change to a group asks first and can be undone. The simulator is stopped (SIM_RATE=0), so the
 * only alerts are those the test's figures raise.
 */
let server: WallServer;
let admin: string;
let hall1: string;
let hall2: string;

test.beforeAll(async () => {
  server = await startWallServer({ env: { WALL_ACCESS: 'closed', SIM_RATE: '0', INGEST_TOKENS: INGEST_ENV } });
  await addUser(server.dataDir, 'admin', 'admin');
  await addUser(server.dataDir, 'lan', 'operator');
  admin = await signInApi(server.url, 'admin');
  hall1 = await registerDisplay(server.url, admin, 'hall-1', 'Hội trường 1');
  hall2 = await registerDisplay(server.url, admin, 'hall-2', 'Hội trường 2');
});
test.afterAll(async () => {
  await server.stop();
});

async function openWall(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(`${server.url}${path}`);
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  return page;
}

async function openConsole(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  await signInConsole(page, server.url, 'lan');
  return page;
}

/** The view commands on record, oldest first, as the server's audit log has them. */
async function viewCommands(): Promise<AuditEntry[]> {
  const res = await fetch(`${server.url}/api/v1/audit?limit=1000`, { headers: { cookie: admin } });
  const { entries } = (await res.json()) as { entries: AuditEntry[] };
  return entries.filter((e) => ['show', 'playlist-start', 'playlist-stop'].includes(e.action)).reverse();
}

async function command(target: object, body: object): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin },
    body: JSON.stringify({ target, command: body }),
  });
  expect(res.status).toBe(200);
}

test('signed out, the console asks who is signed in without an error, and its logo reads at 4.5:1', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const watch = watchConsole(page);
  const session = page.waitForResponse((r) => r.url().endsWith('/api/v1/session'));
  await page.goto(`${server.url}/operator`);
  expect((await session).status()).toBe(200);
  await expect(page.getByTestId('login')).toBeVisible();
  const logo = page.locator('.op-logo');
  const colours = await logo.evaluate((el) => {
    const style = getComputedStyle(el);
    return { text: style.color, background: style.backgroundColor };
  });
  expect(contrastRatio(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
  expect(watch.errors).toEqual([]);
  await page.context().close();
});

test('with presenter mode off, keys and scrolling move no screen; on, PageDown steps; leaving the window ends it', async ({
  browser,
}, info) => {
  // Walls and a console, each in a browser of its own, on a loaded machine: slow, not stuck.
  test.slow();
  const wall = await openWall(browser, hall1);
  // The wall's view is its main landmark; the ticker is a named complementary landmark, not a live region.
  await expect(wall.getByRole('main')).toHaveCount(1);
  const ticker = wall.getByRole('complementary', { name: 'Cảnh báo' });
  await expect(ticker).toHaveAttribute('data-testid', 'alert-ticker');
  await expect(ticker).not.toHaveAttribute('role', 'status');
  await expect(ticker).not.toHaveAttribute('aria-live', /.+/);

  const op = await openConsole(browser);
  await op.getByTestId('display-row-hall-1').click();
  await op.getByTestId('show-view').selectOption('overview');
  await op.getByTestId('show-send').click();
  await expect(wall.getByTestId('view-overview')).toBeVisible();
  await expect.poll(async () => (await viewCommands()).length).toBe(1);

  // Keys and the wheel, on the page itself: the page scrolls, no command goes out.
  const toggle = op.getByTestId('presenter-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await op.getByRole('heading', { name: 'Màn hình', exact: true }).click();
  for (const key of ['PageDown', 'ArrowDown', 'ArrowRight', 'PageDown', 'PageUp', 'ArrowUp', 'ArrowLeft', 'End']) {
    await op.keyboard.press(key);
  }
  await op.mouse.move(800, 600);
  await op.mouse.wheel(0, -400);
  await op.mouse.wheel(0, 800);
  await expect.poll(() => op.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(op.getByTestId('presenter-banner')).toHaveCount(0);

  // Presenter mode on: the banner says so, and one PageDown steps the overview to the next view, once. Had any
  // key above sent a step, the wall would now be further along and the log longer.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(op.getByTestId('presenter-banner')).toContainText('hall-1');
  await op.screenshot({ path: info.outputPath('console-presenter-on.png') });
  await op.keyboard.press('PageDown');
  await expect(wall.getByTestId('view-district')).toBeVisible();
  await expect.poll(async () => (await viewCommands()).map((e) => e.action)).toEqual(['show', 'show']);
  expect((await viewCommands())[1]?.detail).toMatchObject({ view: { view: 'district' } });
  expect(await wall.getByTestId('view-overview').count()).toBe(0);

  // The window loses focus: presenter mode ends, and its keys are the page's again.
  await op.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(op.getByTestId('presenter-banner')).toHaveCount(0);
  await op.keyboard.press('PageDown');
  // So does a hidden tab.
  await toggle.click();
  await op.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await op.keyboard.press('PageDown');
  // Back on, PageUp goes from the district view back to the overview: the two PageDowns in between sent nothing.
  await toggle.click();
  await op.keyboard.press('PageUp');
  await expect(wall.getByTestId('view-overview')).toBeVisible();
  await expect.poll(async () => (await viewCommands()).length).toBe(3);
  // Escape ends it too.
  await op.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  for (const page of [wall, op]) await page.context().close();
});

test('a view change to a group asks first, naming its screens; undo brings back each screen’s own view', async ({
  browser,
}, info) => {
  // Walls and a console, each in a browser of its own, on a loaded machine: slow, not stuck.
  test.slow();
  const [one, two] = [await openWall(browser, hall1), await openWall(browser, hall2)];
  // Mixed views: hall-1 on Kỳ Sơn, hall-2 on a rotation of the task board and the ranking.
  await command({ display: 'hall-1' }, { type: 'show', view: { view: 'district', district: unitA.code } });
  const rotation = [
    { path: '/tasks', durationSec: 30 },
    { path: '/ranking', durationSec: 30 },
  ];
  await command({ display: 'hall-2' }, { type: 'playlist-start', playlist: { items: rotation } });
  await expect(one.locator(`[data-testid="view-district"][data-code="${unitA.code}"]`)).toBeVisible();
  await expect(two).toHaveURL(/[?&]playlist=/);
  const before = (await viewCommands()).length;

  const op = await openConsole(browser);
  await op.getByTestId('select-group-hall').click();
  await op.getByTestId('show-view').selectOption('grid');
  await op.getByTestId('show-send').click();
  const dialog = op.getByTestId('confirm');
  await expect(dialog).toBeVisible();
  await expect(op.getByTestId('confirm-question')).toContainText('2');
  await expect(op.getByTestId('confirm-items')).toContainText('hall-1');
  await expect(op.getByTestId('confirm-items')).toContainText('hall-2');
  // Cancel has the focus: a stray Enter sends nothing.
  await expect(op.getByTestId('confirm-cancel')).toBeFocused();
  await op.screenshot({ path: info.outputPath('console-confirm-group.png') });
  await op.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await op.getByTestId('show-send').click();
  await op.getByTestId('confirm-ok').click();
  await expect(one.getByTestId('view-grid')).toBeVisible();
  await expect(two.getByTestId('view-grid')).toBeVisible();
  await expect(two).not.toHaveURL(/playlist=/);
  // One command went out, the confirmed one: the cancelled one never did.
  const sent = (await viewCommands()).slice(before);
  expect(sent.map((e) => [e.action, e.target])).toEqual([['show', 'group:hall']]);

  // Undo: each display gets back what it showed, the rotation included.
  await expect(op.getByTestId('undo-bar')).toBeVisible();
  await op.getByTestId('undo').click();
  await expect(op.getByTestId('confirm-items')).toContainText('hall-1');
  await expect(op.getByTestId('confirm-items')).toContainText('Kỳ Sơn');
  await op.screenshot({ path: info.outputPath('console-confirm-undo.png') });
  await op.getByTestId('confirm-ok').click();
  await expect(one.locator(`[data-testid="view-district"][data-code="${unitA.code}"]`)).toBeVisible();
  await expect(two).toHaveURL(/[?&]playlist=%2Ftasks%4030%3B%2Franking%4030/);
  await expect(two.locator('[data-testid="view-tasks"], [data-testid="view-ranking"]')).toBeVisible();
  await expect(op.getByTestId('undo-bar')).toHaveCount(0);
  const undone = (await viewCommands()).slice(before + 1);
  expect(undone.map((e) => [e.action, e.target]).sort()).toEqual([
    ['playlist-start', 'display:hall-2'],
    ['show', 'display:hall-1'],
  ]);

  // Presenter mode for the group asks first too; cancelled, it stays off.
  await op.getByTestId('presenter-toggle').click();
  await expect(op.getByTestId('confirm-question')).toContainText('2');
  await op.getByTestId('confirm-cancel').click();
  await expect(op.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'false');
  for (const page of [one, two, op]) await page.context().close();
});

test('alerts are acknowledged together in one request, each shown with its value, target and age', async ({
  browser,
}, info) => {
  // Two districts fall from on target to far below it: two critical alerts.
  await ingest(server.url, onlineRates([unitA.code, unitB.code], 60));
  await ingest(server.url, onlineRates([unitA.code, unitB.code], 25));
  const op = await openConsole(browser);
  const rows = op.getByTestId('alert-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (const cell of ['alert-value', 'alert-target', 'alert-age']) {
    await expect(rows.first().getByTestId(cell)).not.toHaveText(/^\s*$/);
  }
  // Kỳ Sơn's online record rate (25 %) against its 40 % target, just begun.
  const kySon = rows.filter({ hasText: 'Kỳ Sơn' }).first();
  await expect(kySon.getByTestId('alert-value')).toHaveText(/25/);
  await expect(kySon.getByTestId('alert-target')).toHaveText(/40/);
  await expect(kySon.getByTestId('alert-age')).toContainText('phút');
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id') ?? ''));

  const requests: Request[] = [];
  op.on('request', (r) => {
    if (r.url().includes('/api/v1/alerts/') && r.method() === 'POST') requests.push(r);
  });
  await op.getByTestId('alerts-select-all').check();
  await expect(op.getByTestId('alerts-ack-selected')).toContainText(`(${count})`);
  await op.screenshot({ path: info.outputPath('console-alerts-selected.png') });
  await op.getByTestId('alerts-ack-selected').click();
  for (const id of ids) await expect(op.locator(`[data-alert-id="${id}"]`)).toHaveCount(0);
  expect(requests.map((r) => [r.url().replace(server.url, ''), (r.postDataJSON() as { ids: string[] }).ids])).toEqual([
    ['/api/v1/alerts/ack', ids],
  ]);

  const res = await fetch(`${server.url}/api/v1/alerts?state=active&limit=1000`, { headers: { cookie: admin } });
  const { alerts } = (await res.json()) as { alerts: Alert[] };
  expect(alerts.filter((a) => ids.includes(a.id)).every((a) => a.acknowledged)).toBe(true);
  const audit = await fetch(`${server.url}/api/v1/audit?limit=1000`, { headers: { cookie: admin } });
  const { entries } = (await audit.json()) as { entries: AuditEntry[] };
  const acked = entries.filter((e) => e.action === 'alert.acknowledge').map((e) => e.target);
  expect(acked.sort()).toEqual(ids.map((id) => `alert:${id}`).sort());
  await op.context().close();
});
