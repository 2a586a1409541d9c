import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../core/contracts/admin-api.js';
import { hashPassword } from '../../bots/auth/password.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { testBackends } from '../support/backends.js';
import { launchBrowser, saveScreenshot, VIEWPORTS, type ViewportName } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'xin chào': { route: 'smalltalk' },
  'lương tối thiểu vùng 1': { route: 'question', topic: 'wages' },
});

const PASSWORD = 'mat-khau-dung-1';
const ACCOUNTS: { email: string; role: Role; unit: string; name: string }[] = [
  { email: 'canbo@example.vn', role: 'officer', unit: 'HN', name: 'Cán bộ Hà Nội' },
  { email: 'lanhdao@example.vn', role: 'leader', unit: 'HN', name: 'Nguyễn Thị Lãnh Đạo' },
];
const SUITE = 'admin-shell';

describe('web UI in Chromium (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    // The UI is built by `npm install` (prepare) and by `npm start`; the suite needs that build.
    expect(existsSync(join(UI_DIST, 'chat.html'))).toBe(true);
    t = await startTestPlatform(testBackends()[0]!, { classifier, knowledge: createEchoKnowledge() });
    const { units, users } = t.platform.repositories;
    await units.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'DTTL', name: 'CĐCS Điện tử Thăng Long', level: 'grassroots' },
    ]);
    for (const account of ACCOUNTS) {
      const unit = await units.findByCode(account.unit);
      await users.create({ email: account.email, passwordHash: await hashPassword(PASSWORD), role: account.role, unitId: unit!.id, displayName: account.name });
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page that records what went wrong in it: uncaught errors and console errors (not the 401s of a login check). */
  async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    return { page, problems };
  }

  async function logIn(page: Page, email: string): Promise<void> {
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app');
  }

  async function heading(page: Page): Promise<string> {
    return (await page.locator('main h1').first().textContent())?.trim() ?? '';
  }

  /** Clicks a section in the navigation the viewport shows: the sidebar on a laptop, the bottom bar on a phone. */
  async function openSection(page: Page, viewport: ViewportName, label: string): Promise<void> {
    const nav = viewport === 'phone' ? '.bottom-nav' : '.sidebar-nav';
    await page.click(`${nav} a >> text=${label}`);
  }

  it('lets a member chat and shows the answer with its buttons', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.baseUrl}/chat?unit=DTTL`);
    await page.fill('textarea', 'xin chào');
    await page.click('button[type=submit]');
    await page.waitForSelector('.bubble.bot >> text=Chào bạn', { timeout: 15_000 });
    await page.fill('textarea', 'zzz không rõ');
    await page.press('textarea', 'Enter');
    await page.waitForSelector('.choice >> text=Gặp cán bộ', { timeout: 15_000 });
    await page.click('.choice >> text=Gặp cán bộ');
    await page.waitForSelector('.bubble.bot >> text=chuyển cuộc trò chuyện tới cán bộ', { timeout: 15_000 });
    expect(errors).toEqual([]);
    // The member was attributed to the grassroots union of the link.
    const member = await t.database.db.query.members.findFirst();
    const unit = await t.platform.repositories.units.findByCode('DTTL');
    expect(member?.unitId).toBe(unit?.id);
    await page.close();
  });

  it('never leaves the member with endless typing dots while an officer is awaited, and takes them back to the bot', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.baseUrl}/chat?unit=DTTL`);
    await page.fill('textarea', 'zzz không rõ');
    await page.press('textarea', 'Enter');
    await page.click('.choice >> text=Gặp cán bộ', { timeout: 15_000 });
    await page.waitForSelector('.chat-officer-bar', { timeout: 15_000 });
    // Messages while waiting are stored; the bot does not answer each one, so no typing dots stay.
    await page.fill('textarea', 'em bổ sung: công ty nợ lương 2 tháng');
    await page.press('textarea', 'Enter');
    await page.waitForSelector('.bubble.member >> text=em bổ sung', { timeout: 15_000 });
    await page.waitForSelector('.typing', { state: 'detached', timeout: 10_000 });
    await saveScreenshot(page, SUITE, 'chat-waiting-officer-phone');
    await page.click('.chat-officer-bar .choice');
    await page.waitForSelector('.bubble.bot >> text=quay lại trò chuyện cùng bạn', { timeout: 15_000 });
    await page.waitForSelector('.chat-officer-bar', { state: 'detached', timeout: 10_000 });
    await page.fill('textarea', 'xin chào');
    await page.press('textarea', 'Enter');
    await page.waitForSelector('.bubble.bot >> text=Chào bạn', { timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a wrong password and then logs an officer in to their unit subtree', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${t.baseUrl}/admin/`);
    await page.waitForURL('**/admin/login');
    await page.fill('input[name=email]', 'canbo@example.vn');
    await page.fill('input[name=password]', 'sai-mat-khau');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert] >> text=không đúng');
    await saveScreenshot(page, SUITE, 'login-error-laptop');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL('**/admin/inbox');
    await openSection(page, 'laptop', 'Cài đặt');
    await page.waitForURL('**/admin/settings/units');
    await page.waitForSelector('.ui-table');
    const codes = await page.$$eval('.ui-table code', (cells) => cells.map((c) => c.textContent));
    expect(codes.sort()).toEqual(['DTTL', 'HN', 'HN-KCN']);
    await page.click('.user-menu-button');
    await page.click('text=Đăng xuất');
    await page.waitForSelector('input[name=email]');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves the app for deep links, and brings a signed-out visitor back to the link after logging in', async () => {
    for (const path of ['/admin/inbox/123', '/admin/settings/units', '/admin/khong-co-trang-nay']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect([path, response.status, response.headers.get('content-type')?.toLowerCase()]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(await response.text()).toContain('<div id="root">');
    }
    // API paths never fall through to the app.
    expect((await fetch(`${t.baseUrl}/api/admin/khong-co`)).status).toBe(404);

    const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${t.baseUrl}/admin/inbox/123`);
    await page.waitForURL('**/admin/login');
    await logIn(page, 'canbo@example.vn');
    await page.waitForURL('**/admin/inbox/123');
    expect(await heading(page)).toBe('Cuộc trò chuyện');
    // A reload of a deep link keeps the user where they were.
    await page.reload();
    await page.waitForSelector('main h1 >> text=Cuộc trò chuyện');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`shows every section of an officer's app at ${viewport} width`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport] });
      const { page, problems } = await watchedPage(context);
      await page.goto(`${t.baseUrl}/admin/`);
      await page.waitForSelector('.login-card');
      await saveScreenshot(page, SUITE, `login-${viewport}`);
      await logIn(page, 'canbo@example.vn');

      // The navigation that fits the screen, with the officer's sections only (no reports).
      const [sidebar, bottomNav] = [await page.isVisible('.sidebar'), await page.isVisible('.bottom-nav')];
      expect({ sidebar, bottomNav }).toEqual(viewport === 'phone' ? { sidebar: false, bottomNav: true } : { sidebar: true, bottomNav: false });
      const nav = viewport === 'phone' ? '.bottom-nav a' : '.sidebar-nav a';
      expect(await page.$$eval(nav, (links) => links.map((link) => link.getAttribute('href')))).toEqual([
        '/admin/inbox',
        '/admin/dashboard',
        '/admin/knowledge',
        '/admin/settings',
      ]);

      const visits: { label: string; url: string; title: string; shot: string }[] = [
        { label: 'Hộp thư', url: '**/admin/inbox', title: 'Hộp thư', shot: 'inbox' },
        { label: 'Tổng quan', url: '**/admin/dashboard', title: 'Tổng quan', shot: 'dashboard' },
        { label: viewport === 'phone' ? 'Hỏi đáp' : 'Hỏi đáp & pháp luật', url: '**/admin/knowledge', title: 'Hỏi đáp & pháp luật', shot: 'knowledge' },
        { label: 'Cài đặt', url: '**/admin/settings/units', title: 'Cài đặt', shot: 'settings-units' },
      ];
      for (const visit of visits) {
        await openSection(page, viewport, visit.label);
        await page.waitForURL(visit.url);
        // Pages load lazily: the previous page's card stays until the new one has rendered its heading.
        await page.waitForSelector(`main h1 >> text=${visit.title}`);
        await page.waitForSelector('main .ui-card');
        expect(await heading(page)).toBe(visit.title);
        expect(await page.title()).toBe(`${visit.title} — Trợ lý Công đoàn`);
        // Nothing sticks out sideways on a phone.
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await saveScreenshot(page, SUITE, `${visit.shot}-${viewport}`);
      }
      await page.waitForSelector('.ui-table');

      // Tabs and filters live in the URL.
      await openSection(page, viewport, 'Hộp thư');
      await page.click('.ui-tabs >> text=Của tôi');
      await page.waitForURL('**/admin/inbox?view=mine');
      await page.waitForSelector('.ui-empty >> text=Bạn chưa nhận cuộc trò chuyện nào');

      // Deep links to pages the menu does not show directly.
      await page.goto(`${t.baseUrl}/admin/inbox/123`);
      await page.waitForSelector('main h1 >> text=Cuộc trò chuyện');
      await saveScreenshot(page, SUITE, `conversation-${viewport}`);
      await page.goto(`${t.baseUrl}/admin/settings/account`);
      await page.waitForSelector('.account-facts >> text=canbo@example.vn');
      await saveScreenshot(page, SUITE, `settings-account-${viewport}`);
      // A section of another role, typed by hand: refused kindly (the API refuses the data anyway).
      await page.goto(`${t.baseUrl}/admin/reports`);
      await page.waitForSelector('.ui-empty >> text=không dành cho vai trò của bạn');
      await saveScreenshot(page, SUITE, `reports-refused-${viewport}`);
      await page.goto(`${t.baseUrl}/admin/khong-co-trang-nay`);
      await page.waitForSelector('.ui-empty >> text=Không tìm thấy trang này');
      await saveScreenshot(page, SUITE, `not-found-${viewport}`);

      // The user menu, then out.
      await page.click('.user-menu-button');
      await page.waitForSelector('.user-menu-panel >> text=LĐLĐ Hà Nội');
      await saveScreenshot(page, SUITE, `user-menu-${viewport}`);
      await page.click('.user-menu-panel >> text=Đăng xuất');
      await page.waitForURL('**/admin/login');
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('starts a leader on the dashboard, with the reports section', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${t.baseUrl}/admin/`);
    await logIn(page, 'lanhdao@example.vn');
    await page.waitForURL('**/admin/dashboard');
    await page.click('.sidebar-nav a >> text=Báo cáo');
    await page.waitForSelector('main h1 >> text=Báo cáo');
    await saveScreenshot(page, SUITE, 'reports-laptop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows designed loading, error and empty states, and sends the user to log in when the session ends', async () => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport] });
      const { page } = await watchedPage(context);
      await page.goto(`${t.baseUrl}/admin/login`);
      await logIn(page, 'canbo@example.vn');
      await page.waitForURL('**/admin/inbox');

      // Start from a freshly loaded dashboard: the inbox has already fetched the units (for its filter) and
      // refreshes itself in the background, so it would notice the ended session on its own.
      await page.goto(`${t.baseUrl}/admin/dashboard`);
      await page.waitForSelector('main h1 >> text=Tổng quan');
      // Its own requests done first: one still in flight when the cookie goes answers 401 and leaves for the login
      // page before the click below (seen in CI under load: the bottom bar was gone).
      await page.waitForFunction(`document.querySelector('[aria-busy="true"]') === null`);
      // The session ends (cookie gone, as after an expiry): the next API call answers 401 and the app goes to
      // the login page, then back to the page the user was opening.
      await context.clearCookies();
      await page.click(viewport === 'phone' ? '.bottom-nav a >> text=Cài đặt' : '.sidebar-nav a >> text=Cài đặt');
      await page.waitForURL('**/admin/login');
      await logIn(page, 'canbo@example.vn');
      await page.waitForURL('**/admin/settings/units');
      await page.waitForSelector('.ui-table');

      // Loading: hold the response until the skeleton has been seen. (Only the browser's view of our API is
      // shaped here, to show each state; the server and database are real.)
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/admin/units', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${t.baseUrl}/admin/settings/units`);
      await page.waitForSelector('.ui-loading .ui-skeleton-table');
      await saveScreenshot(page, SUITE, `state-loading-${viewport}`);
      release();
      await page.waitForSelector('.ui-table');
      await page.unroute('**/api/admin/units');

      // Error: the server fails; the page says so in Vietnamese and offers to try again, which works.
      let failures = 0;
      await page.route('**/api/admin/units', async (route) => {
        if (failures++ < 10) return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'db down' } }) });
        return route.continue();
      });
      await page.goto(`${t.baseUrl}/admin/settings/units`);
      await page.waitForSelector('.ui-error >> text=Máy chủ đang gặp sự cố', { timeout: 15_000 });
      await saveScreenshot(page, SUITE, `state-error-${viewport}`);
      failures = 100;
      await page.click('.ui-error button >> text=Thử lại');
      await page.waitForSelector('.ui-table');
      await page.unroute('**/api/admin/units');

      // Empty: a search that matches nothing.
      await page.fill('.ui-search input', 'không có đơn vị này');
      await page.waitForSelector('.ui-empty >> text=Không có đơn vị nào khớp');
      await saveScreenshot(page, SUITE, `state-empty-${viewport}`);

      await context.close();
    }
  });
});
