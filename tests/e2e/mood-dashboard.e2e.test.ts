import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runEarlyWarning } from '../../bots/mood/early-warning.js';
import { previousMonth } from '../../bots/mood/monthly-reports.js';
import { ARTIFACTS_DIR, launchBrowser, saveScreenshot, VIEWPORTS, type ViewportName } from '../support/browser.js';
import { startDemoDashboard } from '../support/demo-dashboard.js';
import type { TestPlatform } from '../support/test-platform.js';

const PASSWORD = 'mat-khau-lanh-dao-1';
const SUITE = 'mood-dashboard';

describe('mood dashboard in Chromium (embedded backend, generated organisation)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    const started = await startDemoDashboard({ members: 6000, messages: 48_000, seed: 5, days: 120, spikes: 2 }, { email: 'lanhdao@congdoan.vn', password: PASSWORD });
    t = started.t;
    const { demo, today } = started;
    // The early-warning job on the weeks of the planted surges.
    for (const spike of demo.spikes) await runEarlyWarning({ db: t.database.db, alerts: t.platform.repositories.moodAlerts, k: 5 }, spike.to, new Date());
    // Last month's hand-offs in a few grassroots unions (waits of 5 minutes to 3 hours, one in six overdue, a few
    // still waiting), as the inbox's triggers record them.
    const month = previousMonth(today);
    await t.database.db.execute(sql`
      insert into handoffs (unit_id, handed_off_at, claimed_at, overdue, ended_at)
      select u.id, ${month}::timestamptz + (g * interval '7 hours'),
             case when g % 9 <> 0 then ${month}::timestamptz + (g * interval '7 hours') + ((5 + (g * 37) % 180) * interval '1 minute') end,
             g % 6 = 0, case when g % 9 <> 0 then ${month}::timestamptz + (g * interval '7 hours') + interval '1 day' end
      from generate_series(1, 90) g
      join lateral (select id from units where level = 'grassroots' order by code offset (g % 12) limit 1) u on true`);
    // Last month's stored reports, as the job of the 1st makes them.
    await t.platform.monthlyReports.generate(previousMonth(today));
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function logIn(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/admin/`);
    await page.fill('input[name=email]', 'lanhdao@congdoan.vn');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.mood-stats');
  }

  /** At 390 px: nothing wider than the screen, and every control a finger can hit (40 px; they were 16 to 32 px). */
  async function expectPhoneFriendly(page: Page): Promise<void> {
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    const small = await page
      .locator(['button', 'a', 'select'].map((tag) => `.mood-dashboard ${tag}:visible`).join(', '))
      .evaluateAll((controls) => controls.map((c) => ({ what: `${c.className}: ${c.textContent?.trim().slice(0, 30)}`, height: c.getBoundingClientRect().height })).filter((c) => c.height < 39.5));
    expect(small).toEqual([]);
  }

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('a leader drills from national to a grassroots level and sees hidden cells as such (%s)', async (viewport) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'vi-VN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await logIn(page);
    expect(await page.locator('main h1').first().textContent()).toContain('Tổng quan');
    await page.waitForSelector('.mood-chart svg');
    await saveScreenshot(page, SUITE, `1-national-${viewport}`);
    // The heat map marks its hidden cells "ẩn", and its shown cells take different colours for different shares (it
    // once coloured every cell by the hidden flag, so all looked the same pale green).
    const heatmap = page.locator('.mood-chart-scroll svg');
    await expect(heatmap.locator('text', { hasText: /^ẩn$/ }).count()).resolves.toBeGreaterThan(0);
    const shareColours = await heatmap.evaluate((svg) => {
      const cells = [...svg.querySelectorAll('path')]
        .filter((path) => !(path.getAttribute('fill') ?? 'url(').startsWith('url('))
        .map((path) => ({ box: path.getBoundingClientRect(), fill: path.getAttribute('fill') ?? '' }));
      const fills = new Set<string>();
      for (const label of svg.querySelectorAll('text')) {
        if (!/^\d+$/.test(label.textContent?.trim() ?? '')) continue;
        const box = label.getBoundingClientRect();
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        const cell = cells.find((c) => c.box.width > 10 && c.box.width < 200 && x >= c.box.left && x <= c.box.right && y >= c.box.top && y <= c.box.bottom);
        if (cell) fills.add(cell.fill);
      }
      return [...fills];
    });
    expect(shareColours.length).toBeGreaterThan(1);
    // Nothing of a chart is cut at its edge (the ring's shares stood outside it and were cut to "4…" on a phone), and
    // each topic's figure says what it counts, with its share of negative members also on a phone.
    const cutTexts = await page.locator('.mood-grid .mood-chart svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .filter((text) => {
            const box = text.getBoundingClientRect();
            // Out of the frame, or shortened by ECharts to fit it ("4...").
            const shortened = /(\.\.\.|…)$/.test(text.textContent ?? '');
            return box.width > 0 && (shortened || box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1);
          })
          .map((text) => text.textContent);
      }),
    );
    expect(cutTexts).toEqual([]);
    await page.locator('.mood-grid .mood-chart svg text', { hasText: /Tiêu cực \d+(,\d)? %/ }).first().waitFor();
    const concern = page.locator('.mood-concerns > li').first();
    expect(await concern.locator('.mood-concern-value').textContent()).toMatch(/^[\d.]+ đoàn viên$/);
    expect(await concern.locator('.mood-concern-neg').isVisible()).toBe(true);
    expect((await concern.locator('.mood-concern-value').boundingBox())!.height).toBeLessThan(30); // one line, not "253 đoàn / viên"
    if (viewport === 'phone') await expectPhoneFriendly(page);
    // The planted surges of the demo data were found by the early-warning job: listed with their evidence.
    if (viewport === 'laptop') {
      const alert = page.locator('.mood-alert').first();
      await alert.waitFor();
      expect(await alert.locator('.mood-alert-evidence').textContent()).toContain('đoàn viên phản ánh, mức thường ngày');
      await alert.locator('button', { hasText: 'Ghi chú, lịch sử' }).click();
      await page.locator('.mood-alert-history li').first().waitFor();
      await page.locator('.mood-alerts').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', SUITE, '1a-alerts-laptop.png') });
      await alert.locator('button', { hasText: 'Đã xem' }).click();
      await alert.locator('.ui-badge', { hasText: 'Đã xem' }).first().waitFor();
    }
    // A leader opens a few members' words behind the top concern: masked, no names.
    await page.locator('.mood-examples-toggle').first().click();
    await page.locator('.mood-example').first().waitFor();
    expect(await page.locator('.mood-example-note').textContent()).toContain('Thông tin cá nhân đã được che');
    await page.locator('.mood-concerns').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', SUITE, `1b-examples-${viewport}.png`) });

    // The leader lists the units by how much their concerns grew against the previous period (D-dashboard-4): the
    // choice is kept in the address, the heat map says which units it shows, and the table shows each unit's change.
    // On a phone the filters fold behind one button (D-dashboard-6).
    if (viewport === 'phone') await page.click('.mood-filters-toggle');
    await page.getByLabel('Xếp đơn vị theo').selectOption('growth');
    await page.waitForURL(/order=growth/);
    await page.locator('.ui-card h2, .ui-card h3', { hasText: 'tăng nhiều nhất' }).first().waitFor();
    await saveScreenshot(page, SUITE, `1c-by-growth-${viewport}`);
    const changes = await page.locator('.mood-change').allTextContents();
    expect(changes.some((text) => /[▲▼]|mới|=/.test(text))).toBe(true);

    // Level 2: a provincial federation or sector union.
    const province = page.locator('a.mood-drill').first();
    const provinceName = (await province.textContent())?.trim() ?? '';
    await province.click();
    await page.waitForSelector(`.mood-breadcrumb strong:has-text("${provinceName}")`);
    await saveScreenshot(page, SUITE, `2-province-${viewport}`);

    // Level 3: an upper-grassroots union, whose children are grassroots unions, many below k.
    const upper = page.locator('a.mood-drill').first();
    const upperName = (await upper.textContent())?.trim() ?? '';
    await upper.click();
    await page.waitForSelector(`.mood-breadcrumb strong:has-text("${upperName}")`);
    expect(await page.locator('.mood-breadcrumb a').count()).toBe(2);
    const hidden = page.locator('.mood-hidden').first();
    await hidden.waitFor();
    expect((await hidden.textContent())?.replace(/\s+/g, ' ')).toContain('< 5');
    expect(await hidden.getAttribute('title')).toContain('ẩn để bảo vệ danh tính');
    // A phone shows no hover title: the table says in words what "< 5" means.
    expect(await page.locator('.mood-hidden-legend').first().textContent()).toContain('dưới 5 đoàn viên phản ánh, số liệu được ẩn để bảo vệ danh tính');
    // The heat map's grassroots unions, whose names differ only at the end, keep different labels (cut at the end,
    // they all read "CĐCS Công ty TNHH …").
    const unitLabels = await page.locator('.mood-chart-scroll svg text[text-anchor=end]').allTextContents();
    expect(unitLabels.length).toBeGreaterThan(1);
    expect(unitLabels.filter((label, i) => unitLabels.indexOf(label) !== i)).toEqual([]);
    if (viewport === 'phone') await expectPhoneFriendly(page);
    await saveScreenshot(page, SUITE, `3-upper-grassroots-${viewport}`);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('a leader downloads the month’s report as XLSX and CSV', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`${t.baseUrl}/admin/reports`);
    await page.waitForSelector('text=Báo cáo tự động');
    await page.click('.mood-live-reports > summary');
    await page.waitForSelector('text=Tải Excel (XLSX)');
    await page.locator('.report-handoffs').waitFor();
    expect(await page.locator('.report-handoffs .mood-stat-label').allTextContents()).toEqual(['Yêu cầu gặp cán bộ', 'Cán bộ đã nhận', 'Thời gian chờ nhận (trung vị)', 'Quá hạn chưa nhận']);
    await saveScreenshot(page, SUITE, '4-reports-laptop');
    // The printout: the report alone, without menus or buttons, and every unit below it (it printed the first ten,
    // with the search box, the page buttons and a column of download links).
    const units = page.locator('.mood-live-reports .ui-paged').last();
    const unitTotal = Number((await units.locator('.ui-pager-count').textContent())?.match(/trên (\d+) đơn vị$/)?.[1]);
    expect(unitTotal).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'print' });
    await units.locator('.ui-table tbody tr').nth(unitTotal - 1).waitFor();
    await saveScreenshot(page, SUITE, '4a-reports-print');
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await units.locator('.ui-table tbody tr').count()).toBe(unitTotal);
    for (const gone of ['.ui-pager', 'input[type=search]', 'th:has-text("Tải về")']) expect(await units.locator(gone).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // The stored copy of the national report, as generated on the 1st.
    const [stored] = await Promise.all([page.waitForEvent('download'), page.locator('.mood-downloads a', { hasText: 'XLSX' }).first().click()]);
    expect(stored.suggestedFilename()).toMatch(/^bao-cao-thang-TLD-\d{4}-\d{2}\.xlsx$/);
    for (const [label, magic] of [['Tải Excel (XLSX)', 'PK'], ['Tải CSV', '\ufeffunit']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`text=${label}`)]);
      const path = join(ARTIFACTS_DIR, 'downloads', download.suggestedFilename());
      await download.saveAs(path);
      expect(readFileSync(path).subarray(0, magic === 'PK' ? 2 : 7).toString()).toBe(magic === 'PK' ? 'PK' : '\ufeffunit');
    }
    await context.close();
  }, 120_000);

  it('the reports page on a phone', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`${t.baseUrl}/admin/reports`);
    await page.waitForSelector('text=Báo cáo tự động');
    await saveScreenshot(page, SUITE, '4-reports-phone');
    await page.click('.mood-live-reports > summary');
    await page.locator('.report-handoffs').waitFor();
    await page.locator('.mood-live-reports').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', SUITE, '4b-reports-live-phone.png') });
    // The period picker stands clear of the screen's edges and of the report card under it (it sat flush against both).
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const picker = await box('.mood-live-reports .report-period');
    const label = await box('.mood-live-reports .report-period > span');
    const select = await box('.mood-live-reports .report-period select');
    const card = await box('.mood-live-reports .ui-card');
    expect(picker.x).toBeGreaterThanOrEqual(12);
    expect(label.x).toBeGreaterThanOrEqual(24);
    expect(select.x).toBeGreaterThanOrEqual(24);
    expect(select.x + select.width).toBeLessThanOrEqual(VIEWPORTS.phone.width - 24);
    expect(card.y - (picker.y + picker.height)).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    // Every control of the report a finger can hit: 40 px (the download links were 16 px, the buttons 32–39 px).
    const small = await page
      .locator(['button', 'a', 'select', 'summary'].map((tag) => `.mood-live-reports ${tag}:visible`).join(', '))
      .evaluateAll((controls) => controls.map((c) => ({ what: `${c.className}: ${c.textContent?.trim().slice(0, 30)}`, height: c.getBoundingClientRect().height })).filter((c) => c.height < 39.5));
    expect(small).toEqual([]);

    // The units below, on a phone: the ten most in need of attention first (highest negative share), hidden figures
    // still hidden and after the shown ones, the rest a page or a search away; it was every unit, ~12,000 px (D-dashboard-2).
    const units = page.locator('.mood-live-reports .ui-paged').last();
    expect(await units.locator('.ui-table tbody tr').count()).toBe(10);
    const total = Number((await units.locator('.ui-pager-count').textContent())?.match(/^1–10 trên (\d+) đơn vị$/)?.[1]);
    expect(total).toBeGreaterThan(10);
    const shares = await units.locator('td[data-label="Tỷ lệ tiêu cực"]').allTextContents();
    const shown = shares.filter((text) => /%/.test(text)).map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(shares.slice(0, shown.length).every((text) => /%/.test(text))).toBe(true);
    expect(shares.slice(shown.length).every((text) => text.includes('< 5') || text === '—')).toBe(true);
    await units.locator('.ui-pager button', { hasText: 'Xem tiếp' }).click();
    await units.locator('.ui-pager-count', { hasText: `11–${Math.min(20, total)} trên ${total} đơn vị` }).waitFor();
    const farName = (await units.locator('td[data-label="Đơn vị"]').first().textContent())!.trim();
    await units.locator('input[type=search]').fill(farName);
    await units.locator('td[data-label="Đơn vị"]', { hasText: farName }).first().waitFor();
    expect(await units.locator('td[data-label="Đơn vị"]').first().textContent()).toBe(farName);
    await units.locator('input[type=search]').fill('');
    await saveScreenshot(page, SUITE, '4c-reports-live-units-phone');
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(7000);

    // The units settings page of the generated organisation (~200 units): 25 a page, a search over all of them; it
    // was up to 300 cards, ~20,000 px (D-dashboard-2).
    await page.goto(`${t.baseUrl}/admin/settings/units`);
    const pager = page.locator('.ui-pager-count');
    await pager.waitFor();
    const unitCount = Number((await pager.textContent())?.match(/^1–25 trên (\d+) đơn vị$/)?.[1]);
    expect(unitCount).toBeGreaterThan(150);
    expect(await page.locator('.ui-table tbody tr').count()).toBe(25);
    await saveScreenshot(page, SUITE, '5-units-phone');
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(4000);
    await page.locator('.ui-pager button', { hasText: 'Xem tiếp' }).click();
    await page.locator('.ui-pager-count', { hasText: `26–50 trên ${unitCount} đơn vị` }).waitFor();
    const code = (await page.locator('.unit-code').first().textContent())!.trim();
    await page.locator('input[type=search]').fill(code.toLowerCase());
    await page.locator('.ui-table tbody tr').first().locator('.unit-code', { hasText: code }).waitFor();
    expect(await page.locator('.ui-pager').count()).toBe(0);
    await context.close();
  }, 120_000);
});
