import { expect, test } from '@playwright/test';
import { watchConsole } from './support/pageWatch';
import { regionSet } from './support/regions';

test('clicking a district on the map opens its detail, and the way back returns to the overview', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('/?indicator=eid-activation-rate&lang=en');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  const map = page.getByTestId('map');
  await expect.poll(() => map.locator('svg path').count()).toBeGreaterThanOrEqual(21);

  // Kỳ Sơn is the large western district: its label sits inside its shape.
  await map.locator('svg text', { hasText: 'Kỳ Sơn' }).click();
  await expect(page).toHaveURL(/\/district\/417\?indicator=eid-activation-rate&lang=en$/);
  await expect(page.getByTestId('view-district')).toHaveAttribute('data-code', '417');
  await expect(page.getByTestId('view-title')).toHaveText('Kỳ Sơn');
  await expect(page.getByTestId('district-gauge-eid-activation-rate').getByTestId('stat-value')).toHaveText(
    /^\d{2}\.\d{2}%$/,
  );

  await page.getByTestId('back-link').click();
  await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');
  await expect(page).toHaveURL(/\/\?indicator=eid-activation-rate&lang=en$/);

  // The ranking and the gauges open a district too.
  await page.getByTestId('ranking').locator('li[data-rank="1"] a').click();
  await expect(page.getByTestId('view-district')).toBeVisible();
  await page.goBack();
  const second = regionSet.districts[1]?.code ?? '';
  await page.getByTestId(`gauge-${second}`).locator('a').click();
  await expect(page.getByTestId('view-district')).toHaveAttribute('data-code', second);
  expect(console.errors).toEqual([]);
});
