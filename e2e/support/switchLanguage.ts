import type { Page } from '@playwright/test';

/**
 * Changes `?lang=` in place, as an operator's console or a playlist would, without reloading: the router sees the
 * new URL through `popstate`, so this tests that every label follows the language reactively.
 */
export async function switchLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  await page.evaluate((next) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, lang);
}
