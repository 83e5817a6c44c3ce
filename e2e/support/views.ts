import { expect, type Page } from '@playwright/test';
import { regionSet } from './regions';

const DISTRICTS = regionSet.districts.length;
const DEPARTMENTS = regionSet.departments.length;
/** A count in the millions and a percentage, in Vietnamese format. */
const MILLIONS_VI = /^\d\.\d{3}\.\d{3}$/;
const PERCENT_VI = /^\d{1,3},\d{2}\s%$/;

/** An address with more parameters (`a=1&b=2`) after those it has. */
export const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/** A view's address on a kiosk screen, with more parameters where given. */
export const kioskAddress = (path: string, query = '') => withQuery(path, query ? `kiosk=1&${query}` : 'kiosk=1');

/** A view of the wall, with what shows it has rendered its live figures. */
export interface View {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

/** Every view, with what shows it has rendered its live figures. */
export const VIEWS: View[] = [
  {
    name: 'overview',
    path: '/',
    ready: async (page) => {
      await expect(page.getByTestId('map-regions').locator('li')).toHaveCount(DISTRICTS);
      // The inset's title and the districts' names; at the legible size a few small neighbours' names would
      // overlap and are left out (their gauges and ranking rows name them).
      await expect
        .poll(() => page.getByTestId('map').locator('svg text').count())
        .toBeGreaterThanOrEqual(DISTRICTS - 2);
    },
  },
  {
    name: 'district',
    path: '/district/417',
    ready: async (page) => {
      await expect(page.locator('[data-testid^="district-gauge-"]')).toHaveCount(7);
      await expect(page.getByTestId('district-gauge-online-record-rate').getByTestId('stat-value')).toHaveText(
        /^\d{1,3},\d{2}\s%$/,
      );
      await expect(page.getByTestId('district-gauge-online-record-rate').getByTestId('rank')).toHaveText(
        /^Hạng \d{1,2}\/21$/,
      );
      await expect(page.getByTestId('district-locator')).toBeVisible();
    },
  },
  {
    name: 'grid',
    path: '/grid?indicator=online-record-rate',
    ready: async (page) => {
      await expect(page.locator('[data-testid^="grid-card-"]')).toHaveCount(DISTRICTS);
      await expect(page.locator('[data-testid="grid-value"]').first()).toHaveText(/^\d{1,3},\d{2}\s%$/);
      await expect(page.getByTestId('grid-meeting')).toHaveText(/^\d{1,2}\/21 đơn vị đạt chỉ tiêu$/);
    },
  },
  {
    name: 'identity',
    path: '/identity',
    ready: async (page) => {
      // Live on the shared server, whose simulator moves them as the run goes on: the format here, the figures
      // themselves on a still server (below).
      await expect(page.getByTestId('identity-cards-value')).toHaveText(MILLIONS_VI);
      // All the units on one screen; a page of them where a wall pages the table (it says so).
      await expect
        .poll(async () => {
          const rows = await page.locator('[data-testid="identity-table"] tbody tr').count();
          return (await page.getByTestId('identity-page').count()) > 0 ? rows > 0 : rows === DISTRICTS;
        })
        .toBe(true);
      await expect(page.getByTestId('eid-collected')).toHaveText(MILLIONS_VI);
    },
  },
  {
    name: 'services',
    path: '/services',
    ready: async (page) => {
      await expect(page.getByTestId('services-departments').getByTestId('stat-value')).toHaveText(PERCENT_VI);
      await expect(page.getByTestId('departments-table').locator('tbody tr')).toHaveCount(DEPARTMENTS);
      await expect(page.getByTestId('departments-table').getByTestId('sample-badge')).toBeVisible();
    },
  },
  {
    name: 'tasks',
    path: '/tasks',
    ready: async (page) => {
      await expect(page.getByTestId('tasks-completed')).toHaveText('23/25');
      await expect(page.getByTestId('tasks-recurring')).toContainText('14');
      await expect(page.getByTestId('tasks-in-progress')).toContainText('2');
      await expect(page.getByTestId('deployed-essential')).toContainText('25/25');
      await expect(page.getByTestId('deployed-decision42')).toContainText('6/11');
      await expect(page.getByTestId('models-total')).toHaveText('38');
      await expect(page.getByTestId('sample-badge')).toBeVisible();
    },
  },
  {
    name: 'ranking',
    path: '/ranking',
    ready: async (page) => {
      await expect(page.getByTestId('index-localities').locator('li')).toHaveCount(DISTRICTS);
      await expect(page.getByTestId('index-departments').locator('li')).toHaveCount(DEPARTMENTS);
      await expect(page.getByTestId('index-province')).toContainText(/\d{2},\d/);
    },
  },
];
