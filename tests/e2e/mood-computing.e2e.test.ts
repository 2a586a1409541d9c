import type { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot, signedInPage, VIEWPORTS, type ViewportName } from '../support/browser.js';
import { startDemoDashboard } from '../support/demo-dashboard.js';
import type { TestPlatform } from '../support/test-platform.js';

/**
 * A view nobody computed ahead (D-mood-18): the dashboard asks with `Prefer: respond-async`, the real server answers
 * 202 and queues the computation, the page says it is computing with the filters usable, asks again with backoff and
 * shows the figures when the job has kept them. Nothing is computed ahead in this demo, so every view starts so.
 */
const SUITE = 'mood-computing';
const PASSWORD = 'mat-khau-lanh-dao-3';
const COMPUTING = 'Đang tính số liệu cho kỳ này';

describe('dashboard while a view is computed on the server (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    ({ t } = await startDemoDashboard({ members: 1500, messages: 8_000, seed: 11, days: 70 }, { email: 'lanhdao3@congdoan.vn', password: PASSWORD }));
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // Signing in opens the default view (30 days, today the previous month), computed by then: each width asks a period of its own.
  const periods: Record<ViewportName, string> = { laptop: '90d', phone: '365d' };
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`shows "computing", keeps the filters usable, then the figures at ${viewport} width`, async () => {
      const { page, problems } = await signedInPage(browser, { baseUrl: t.baseUrl, email: 'lanhdao3@congdoan.vn', password: PASSWORD, viewport });
      const statuses: number[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/admin/mood/summary?')) statuses.push(response.status());
      });
      await page.goto(`${t.baseUrl}/admin/dashboard?period=${periods[viewport]}`);
      await page.waitForSelector(`.mood-computing >> text=${COMPUTING}`);
      await saveScreenshot(page, SUITE, `1-computing-${viewport}`);
      // The filters stay usable: choosing a channel asks for another view, computing too.
      if (!(await page.getByLabel('Kênh').isVisible())) await page.click('.mood-filters-toggle');
      await page.getByLabel('Kênh').selectOption('zalo');
      await page.waitForSelector('.mood-period >> text=kênh Zalo', { timeout: 30_000 });
      await page.waitForSelector('.mood-stats .mood-stat-value');
      expect(await page.locator('.mood-computing').count()).toBe(0);
      await saveScreenshot(page, SUITE, `2-ready-${viewport}`);
      expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
      expect(statuses.at(-1)).toBe(200);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 90_000);
  }
});
