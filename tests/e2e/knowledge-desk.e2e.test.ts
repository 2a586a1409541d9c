import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../bots/auth/password.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { loadKnowledge } from '../../bots/knowledge/load-knowledge.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { PROJECT_ROOT } from '../../bots/project-root.js';
import { testBackends } from '../support/backends.js';
import { launchBrowser } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/** Screenshots for people to look at (git-ignored): laptop and phone width, every state of the desk. */
const ARTIFACTS = join(PROJECT_ROOT, 'tests/artifacts/knowledge-desk');
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const UNSURE = 'căng tin có bán cơm tấm buổi tối không ạ';
const ANSWER = 'Có. Căng tin mở đến 21 giờ và bán cơm tấm buổi tối cho công nhân ca chiều, giá 20.000 đồng một suất.';

// Every other text is unsure (the scripted classifier's confidence 0.1): the member's question lands in the queue.
const classifier = createScriptedClassifier({ 'xin chào': { route: 'smalltalk' } });

describe('knowledge desk in Chromium (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestPlatform(testBackends()[0]!, {
      classifier,
      knowledge: async ({ env, database, logger }) => {
        await seedKnowledgeIfEmpty({ env, database, logger });
        return loadKnowledge({ env, database, logger });
      },
    });
    const { units, users } = t.platform.repositories;
    await units.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'DTTL', name: 'CĐCS Điện tử Thăng Long', level: 'grassroots' },
    ]);
    const dttl = await units.findByCode('DTTL');
    const tld = await units.findByCode('TLD');
    await users.create({ email: 'chutich@dttl.vn', passwordHash: await hashPassword('mat-khau-dung-1'), role: 'leader', unitId: dttl!.id, displayName: 'Chủ tịch CĐCS' });
    await users.create({ email: 'quantri@tld.vn', passwordHash: await hashPassword('mat-khau-dung-2'), role: 'admin', unitId: tld!.id, displayName: 'Quản trị viên' });
    browser = await launchBrowser();
    // Seeding the law corpus and starting Chromium take a while on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function memberAsks(page: Page, text: string): Promise<void> {
    const before = await page.locator('.bubble.bot').count();
    await page.fill('textarea', text);
    await page.press('textarea', 'Enter');
    await page.locator('.bubble.bot').nth(before).waitFor({ timeout: 20_000 });
  }

  async function login(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${t.baseUrl}/admin/`);
    await page.waitForURL('**/admin/login');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app');
  }

  it('turns an unsure question into a new FAQ entry and the bot answers it in web chat', async () => {
    const errors: string[] = [];
    const member = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    member.on('pageerror', (error) => errors.push(error.message));
    await member.goto(`${t.baseUrl}/chat?unit=DTTL`);
    await memberAsks(member, UNSURE);
    expect(await member.locator('.bubble.bot').last().textContent()).not.toContain('cơm tấm');

    const officer = await browser.newPage({ viewport: LAPTOP, locale: 'vi-VN' });
    officer.on('pageerror', (error) => errors.push(error.message));
    await login(officer, 'chutich@dttl.vn', 'mat-khau-dung-1');
    await officer.click('.sidebar-nav a >> text=Hỏi đáp & pháp luật');
    await officer.waitForURL('**/admin/knowledge');
    const card = officer.locator('.learning-card', { hasText: UNSURE });
    await card.waitFor();
    await officer.screenshot({ path: join(ARTIFACTS, 'learning-queue-laptop.png'), fullPage: true });

    await card.getByRole('button', { name: 'Tạo câu hỏi mới' }).click();
    const editor = officer.locator('.sheet');
    await editor.waitFor();
    expect(await editor.locator('[name=question]').inputValue()).toBe(UNSURE);
    await editor.locator('[name=topic]').selectOption('living_conditions');
    await editor.locator('[name=answer]').fill(ANSWER);
    await editor.getByLabel('Tìm điều luật').fill('bữa ăn giữa ca');
    const add = editor.locator('.law-hits button', { hasText: 'Thêm' }).first();
    await add.waitFor({ timeout: 15_000 });
    await add.click();
    await editor.locator('.chip').first().waitFor();
    await officer.screenshot({ path: join(ARTIFACTS, 'faq-editor-from-question-laptop.png') });
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await officer.locator('.ui-toast', { hasText: 'Đã tạo câu hỏi' }).waitFor();
    await officer.locator('.learning-card', { hasText: UNSURE }).waitFor({ state: 'detached' });
    await officer.screenshot({ path: join(ARTIFACTS, 'learning-queue-empty-laptop.png'), fullPage: true });

    // The same member asks again: the bot answers from the new entry at once.
    await memberAsks(member, UNSURE);
    await member.locator('.bubble.bot', { hasText: 'cơm tấm buổi tối' }).waitFor({ timeout: 20_000 });
    await member.screenshot({ path: join(ARTIFACTS, 'web-chat-answered-phone.png') });

    // The entry belongs to the leader's grassroots union and shows in the FAQ list.
    await officer.click('.ui-tabs >> text=Câu hỏi thường gặp');
    await officer.waitForURL('**/admin/knowledge?tab=faq');
    await officer.fill('input[aria-label="Tìm câu hỏi"]', 'com tam');
    await officer.locator('p.muted.small', { hasText: 'khớp nhất ở trên cùng' }).waitFor();
    await officer.locator('.faq-row', { hasText: UNSURE }).waitFor();
    // Ranked: the entry whose question holds the phrase comes first.
    expect(await officer.locator('.faq-row').first().textContent()).toContain(UNSURE);
    expect(await officer.locator('.faq-row', { hasText: UNSURE }).textContent()).toContain('CĐCS Điện tử Thăng Long');
    await officer.screenshot({ path: join(ARTIFACTS, 'faq-list-laptop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await member.close();
    await officer.close();
  });

  it('is usable at phone width, with designed loading, empty and error states, and an audit screen for admins', async () => {
    const phone = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    const errors: string[] = [];
    phone.on('pageerror', (error) => errors.push(error.message));
    await login(phone, 'quantri@tld.vn', 'mat-khau-dung-2');

    // Loading: hold the queue's answer until the screenshot is taken.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await phone.route('**/api/admin/learning-queue?status=open', async (route) => {
      await held;
      await route.continue();
    });
    await phone.goto(`${t.baseUrl}/admin/knowledge`);
    await phone.locator('.ui-loading').first().waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, 'learning-queue-loading-phone.png') });
    release();
    await phone.locator('.ui-empty').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, 'learning-queue-empty-phone.png') });
    await phone.unroute('**/api/admin/learning-queue?status=open');

    await phone.click('.ui-tabs >> text=Câu hỏi thường gặp');
    await phone.locator('.faq-row').first().waitFor();
    const wide = await phone.evaluate(`[...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((el) => el.tagName + '.' + el.className)`);
    expect(wide).toEqual([]);
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-list-phone.png') });
    // A short search typed without diacritics on a phone: the question's phrase leads the list.
    await phone.fill('input[aria-label="Tìm câu hỏi"]', 'tang ca');
    await phone.locator('p.muted.small', { hasText: 'khớp nhất ở trên cùng' }).waitFor();
    expect((await phone.locator('.faq-row .faq-q').first().textContent())?.toLowerCase()).toContain('tăng ca');
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-search-phone.png') });
    await phone.setViewportSize(LAPTOP);
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-search-laptop.png') });
    await phone.setViewportSize(PHONE);
    // Typed as said in the North ("chợ cấp" for "trợ cấp"): the list says it is a guess and shows the near matches.
    await phone.fill('input[aria-label="Tìm câu hỏi"]', 'chợ cấp thôi việc');
    await phone.locator('p.muted.small', { hasText: 'gần giống' }).waitFor();
    expect((await phone.locator('.faq-row .faq-q').first().textContent())?.toLowerCase()).toContain('trợ cấp');
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-search-spelling-phone.png') });
    await phone.fill('input[aria-label="Tìm câu hỏi"]', '');
    await phone.locator('p.muted.small', { hasText: 'khớp nhất' }).waitFor({ state: 'detached' });
    await phone.locator('.faq-row').first().click();
    await phone.locator('.sheet .answer-box').waitFor();
    await phone.locator('.history li').first().waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-detail-phone.png') });
    await phone.click('.sheet button:has-text("Sửa")');
    await phone.locator('form.sheet').waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, 'faq-editor-phone.png') });
    await phone.click('form.sheet button:has-text("Huỷ")');

    // Error: the server fails once.
    await phone.route('**/api/admin/faq/proposals?status=rejected', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'down' } }) }));
    await phone.click('.ui-tabs >> text=Đề xuất');
    await phone.locator('.ui-empty').waitFor();
    await phone.click('.segmented >> text=Không duyệt');
    await phone.locator('.ui-error').waitFor({ timeout: 45_000 });
    await phone.screenshot({ path: join(ARTIFACTS, 'proposals-error-phone.png') });
    await phone.unroute('**/api/admin/faq/proposals?status=rejected');

    await phone.goto(`${t.baseUrl}/admin/settings`);
    await phone.click('.ui-tabs >> text=Nhật ký hệ thống');
    await phone.waitForURL('**/admin/settings/audit');
    await phone.locator('.audit-table tbody tr').first().waitFor();
    expect(await phone.locator('.audit-table').textContent()).toContain('faq_create');
    await phone.screenshot({ path: join(ARTIFACTS, 'audit-phone.png') });
    await phone.setViewportSize(LAPTOP);
    await phone.screenshot({ path: join(ARTIFACTS, 'audit-laptop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await phone.close();
  });
});
