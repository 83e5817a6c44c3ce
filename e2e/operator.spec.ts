import { expect, type Page, test } from '@playwright/test';
import { addUser, registerDisplay, signInApi, signInConsole } from './support/operator';
import { watchConsole } from './support/pageWatch';
import { unitA } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

/**
 * Operators steering wall screens, each in its own browser context as on separate machines. The wall is closed to
 * unregistered browsers, as in production: screens get in with their token, the console's preview with the
 * operator's session.
 */
let server: WallServer;
let hall1: string;
let hall2: string;

test.beforeAll(async () => {
  server = await startWallServer({ env: { WALL_ACCESS: 'closed', SIM_RATE: '5' } });
  // Accounts are created with the real command, next to the running server.
  await addUser(server.dataDir, 'admin', 'admin');
  await addUser(server.dataDir, 'lan', 'operator');
  const admin = await signInApi(server.url, 'admin');
  hall1 = await registerDisplay(server.url, admin, 'hall-1', 'Hội trường 1');
  hall2 = await registerDisplay(server.url, admin, 'hall-2', 'Hội trường 2');
});
test.afterAll(async () => {
  await server.stop();
});

/** A wall screen in a browser of its own, opened at the address an admin gave it. */
async function openWall(browser: import('@playwright/test').Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  return page;
}

test('an operator switches hall-1 to Kỳ Sơn and sends it an announcement that expires', async ({ browser }, info) => {
  // Walls and a console, each in a browser of its own, on a loaded machine: slow, not stuck.
  test.slow();
  const wall = await openWall(browser, hall1);
  const wallErrors = watchConsole(wall);
  // The token left the address for the screen's storage; a fragment never reaches the server.
  expect(new URL(wall.url()).hash).toBe('');
  expect(await wall.evaluate(() => localStorage.getItem('ioc-wall:display-token:hall-1'))).toMatch(/^iocd_/);

  const consoleContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const op = await consoleContext.newPage();
  const opErrors = watchConsole(op);
  await signInConsole(op, server.url, 'lan');
  const row = op.getByTestId('display-row-hall-1');
  await expect(row).toHaveAttribute('data-state', 'online');
  await row.click();
  await expect(op.getByTestId('target')).toContainText('hall-1');

  await op.getByTestId('show-view').selectOption('district');
  await op.getByTestId('show-district').selectOption(unitA.code);
  await op.getByTestId('show-send').click();
  // The wall shows Kỳ Sơn within two seconds of the click.
  await expect(wall.locator(`[data-testid="view-district"][data-code="${unitA.code}"]`)).toBeVisible({
    timeout: 2_000,
  });
  await expect(wall.getByRole('heading', { name: /Kỳ Sơn/ })).toBeVisible();
  expect(new URL(wall.url()).pathname).toBe(`/district/${unitA.code}`);
  // The console shows the acknowledgement and, from the screen's own report, the new view.
  await expect(op.getByTestId('outcome-hall-1')).toHaveAttribute('data-result', 'applied');
  await expect(row.getByTestId('display-view')).toContainText(`${unitA.name} (${unitA.code})`);
  // The preview shows the same view, through the operator's session on this closed wall.
  const preview = op.frameLocator('[data-testid="preview"]');
  await expect(preview.locator(`[data-testid="view-district"][data-code="${unitA.code}"]`)).toBeVisible();
  await op.screenshot({ path: info.outputPath('console-after-show.png') });

  // An announcement of six seconds: the alert ticker's first item, as written, with its severity; then gone by
  // itself.
  const text = 'Họp trực tuyến với UBND huyện Kỳ Sơn lúc 14:00 — chuẩn bị số liệu CCCD';
  await op.getByTestId('announce-text').fill(text);
  await op.getByTestId('announce-minutes').fill('0.1');
  await op.getByTestId('announce-send').click();
  const banner = wall.getByTestId('alert-ticker').getByTestId('announcement');
  await expect(banner).toContainText(text, { timeout: 2_000 });
  await expect(banner).toHaveAttribute('data-severity', 'info');
  await expect(banner).toContainText('Thông báo');
  expect(await wall.locator('.ticker-items').first().locator('li').first().getAttribute('data-testid')).toBe(
    'announcement',
  );
  await expect(op.locator('[data-testid="result"][data-command="announce"]').first()).toContainText('hall-1');
  await wall.screenshot({ path: info.outputPath('wall-announcement.png') });
  await expect(banner).toBeHidden({ timeout: 10_000 });

  expect(wallErrors.errors).toEqual([]);
  expect(opErrors.errors).toEqual([]);
  await consoleContext.close();
  await wall.context().close();
});

test('a presenter remote steps through views, and a group command reaches both walls', async ({ browser }, info) => {
  // Walls and a console, each in a browser of its own, on a loaded machine: slow, not stuck.
  test.slow();
  const [one, two] = [await openWall(browser, hall1), await openWall(browser, hall2)];
  const op = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await signInConsole(op, server.url, 'lan');
  await op.getByTestId('display-row-hall-1').click();
  await op.getByTestId('show-view').selectOption('overview');
  await op.getByTestId('show-send').click();
  await expect(one.getByTestId('view-overview')).toBeVisible();

  // In presenter mode, from the overview, PageDown opens the district view, the right arrow the grid, PageUp goes
  // back.
  await op.getByTestId('presenter-toggle').click();
  await op.keyboard.press('PageDown');
  await expect(one.getByTestId('view-district')).toBeVisible();
  await op.keyboard.press('ArrowRight');
  await expect(one.getByTestId('view-grid')).toBeVisible();
  await op.keyboard.press('PageUp');
  await expect(one.getByTestId('view-district')).toBeVisible();
  await expect(two.getByTestId('view-overview')).toBeVisible();

  // The group: both walls identify themselves, each acknowledging.
  await op.getByTestId('select-group-hall').click();
  await expect(op.getByTestId('target')).toHaveAttribute('data-kind', 'group');
  await op.getByTestId('identify').click();
  await expect(one.getByTestId('identify')).toContainText('Hội trường 1');
  await expect(two.getByTestId('identify')).toContainText('Hội trường 2');
  for (const id of ['hall-1', 'hall-2']) {
    await expect(op.getByTestId(`outcome-${id}`).first()).toHaveAttribute('data-result', 'applied');
  }
  await two.screenshot({ path: info.outputPath('wall-identify.png') });
  await op.screenshot({ path: info.outputPath('console-group.png') });

  // hall-2 runs a playlist edited in the console (the task board, then the ranking), carried in its address, and
  // stops it where it is.
  await op.getByTestId('display-row-hall-2').click();
  await op.getByTestId('playlist-edit').click();
  for (const view of ['tasks', 'ranking']) {
    await op.getByTestId('show-view').selectOption(view);
    await op.getByTestId('playlist-add-view').click();
  }
  await op.getByTestId('playlist-run').click();
  await expect(two).toHaveURL(/[?&]playlist=%2Ftasks%4030%3B%2Franking%4030/);
  await expect(two.locator('[data-testid="view-tasks"], [data-testid="view-ranking"]')).toBeVisible();
  await expect(op.getByTestId('display-row-hall-2')).toContainText(/url · [12]\/2/);
  await op.getByTestId('playlist-stop').click();
  await expect(two).not.toHaveURL(/playlist=/);
  await expect(two.locator('[data-testid="view-tasks"], [data-testid="view-ranking"]')).toBeVisible();
  for (const page of [one, two, op]) await page.context().close();
});

test('an admin registers a screen in the console, and revoking it shows "not authorised" on it', async ({
  browser,
}, info) => {
  const op = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await signInConsole(op, server.url, 'admin');
  await op.getByRole('button', { name: 'Quản trị' }).click();
  await op.getByTestId('register-id').fill('lobby-1');
  await op.getByTestId('register-name').fill('Sảnh chính');
  await op.getByTestId('register-group').fill('lobby');
  await op.getByTestId('register-send').click();
  const address = (await op.getByTestId('issued-url').textContent()) ?? '';
  expect(address).toMatch(/\/\?kiosk=1&display=lobby-1#token=iocd_/);

  const wall = await openWall(browser, address.replace(server.url, ''));
  await expect(op.getByTestId('display-row-lobby-1')).toHaveAttribute('data-state', 'online');
  // Revoking takes a screen off the wall: the console asks first.
  const question = new Promise<string>((resolve) =>
    op.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await op.getByTestId('revoke-lobby-1').click();
  expect(await question).toContain('lobby-1');
  await expect(wall.getByTestId('not-authorised')).toBeVisible({ timeout: 10_000 });
  await expect(wall.getByTestId('not-authorised')).toContainText('lobby-1');
  await expect(op.getByTestId('display-row-lobby-1')).toHaveAttribute('data-state', 'revoked');
  await wall.screenshot({ path: info.outputPath('wall-not-authorised.png') });

  // A browser with no token is refused by this closed wall just the same.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${server.url}/?kiosk=1&display=hall-1`);
  await expect(stranger.getByTestId('not-authorised')).toBeVisible();
  for (const page of [op, wall, stranger]) await page.context().close();
});
