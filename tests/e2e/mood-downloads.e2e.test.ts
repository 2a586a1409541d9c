import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, launchBrowser, saveScreenshot, signedInPage, VIEWPORTS, type ViewportName } from '../support/browser.js';
import { startDemoDashboard } from '../support/demo-dashboard.js';
import type { TestPlatform } from '../support/test-platform.js';

/**
 * Downloads and examples of views nobody computed ahead (D-mood-19): the buttons ask with `Prefer: respond-async`,
 * say "Đang chuẩn bị tệp…" while the real server computes the report (202, one queued job), then save the file under
 * the server's name; a failure is the usual error with "Thử lại"; the examples panel says it is computing. Nothing is
 * computed ahead in this demo, and a report's view (trend by month) is not the page's, so every download starts so.
 */
const SUITE = 'mood-downloads';
const PASSWORD = 'mat-khau-lanh-dao-4';
const EMAIL = 'lanhdao4@congdoan.vn';
const PREPARING = 'Đang chuẩn bị tệp…';

describe('report downloads and examples while the server computes (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    ({ t } = await startDemoDashboard({ members: 1500, messages: 8_000, seed: 13, days: 120 }, { email: EMAIL, password: PASSWORD }));
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The statuses the page got from the report downloads, in order. */
  const watchDownloads = (page: Page) => {
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (/\/api\/admin\/mood\/report\.(xlsx|csv)\?/.test(response.url())) statuses.push(response.status());
    });
    return statuses;
  };

  /**
   * Clicks a download button and returns the saved file's name and first bytes; with `screenshot`, the report is not
   * kept yet and the button is looked at while it prepares.
   */
  async function download(page: Page, button: ReturnType<Page['locator']>, screenshot: string | null): Promise<{ name: string; head: string }> {
    const saved = page.waitForEvent('download', { timeout: 60_000 });
    await button.click();
    if (screenshot) {
      // Disabled while preparing: a second click cannot start a second download.
      await page.locator('.mood-download-button[aria-busy=true]:disabled', { hasText: PREPARING }).waitFor();
      await saveScreenshot(page, SUITE, screenshot);
    }
    const file = await saved;
    const path = join(ARTIFACTS_DIR, 'downloads', SUITE, file.suggestedFilename());
    await file.saveAs(path);
    await page.locator('.mood-download-button[aria-busy=true]').waitFor({ state: 'detached' });
    return { name: file.suggestedFilename(), head: readFileSync(path).subarray(0, 7).toString() };
  }

  // Each width asks months and periods of its own, so that none is kept by the other's run.
  const monthIndex: Record<ViewportName, number> = { laptop: 2, phone: 3 };
  // Periods whose trend is by week: the report's (by month) is then another view, not kept yet.
  const periods: Record<ViewportName, string> = { laptop: '90d', phone: 'prev_month' };

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`the reports page prepares a custom month's XLSX, then saves it; a failure offers "Thử lại" (${viewport})`, async () => {
      const { page, problems } = await signedInPage(browser, { baseUrl: t.baseUrl, email: EMAIL, password: PASSWORD, viewport });
      const statuses = watchDownloads(page);
      await page.goto(`${t.baseUrl}/admin/reports`);
      await page.click('.mood-live-reports > summary');
      const select = page.locator('.mood-live-reports .report-period select');
      const month = await select.locator('option').nth(monthIndex[viewport]).getAttribute('value');
      await select.selectOption(month!);
      const xlsx = page.locator('.mood-live-reports .ui-card-actions button', { hasText: 'Tải Excel (XLSX)' });
      await xlsx.waitFor({ timeout: 60_000 });
      const file = await download(page, xlsx, `1-report-preparing-${viewport}`);
      expect(file.name).toMatch(new RegExp(`^bao-cao-TLD-${month!.slice(0, 7)}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      expect(file.head.slice(0, 2)).toBe('PK');
      expect(statuses[0]).toBe(202);
      expect(statuses.at(-1)).toBe(200);

      // A computation that failed: the usual error card with "Thử lại", which tries again.
      await page.route('**/api/admin/mood/report.csv?**', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', headers: { 'retry-after': '300' }, body: JSON.stringify({ status: 'failed', code: 'COMPUTATION_FAILED', retryAfterMs: 300_000 }) }),
      );
      await page.locator('.mood-live-reports .ui-card-actions button', { hasText: 'Tải CSV' }).click();
      const error = page.locator('.mood-download-error .ui-error');
      await error.waitFor();
      await saveScreenshot(page, SUITE, `2-report-failed-${viewport}`);
      await page.unroute('**/api/admin/mood/report.csv?**');
      // The CSV is the same view as the XLSX, kept by now: saved at once.
      const csv = await download(page, error.getByRole('button', { name: 'Thử lại' }), null);
      expect(csv.name).toMatch(/^bao-cao-TLD-.*\.csv$/);
      expect(csv.head).toBe('\ufeffunit');
      expect(await error.count()).toBe(0);
      if (viewport === 'phone') expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);

    it(`the dashboard exports its view and its examples panel says it is computing (${viewport})`, async () => {
      const { page, problems } = await signedInPage(browser, { baseUrl: t.baseUrl, email: EMAIL, password: PASSWORD, viewport });
      const statuses = watchDownloads(page);
      await page.goto(`${t.baseUrl}/admin/dashboard?period=${periods[viewport]}`);
      const xlsx = page.locator('.mood-export button', { hasText: 'Tải Excel (XLSX)' });
      await xlsx.waitFor({ timeout: 60_000 });
      const file = await download(page, xlsx, `4-dashboard-preparing-${viewport}`);
      expect(file.name).toMatch(/^bao-cao-TLD-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(statuses[0]).toBe(202);
      expect(statuses.at(-1)).toBe(200);

      // The examples ask the view on screen, kept already; the first answer is made "computing" here to look at the
      // panel in that state, the next ones reach the server, which answers at once.
      let held = false;
      await page.route('**/api/admin/mood/examples?**', async (route) => {
        if (held) return route.continue();
        held = true;
        return route.fulfill({ status: 202, contentType: 'application/json', headers: { 'retry-after': '1' }, body: JSON.stringify({ status: 'computing', retryAfterMs: 1000 }) });
      });
      await page.locator('.mood-examples-toggle').first().click();
      await page.locator('.mood-concern-examples .mood-computing', { hasText: 'Đang tính số liệu cho kỳ này' }).waitFor();
      await page.locator('.mood-concern-examples').first().screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', SUITE, `5-examples-computing-${viewport}.png`) });
      await page.locator('.mood-concern-examples :is(.mood-examples, .mood-note)').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.mood-concern-examples .mood-computing').count()).toBe(0);
      await saveScreenshot(page, SUITE, `6-dashboard-examples-${viewport}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
