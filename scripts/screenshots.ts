// `npm run screenshots`: pictures of every kiosk view on the screens the wall is made for, in docs/screenshots/ with
// an index (README.md). Runs the real server (simulator on, the clock started at a fixed working morning, a fresh
// data directory) and headless Chromium, and stops both, as process groups, however it ends. Exits non-zero, naming
// the pages, when a page shows no live figures.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { startWallServer, type WallServer, WORKING_MORNING } from '../e2e/support/server';
import { kioskAddress, VIEWS, type View } from '../e2e/support/views';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'docs/screenshots');
/**
 * Pictures are at most this wide and about this many pixels, to keep the repository small: Chromium draws the page at
 * a lower pixel ratio (text is laid out as on the screen and rasterised sharp at the smaller size, not scaled down
 * afterwards). A 1920x1080 window gives 1440x810, 3840x2160 the same, 7680x2160 1920x540.
 */
const MAX_WIDTH = 1920;
const MAX_PIXELS = 1440 * 810;
const JPEG_QUALITY = 80;
/** Long enough on a busy machine for a 7680x2160 page to load, connect and draw. */
const LIVE_TIMEOUT_MS = 60_000;
/** After the figures show: the gauges' and charts' entry animations end within this. */
const SETTLE_MS = 1_500;

type Size = { width: number; height: number };

/** A screen the wall is made for: its window, the screen parameters in its address, and its panels on a wall. */
interface Screen {
  id: string;
  title: string;
  window: Size;
  query: string;
  /** Office layouts: one picture per slide, each held with `slide=`. */
  slides?: boolean;
  /** A video wall: one browser page per panel, each its `tile=`. */
  tiles?: string[];
}

const SCREENS: Screen[] = [
  {
    id: 'office-1920x1080',
    title: '1920x1080, office TV (65 in, 4 m)',
    window: { width: 1920, height: 1080 },
    query: 'screen=office',
    slides: true,
  },
  { id: 'hall-3840x2160', title: '3840x2160, hall', window: { width: 3840, height: 2160 }, query: 'screen=hall' },
  { id: '7680x2160', title: '7680x2160', window: { width: 7680, height: 2160 }, query: '' },
  {
    id: 'wall-2x1',
    title: '2x1 wall of 1920x1080 panels',
    window: { width: 1920, height: 1080 },
    query: 'wall=2x1',
    tiles: ['0,0', '1,0'],
  },
];

interface Shot {
  view: string;
  screen: Screen;
  /** What tells this picture from the others in its cell: the slide, the panel. */
  label: string;
  file: string;
  address: string;
}

let interrupted = false;
const shots: Shot[] = [];
const notLive: string[] = [];

/** A page of its own browser context, as a screen of its own would be, drawn at most MAX_WIDTH pixels wide. */
async function openScreen(browser: Browser, server: WallServer, window: Size, at: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: window,
    deviceScaleFactor: Math.min(1, MAX_WIDTH / window.width, Math.sqrt(MAX_PIXELS / (window.width * window.height))),
    baseURL: server.url,
  });
  const page = await context.newPage();
  await page.goto(at);
  return page;
}

/** Waits for the link to be live and the view's figures to show; false (and the reason noted) when they do not. */
async function showsLiveFigures(page: Page, ready: (page: Page) => Promise<void>, at: string): Promise<boolean> {
  try {
    await page
      .getByTestId('link-status')
      .and(page.locator('[data-state="live"]'))
      .waitFor({ timeout: LIVE_TIMEOUT_MS });
    await untilDeadline(() => ready(page));
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(SETTLE_MS);
    return true;
  } catch (error) {
    notLive.push(`${at} (${page.viewportSize()?.width}x${page.viewportSize()?.height}): ${firstLine(error)}`);
    return false;
  }
}

/**
 * Runs a view's readiness check again until it passes or LIVE_TIMEOUT_MS has gone by: its assertions wait only the
 * test runner's default of a few seconds, short for a 7680x2160 page on a busy machine.
 */
async function untilDeadline(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** An office slide shows figures: large values with a number, or ranked rows each with a value. */
function officeSlideReady(view: View, slide: number) {
  return async (page: Page) => {
    const board = page.getByTestId('office-board');
    await board
      .and(page.locator(`[data-view="${view.name}"][data-slide="${slide - 1}"]`))
      .waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.waitForFunction(
      () => {
        const slide = document.querySelector('[data-testid="office-slide"]');
        const figures = [...(slide?.querySelectorAll('[data-testid="office-value"], .office-rank-value') ?? [])];
        return figures.length > 0 && figures.every((el) => /\d|Không có|None/.test(el.textContent ?? ''));
      },
      undefined,
      { timeout: LIVE_TIMEOUT_MS },
    );
  };
}

async function save(page: Page, shot: Shot): Promise<void> {
  await page.screenshot({ path: path.join(OUT, shot.file), type: 'jpeg', quality: JPEG_QUALITY });
  shots.push(shot);
  console.log(`  ${shot.file}  ${shot.address}`);
}

/** One screen of one view; returns how many slides its office layout has (0 without one). */
async function shootOne(browser: Browser, server: WallServer, view: View, screen: Screen, extra = '', label = '') {
  const at = kioskAddress(view.path, [screen.query, extra].filter(Boolean).join('&'));
  const page = await openScreen(browser, server, screen.window, at);
  const slide = Number(/slide=(\d+)/.exec(extra)?.[1] ?? 0);
  try {
    await showsLiveFigures(page, slide ? officeSlideReady(view, slide) : view.ready, at);
    const name = [screen.id, view.name, label.replaceAll(/\W+/g, '-')].filter(Boolean).join('-');
    await save(page, { view: view.name, screen, label, file: `${name}.jpg`, address: at });
    const board = page.getByTestId('office-board');
    return (await board.count()) ? Number(await board.getAttribute('data-slides')) : 0;
  } finally {
    await page.context().close();
  }
}

/** Every slide of a view's office layout: how many there are, the first slide says. */
async function shootSlides(browser: Browser, server: WallServer, view: View, screen: Screen) {
  let slides = 1;
  for (let slide = 1; slide <= slides && !interrupted; slide++) {
    const count = await shootOne(browser, server, view, screen, `slide=${slide}`, `slide ${slide}`);
    if (slide === 1) slides = count;
  }
}

/** A wall: one page per panel, all open at once, each pictured once every panel shows live figures. */
async function shootWall(browser: Browser, server: WallServer, view: View, screen: Screen, tiles: string[]) {
  const addresses = tiles.map((tile) => kioskAddress(view.path, `${screen.query}&tile=${tile}`));
  const pages = await Promise.all(addresses.map((at) => openScreen(browser, server, screen.window, at)));
  try {
    await Promise.all(pages.map((page, i) => showsLiveFigures(page, view.ready, addresses[i] ?? '')));
    for (const [i, page] of pages.entries()) {
      const tile = tiles[i] ?? '';
      const at = addresses[i] ?? '';
      await save(page, {
        view: view.name,
        screen,
        label: `panel ${tile}`,
        file: `${screen.id}-${view.name}-tile-${tile.replace(',', '-')}.jpg`,
        address: at,
      });
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
}

/** The index: a table of views by screen, each picture a link named by the address it was taken at. */
function writeIndex(): void {
  const rows = [...VIEWS.map((v) => v.name), 'overview, English'];
  const cell = (row: string, screen: Screen) => {
    const here = shots.filter((s) => s.screen === screen && rowOf(s) === row);
    return here.length ? here.map((s) => `[\`${s.address}\`](${s.file})`).join('<br>') : '';
  };
  const lines = [
    '# Kiosk screenshots',
    '',
    'Every kiosk view on the screens the wall is made for, generated by `npm run screenshots` (the real server with',
    `its simulator, the clock started at ${WORKING_MORNING}); each link is the address the picture was taken at, in a`,
    'browser window of the size its column names (one window per panel on the wall). The pictures are drawn at a',
    `lower pixel ratio, at most ${MAX_WIDTH} pixels wide and ${(MAX_PIXELS / 1e6).toFixed(1)} megapixels (a 1920x1080 window gives`,
    '1440x810). Vietnamese, unless the address says `lang=en`.',
    '',
    `| view | ${SCREENS.map((s) => s.title).join(' | ')} |`,
    `|---|${SCREENS.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row} | ${SCREENS.map((s) => cell(row, s)).join(' | ')} |`),
    '',
  ];
  writeFileSync(path.join(OUT, 'README.md'), lines.join('\n'));
}

function rowOf(shot: Shot): string {
  return shot.address.includes('lang=en') ? `${shot.view}, English` : shot.view;
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (file.endsWith('.jpg')) rmSync(path.join(OUT, file));
  let server: WallServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startWallServer({ env: { SIM: 'on', CLOCK_START: WORKING_MORNING }, ownGroup: true });
    browser = await chromium.launch({ ...chromiumLaunchOptions(), handleSIGINT: false, handleSIGTERM: false });
    for (const screen of SCREENS) {
      console.log(screen.title);
      for (const view of VIEWS) {
        if (interrupted) throw new Error('interrupted');
        if (screen.tiles) await shootWall(browser, server, view, screen, screen.tiles);
        else if (screen.slides) await shootSlides(browser, server, view, screen);
        else await shootOne(browser, server, view, screen);
      }
    }
    const hall = SCREENS.find((s) => s.id === 'hall-3840x2160');
    const overview = VIEWS.find((v) => v.name === 'overview');
    if (hall && overview) await shootOne(browser, server, overview, hall, 'lang=en', 'en');
  } finally {
    await browser?.close();
    await server?.stop();
  }
  if (notLive.length > 0) {
    console.error(`screenshots: ${notLive.length} page(s) showed no live figures:`);
    for (const line of notLive) console.error(`  ${line}`);
    return 1;
  }
  writeIndex();
  console.log(`screenshots: ${shots.length} pictures and their index in ${path.relative(root, OUT)}/`);
  return 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`screenshots: ${signal}, stopping the browser and the server`);
    interrupted = true;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`screenshots: ${firstLine(error)}`);
    process.exit(1);
  },
);
