import { expect, test } from '@playwright/test';
import type { Alert } from '../shared/protocol';
import { regionSet } from './support/regions';

/** The alerts a screen calls pressing: unacknowledged, and critical or an event rather than a standing shortfall. */
const pressing = (a: Alert) => !a.acknowledged && (a.severity === 'critical' || a.rule !== 'below-target');

test('active alerts show on the ticker of every view and outline their districts on the map', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  const ticker = page.getByTestId('alert-ticker');

  // The simulated province has units under their targets from the start (the departments' 27.96 % among them).
  const serverView = async () => {
    const { alerts } = (await (await request.get('/api/v1/alerts?state=active')).json()) as { alerts: Alert[] };
    const districts = new Set(
      alerts.filter((a) => pressing(a) && a.region && regionSet.districts.some((d) => d.code === a.region)),
    );
    return {
      active: alerts.length,
      critical: alerts.filter((a) => a.severity === 'critical').length,
      outlined: [...new Set([...districts].map((a) => a.region))].sort(),
    };
  };
  const screenView = async () => ({
    active: Number(await ticker.getAttribute('data-active')),
    critical: Number(await ticker.getAttribute('data-critical')),
    outlined: (
      await page
        .getByTestId('map-regions')
        .locator('li[data-alert="pressing"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    ).sort(),
  });
  // Both sides asked again at each poll: the simulator may raise or end an alert meanwhile. One round reads a
  // dozen attributes, which takes seconds on a busy machine: the bound leaves room for several.
  await expect(ticker).toHaveAttribute('data-active', /^\d+$/);
  await expect
    .poll(
      async () => {
        const [server, screen] = [JSON.stringify(await serverView()), JSON.stringify(await screenView())];
        return server === screen ? 'same' : `server ${server}, screen ${screen}`;
      },
      { timeout: 60_000 },
    )
    .toBe('same');
  expect((await serverView()).critical).toBeGreaterThan(0);
  await expect(ticker.locator('[data-severity="critical"]').first()).toBeVisible();
  if ((await serverView()).outlined.length > 0) await expect(page.getByTestId('map-alert-legend')).toBeVisible();

  // The departments' online record rate, far below its 40 % target, is named on the ticker.
  await expect(ticker).toContainText('Sở, ban, ngành');
  await page.goto('/tasks?lang=en');
  await expect(ticker).toContainText('Departments');
  await expect(ticker).toContainText('critical');
});
