import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { testBackends } from '../support/backends.js';
import { ARTIFACTS_DIR, launchBrowser, saveScreenshot, signedInPage, type ViewportName } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createStaffAccounts, HANOI_BRANCH } from '../support/staff-accounts.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Early-warning alerts reach the officers where they work (issue #10 item 5): new alerts of the officer's units are
 * counted on the navigation's Tổng quan entry (sidebar on a laptop, bottom bar on a phone) and announced in the
 * inbox with a link to them; acknowledging, noting and resolving from the dashboard clears the marks, and the
 * alert's history keeps every step. Another province's officer sees nothing.
 */
const SUITE = 'alerts-badge';
const PASSWORD = 'mat-khau-canh-bao-1';
const DAY_MS = 86_400_000;
const WIDEST = `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.ui-tabs')).map((el) => el.tagName + '.' + el.className).slice(0, 5)`;

describe('alerts badge and inbox notice in Chromium (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;
  const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10);
  const createAlert = async (unitCode: string, topic: string) => {
    const unit = await t.platform.repositories.units.findByCode(unitCode);
    return t.platform.repositories.moodAlerts.create({ unitId: unit!.id, topic, windowStart: day(-8), windowEnd: day(-2), observed: 14, baseline: 2.5, score: 0.0001, evidence: { weeks: 8 } }, new Date());
  };

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    t = await startTestPlatform(testBackends()[0]!, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge() });
    await t.platform.repositories.units.upsertUnits([...HANOI_BRANCH, { parentCode: 'TLD', code: 'HCM', name: 'LĐLĐ TP Hồ Chí Minh', level: 'province_or_sector' }]);
    await createStaffAccounts(t, PASSWORD, [
      { email: 'canbo@kcn.vn', unitCode: 'HN-KCN', role: 'officer', displayName: 'Cán bộ HN-KCN' },
      { email: 'canbo@hcm.vn', unitCode: 'HCM', role: 'officer', displayName: 'Cán bộ HCM' },
    ]);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (email: string, viewport: ViewportName) => signedInPage(browser, { baseUrl: t.baseUrl, email, password: PASSWORD, viewport });

  it.each(['laptop', 'phone'] as const)('an officer sees the new alert marked in the navigation and the inbox, and clears it by acting on it (%s)', async (viewport) => {
    const alertId = await createAlert('DTTL', viewport === 'laptop' ? 'wage_arrears' : 'safety');
    const { page, problems } = await signedIn('canbo@kcn.vn', viewport);
    const nav = viewport === 'laptop' ? '.sidebar' : '.bottom-nav';
    // Officers land on the inbox: the count is on Tổng quan, the notice above the conversations.
    await page.waitForSelector('.inbox-alerts');
    expect(await page.locator('.inbox-alerts').textContent()).toContain('1 cảnh báo sớm mới');
    const badge = page.locator(`${nav} a[href$="/dashboard"] .nav-count`);
    expect(await badge.textContent()).toBe('1');
    expect(await badge.getAttribute('aria-label')).toBe('1 cảnh báo sớm mới');
    await saveScreenshot(page, SUITE, `1-inbox-${viewport}`);
    expect(await page.evaluate(WIDEST)).toEqual([]);

    // One tap to the alerts, with their evidence.
    await page.click('.inbox-alerts a >> text=Xem cảnh báo');
    await page.waitForURL(/\/admin\/dashboard#canh-bao$/);
    const alert = page.locator('.mood-alert').first();
    await alert.waitFor();
    expect(await alert.locator('.mood-alert-evidence').textContent()).toContain('14 đoàn viên phản ánh');
    await saveScreenshot(page, SUITE, `2-dashboard-${viewport}`);

    // Seen: no longer new, so the marks go; a note and then resolved, each kept in the history.
    await alert.locator('button >> text=Đã xem').click();
    await badge.waitFor({ state: 'detached' });
    await alert.locator('button >> text=Ghi chú, lịch sử').click();
    await alert.locator('textarea').fill('Đã gọi cho chủ tịch CĐCS, công ty hẹn trả lương trước ngày 15.');
    await alert.locator('button >> text=Lưu ghi chú').click();
    await alert.locator('.mood-alert-note >> text=hẹn trả lương').waitFor();
    await alert.locator('.mood-alert-history li >> text=Ghi chú').waitFor();
    await page.locator('.mood-alerts').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', SUITE, `3-history-${viewport}.png`) });
    await alert.locator('button >> text=Đã xử lý').click();
    await page.locator('.mood-alert').first().waitFor({ state: 'detached' });
    const events = await executeRows<{ action: string }>(t.database.db, sql`select action from mood_alert_events where alert_id = ${alertId} order by at, id`);
    expect(events.map((event) => event.action)).toEqual(['created', 'acknowledge', 'annotate', 'resolve']);

    // Back in the inbox: nothing new, no notice.
    await page.click(`${nav} a[href$="/inbox"]`);
    await page.waitForSelector('.inbox .ui-tabs');
    expect(await page.locator('.inbox-alerts').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows nothing to an officer of another province', async () => {
    await createAlert('DTTL', 'harassment');
    const { page, problems } = await signedIn('canbo@hcm.vn', 'laptop');
    // The page's own count, in the officer's session: nothing in their subtree.
    expect(await page.evaluate(() => fetch('/api/admin/mood/alerts/count').then((response) => response.json()))).toEqual({ open: 0, active: 0 });
    await page.waitForSelector('.inbox .ui-tabs');
    expect(await page.locator('.nav-count').count()).toBe(0);
    expect(await page.locator('.inbox-alerts').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
