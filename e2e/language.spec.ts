import { expect, type Page, test } from '@playwright/test';
import { en, vi } from '../client/i18n/messages';
import { indicators } from '../shared/catalog';
import { canvasTexts, VIETNAMESE_LETTERS } from './support/canvasText';
import { showInPlace, switchLanguage } from './support/inPlace';
import { watchConsole } from './support/pageWatch';
import { regionSet } from './support/regions';

const PATHS = [
  '/',
  `/district/${regionSet.districts[0]?.code}`,
  '/grid',
  '/identity',
  '/services',
  '/tasks',
  '/ranking',
];

/** District names are Vietnamese proper names in both languages. */
const PROPER_NAMES = new Set(regionSet.districts.flatMap((d) => [d.name]));

/** The fixed words of a message (what is left when its placeholders are taken out), long enough to be telling. */
const fixedParts = (text: string) =>
  text
    .split(/\{\w+\}/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);

/** Vietnamese wording that must be gone once the wall speaks English: messages and indicator labels. */
const VIETNAMESE_ONLY = [
  ...Object.entries(vi).flatMap(([key, text]) => (text === en[key as keyof typeof en] ? [] : fixedParts(text))),
  ...indicators.flatMap((i) => [i.label.vi, i.short.vi]),
];

// One page for every view, each shown in place in Vietnamese: a page load for the suite, not one per view. Its
// console is watched throughout; a test that fails ends its worker, and the next opens a fresh page.
let page: Page;
let console: { errors: string[] };
test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  console = watchConsole(page);
  await page.goto('/');
});
test.afterAll(() => page.close());

for (const path of PATHS) {
  test(`switching ${path} from Vietnamese to English relabels everything, live`, async () => {
    await showInPlace(page, path);
    // The view itself, not the one before it: its frame's labels below are there throughout.
    await expect(page.getByTestId(`view-${path.split('/')[1] || 'overview'}`)).toBeVisible();
    await expect(page.getByTestId('link-status')).toHaveText(/Trực tuyến/);
    await expect(page.getByTestId('alert-ticker')).toContainText('Cảnh báo');

    await switchLanguage(page, 'en');
    await expect(page.getByTestId('link-status')).toHaveText(/Live/);
    await expect(page.getByTestId('alert-ticker')).toContainText('Alerts');
    // Charts repaint their labels a frame or so after the change: ask until they have (a bounded wait, whatever
    // the machine's speed), then report what is left.
    const vietnameseLeft = async () => {
      const texts = (await canvasTexts(page)).map((t) => t.text);
      const leftovers = texts.filter((text) => VIETNAMESE_LETTERS.test(text) && !PROPER_NAMES.has(text));
      // A proper name may sit inside a longer English string ("Kỳ Sơn: 61.2%"): take the names out and look again.
      const unexplained = leftovers.filter((text) => {
        let rest = text;
        for (const name of PROPER_NAMES) rest = rest.replaceAll(name, '');
        return VIETNAMESE_LETTERS.test(rest);
      });
      const all = texts.join('\n');
      return [...unexplained, ...VIETNAMESE_ONLY.filter((phrase) => all.includes(phrase))];
    };
    await expect.poll(vietnameseLeft).toEqual([]);

    await switchLanguage(page, 'vi');
    await expect(page.getByTestId('link-status')).toHaveText(/Trực tuyến/);
    expect(console.errors).toEqual([]);
  });
}
