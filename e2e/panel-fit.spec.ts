import { expect, test } from '@playwright/test';

test.describe('the tasks view', () => {
  for (const lang of ['vi', 'en']) {
    test(`${lang}: every pilot model's chip lies inside its panel, the last row too`, async ({ page }) => {
      await page.goto(`/tasks?kiosk=1&lang=${lang}`);
      await expect(page.getByTestId('tasks-completed')).toHaveText('23/25');
      await page.evaluate(() => document.fonts.ready);
      const cut = await page.getByTestId('pilot-models').evaluate((panel) => {
        const box = panel.getBoundingClientRect();
        // The panel's inner edge: a chip over its padding touches the frame, past the frame it is cut.
        const bottom =
          box.bottom -
          Number.parseFloat(getComputedStyle(panel).paddingBottom) * (box.height / (panel as HTMLElement).offsetHeight);
        return [...panel.querySelectorAll('.model-chip, .theme-name')]
          .filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5)
          .map((el) => el.textContent?.trim());
      });
      expect(cut).toEqual([]);
      expect(await page.locator('[data-testid="pilot-models"] .model-chip').count()).toBe(38);
    });
  }
});
