import { type Browser, expect, type Page, test } from '@playwright/test';
import type { Size } from '../client/layout/fit';
import { VIEWING_PRESETS, type Viewing } from '../shared/kiosk';
import { showInPlace } from './support/inPlace';
import { illegibleTexts } from './support/legibility';
import { expectOfficeSlide } from './support/office';
import { kioskAddress, VIEWS, type View } from './support/views';

const HALL = { preset: VIEWING_PRESETS.hall, viewport: { width: 3840, height: 2160 } };
const OFFICE = { preset: VIEWING_PRESETS.office, viewport: { width: 1920, height: 1080 } };

const address = (path: string, viewing: Viewing, extra = '') => kioskAddress(path, `screen=${viewing.id}${extra}`);

/** Opens the overview as a screen of this viewing, and waits until it is live. */
async function open(page: Page, viewing: Viewing) {
  await page.goto(address('/', viewing));
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('screen')).toHaveAttribute(
    'data-viewing',
    `${viewing.diagonalIn}in@${viewing.distanceM}m`,
  );
}

async function openScreen(browser: Browser, viewport: Size, viewing: Viewing): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await open(page, viewing);
  return page;
}

// One screen per viewing, shared by its tests: each view and slide is shown in place, as a playlist or the slides'
// turn shows it, so the same layout is measured without a page load for each (seconds apiece on a busy machine).
// A test that fails ends its worker; the next opens a fresh screen.

// The hall's wall reads the dense layouts: every view, as it is.
test.describe(`hall: ${HALL.preset.diagonalIn} inch at ${HALL.preset.distanceM} m, 3840x2160`, () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await openScreen(browser, HALL.viewport, HALL.preset);
  });
  test.afterAll(() => page.close());
  for (const view of VIEWS) {
    test(`every text on the ${view.name} view is at least 20 arcminutes tall`, async () => {
      await showInPlace(page, address(view.path, HALL.preset));
      await view.ready(page);
      await expect(page.getByTestId('office-board')).toHaveCount(0);
      expect(await illegibleTexts(page, HALL.preset)).toEqual([]);
    });
  }
});

// An office TV read from 4 m needs text more than twice the hall's: each view shows its office layout, a few
// figures per slide. Every slide (held with `?slide=`) shows figures and is measured.
test.describe(`office: ${OFFICE.preset.diagonalIn} inch at ${OFFICE.preset.distanceM} m, 1920x1080`, () => {
  test.use({ viewport: OFFICE.viewport });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await openScreen(browser, OFFICE.viewport, OFFICE.preset);
  });
  test.afterAll(() => page.close());

  /** Shows every slide of a view in place and checks each (`expectOfficeSlide`, then `more`). */
  async function everySlide(view: View, extra: string, more: (slide: number) => Promise<void> = async () => {}) {
    let slides = 1;
    for (let slide = 1; slide <= slides; slide++) {
      await showInPlace(page, address(view.path, OFFICE.preset, `&slide=${slide}${extra}`));
      slides = await expectOfficeSlide(page, view.name, slide);
      await more(slide);
    }
    return slides;
  }

  for (const view of VIEWS) {
    test(`every text on the ${view.name} view is at least 20 arcminutes tall, on every slide`, async () => {
      const slides = await everySlide(view, '', async (slide) => {
        expect(await illegibleTexts(page, OFFICE.preset), `slide ${slide}`).toEqual([]);
        // The shared server runs the simulator: a screen read from afar still says its figures are simulated.
        await expect(page.getByTestId('office-board').getByTestId('simulated-badge')).toBeVisible();
      });
      expect(slides).toBeGreaterThan(1);
    });
  }

  // The longest names are English (departments, Decision 42): every slide still fits above the ticker.
  test('every office slide fits its screen in English too', async () => {
    for (const view of VIEWS) await everySlide(view, '&lang=en');
  });

  test('the office slides turn on the server clock, the same slide on every screen', async ({ browser }) => {
    const screens = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const page of screens) await open(page, OFFICE.preset);
    const where = (page: Page) =>
      page.getByTestId('office-board').evaluate((el) => ({
        slot: Number(el.getAttribute('data-slot')),
        slide: Number(el.getAttribute('data-slide')),
        slides: Number(el.getAttribute('data-slides')),
      }));
    const first = await where(screens[0] as Page);
    // Each screen shows the slide its clock slot gives, so two screens in the same slot show the same slide.
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all(screens.map(where));
        return a && b && a.slot === b.slot && a.slide === b.slide && a.slide === a.slot % a.slides;
      })
      .toBe(true);
    // And it turns: a later slot shows the next slide (a slot lasts 15 s).
    await expect
      .poll(async () => (await where(screens[0] as Page)).slot, { timeout: 40_000 })
      .toBeGreaterThan(first.slot);
    const later = await where(screens[0] as Page);
    expect(later.slide).toBe(later.slot % later.slides);
    expect(later.slide).not.toBe(first.slide);
    await Promise.all(screens.map((p) => p.close()));
  });
});
