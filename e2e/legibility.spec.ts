import { expect, type Page, test } from '@playwright/test';
import { VIEWING_PRESETS, type Viewing } from '../shared/kiosk';
import { illegibleTexts } from './support/legibility';
import { expectOfficeSlide } from './support/office';
import { VIEWS } from './support/views';

const HALL = { preset: VIEWING_PRESETS.hall, viewport: { width: 3840, height: 2160 } };
const OFFICE = { preset: VIEWING_PRESETS.office, viewport: { width: 1920, height: 1080 } };

const address = (path: string, viewing: Viewing, extra = '') =>
  `${path}${path.includes('?') ? '&' : '?'}kiosk=1&screen=${viewing.id}${extra}`;

async function open(page: Page, path: string, viewing: Viewing, extra = '') {
  await page.goto(address(path, viewing, extra));
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('screen')).toHaveAttribute(
    'data-viewing',
    `${viewing.diagonalIn}in@${viewing.distanceM}m`,
  );
}

// The hall's wall reads the dense layouts: every view, as it is.
test.describe(`hall: ${HALL.preset.diagonalIn} inch at ${HALL.preset.distanceM} m, 3840x2160`, () => {
  test.use({ viewport: HALL.viewport });
  for (const view of VIEWS) {
    test(`every text on the ${view.name} view is at least 20 arcminutes tall`, async ({ page }) => {
      await open(page, view.path, HALL.preset);
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
  for (const view of VIEWS) {
    test(`every text on the ${view.name} view is at least 20 arcminutes tall, on every slide`, async ({ page }) => {
      let slides = 1;
      for (let slide = 1; slide <= slides; slide++) {
        await open(page, view.path, OFFICE.preset, `&slide=${slide}`);
        slides = await expectOfficeSlide(page, view.name, slide);
        expect(slides).toBeGreaterThan(1);
        expect(await illegibleTexts(page, OFFICE.preset), `slide ${slide}`).toEqual([]);
        // The shared server runs the simulator: a screen read from afar still says its figures are simulated.
        await expect(page.getByTestId('office-board').getByTestId('simulated-badge')).toBeVisible();
      }
    });
  }

  // The longest names are English (departments, Decision 42): every slide still fits above the ticker.
  test('every office slide fits its screen in English too', async ({ page }) => {
    for (const view of VIEWS) {
      let slides = 1;
      for (let slide = 1; slide <= slides; slide++) {
        await open(page, view.path, OFFICE.preset, `&slide=${slide}&lang=en`);
        slides = await expectOfficeSlide(page, view.name, slide);
      }
    }
  });

  test('the office slides turn on the server clock, the same slide on every screen', async ({ browser }) => {
    const screens = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const page of screens) await open(page, '/', OFFICE.preset);
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
