import type { Page } from '@playwright/test';

/** Collects console errors and uncaught page errors, so a spec can assert that a view ran cleanly. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { errors };
}
