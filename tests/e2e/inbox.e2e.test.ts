import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { testBackends } from '../support/backends.js';
import { ARTIFACTS_DIR, launchBrowser, saveScreenshot } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createStaffAccounts, HANOI_BRANCH } from '../support/staff-accounts.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * The officers' inbox end to end (issue #9 item 10), in Chromium against a real platform (embedded backend):
 * a member asks for a person on web chat → an officer of that unit sees it appear live, claims it, takes the
 * suggested reply, edits and sends it → the member reads it → the officer returns it to the bot → the bot
 * answers again. An officer of a sibling unit never sees it; a crisis after a hand-off still gets 115.
 */
const SUITE = 'inbox';
const PASSWORD = 'mat-khau-dung-1';
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const ASK_PERSON = 'cho tôi gặp cán bộ công đoàn';
const QUESTION = 'công ty nợ lương em 2 tháng thì em phải làm gì';
const AFTER_RETURN = 'lương tối thiểu vùng 1';
const OFFICER_EDIT = 'Bạn nhắn giúp mình tên công ty và bộ phận nhé, mình sẽ liên hệ ngay trong hôm nay.';

const classifier = createScriptedClassifier({
  [ASK_PERSON]: { route: 'handoff' },
  [QUESTION]: { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  [AFTER_RETURN]: { route: 'question', topic: 'wages' },
});

describe('officers\' inbox in Chromium: hand-off to an officer and back (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    t = await startTestPlatform(testBackends()[0]!, { classifier, knowledge: createEchoKnowledge() });
    await t.platform.repositories.units.upsertUnits([...HANOI_BRANCH, { parentCode: 'HN-KCN', code: 'MAY10', name: 'CĐCS May 10', level: 'grassroots' }]);
    await createStaffAccounts(t, PASSWORD, [
      { email: 'canbo@dttl.vn', unitCode: 'DTTL', role: 'officer', displayName: 'Phạm Thu Hà' },
      { email: 'canbo@may10.vn', unitCode: 'MAY10', role: 'officer', displayName: 'Đỗ Minh Khôi' },
    ]);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page that records uncaught errors and console errors (not failed loads, which the app shows itself). */
  async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    return { page, problems };
  }

  async function officer(email: string, viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const watchedPage = await watched(context);
    const { page } = watchedPage;
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL('**/admin/inbox');
    // The live stream is open: from now on nothing needs a reload.
    await page.waitForSelector('.ui-badge >> text=Cập nhật trực tiếp');
    await page.evaluate('window.stayed = true');
    return watchedPage;
  }

  async function memberSays(page: Page, text: string): Promise<string> {
    const before = await page.locator('.bubble.bot, .bubble.officer').count();
    await page.fill('textarea', text);
    await page.press('textarea', 'Enter');
    await page.locator('.bubble.bot:not(.typing), .bubble.officer').nth(before).waitFor({ timeout: 20_000 });
    return (await page.locator('.bubble.bot:not(.typing), .bubble.officer').nth(before).textContent()) ?? '';
  }

  /**
   * Screenshots from the top of the page (focusing the editor scrolls the window a little). The conversation is
   * shot as the viewport shows it: a full-page capture re-lays the page out and loses the transcript's scroll.
   */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    if (!name.startsWith('conversation')) return void (await saveScreenshot(page, SUITE, name));
    const dir = join(ARTIFACTS_DIR, 'screenshots', SUITE);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
  };

  const stayed = (page: Page) => page.evaluate('window.stayed === true');

  it('hands a member over to their unit\'s officer live, and back to the bot', async () => {
    const { page: ha, problems } = await officer('canbo@dttl.vn', LAPTOP);
    const { page: khoi, problems: siblingProblems } = await officer('canbo@may10.vn', LAPTOP);
    await ha.waitForSelector('.ui-empty >> text=Không có cuộc trò chuyện nào đang chờ');

    const member = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    const memberErrors: string[] = [];
    member.on('pageerror', (error) => memberErrors.push(error.message));
    await member.goto(`${t.baseUrl}/chat?unit=DTTL`);
    expect(await memberSays(member, QUESTION)).toContain('Trả lời');
    expect(await memberSays(member, ASK_PERSON)).toContain('cán bộ');

    // It appears in the officer's waiting list without a reload.
    const row = ha.locator('.inbox-row').first();
    await row.waitFor({ timeout: 20_000 });
    expect(await stayed(ha)).toBe(true);
    expect(await row.textContent()).toContain('Đoàn viên ẩn danh');
    expect(await row.textContent()).toContain('CĐCS Điện tử Thăng Long');
    await shoot(ha, 'inbox-laptop');
    const id = await row.getAttribute('data-id');
    expect(id).toBeTruthy();

    // The sibling unit's officer sees nothing, and the conversation's address answers "not found" there.
    await khoi.waitForTimeout(500);
    expect(await khoi.locator('.inbox-row').count()).toBe(0);
    await khoi.click('.ui-tabs >> text=Tất cả đơn vị của tôi');
    await khoi.waitForSelector('.ui-empty');
    expect(await khoi.locator('.inbox-row').count()).toBe(0);
    await khoi.goto(`${t.baseUrl}/admin/inbox/${id}`);
    await khoi.waitForSelector('.ui-empty >> text=Không tìm thấy cuộc trò chuyện này');

    // Claim, take the suggested reply, edit it, send it.
    await row.click();
    await ha.waitForURL(`**/admin/inbox/${id}`);
    await ha.waitForSelector('.msg');
    expect(await ha.textContent('.transcript')).toContain(ASK_PERSON);
    await ha.click('.conv-actions button >> text=Nhận xử lý');
    await ha.waitForSelector('.reply-editor:not([disabled])');
    await ha.click('.reply button >> text=Gợi ý trả lời');
    // (The admin app's CSP forbids waitForFunction's eval: poll the field instead.)
    let suggested = '';
    for (let tries = 0; tries < 100 && !suggested; tries++) {
      suggested = await ha.inputValue('.reply-editor');
      if (!suggested) await ha.waitForTimeout(200);
    }
    expect(suggested.length).toBeGreaterThan(0);
    await ha.fill('.reply-editor', `${suggested}\n\n${OFFICER_EDIT}`);
    await shoot(ha, 'conversation-draft-laptop');
    await ha.click('.reply button >> text=Gửi');
    await ha.waitForSelector(`.msg-officer >> text=${OFFICER_EDIT}`);

    // The member reads exactly what the officer sent, marked as from an officer.
    const officerBubble = member.locator('.bubble.officer').last();
    await officerBubble.waitFor({ timeout: 20_000 });
    expect(await officerBubble.textContent()).toContain(OFFICER_EDIT);
    // The transcript follows the newest message.
    expect(await ha.evaluate("(() => { const pane = document.querySelector('.transcript'); return pane.scrollHeight - pane.scrollTop - pane.clientHeight < 4; })()")).toBe(true);
    await shoot(ha, 'conversation-laptop');

    // Back to the bot: the next question gets the bot's answer again.
    await ha.click('.conv-actions button >> text=Trả lại trợ lý');
    await ha.click('dialog[open] button >> text=Trả lại trợ lý');
    await ha.waitForURL('**/admin/inbox');
    expect(await memberSays(member, AFTER_RETURN)).toContain(`Trả lời: ${AFTER_RETURN}`);
    await saveScreenshot(member, SUITE, 'member-chat-phone');

    expect(problems).toEqual([]);
    expect(siblingProblems).toEqual([]);
    expect(memberErrors).toEqual([]);
    await ha.context().close();
    await khoi.context().close();
    await member.close();
  });

  it('still answers a crisis after a hand-off with 115, and shows it urgent on the officer\'s phone', async () => {
    const { page: ha, problems } = await officer('canbo@dttl.vn', PHONE);
    const member = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    await member.goto(`${t.baseUrl}/chat?unit=DTTL`);
    expect(await memberSays(member, ASK_PERSON)).toContain('cán bộ');
    expect(await memberSays(member, 'ko muon song nua')).toContain('115');

    const urgent = ha.locator('.inbox-row', { hasText: 'Khẩn cấp' }).first();
    await urgent.waitFor({ timeout: 20_000 });
    expect(await stayed(ha)).toBe(true);
    expect(await ha.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shoot(ha, 'inbox-phone');
    await urgent.click();
    await ha.waitForSelector('.msg');
    expect(await ha.textContent('.transcript')).toContain('115');
    await ha.click('.conv-actions button >> text=Nhận xử lý');
    await ha.waitForSelector('.reply-editor:not([disabled])');
    expect(await ha.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shoot(ha, 'conversation-phone');

    // An internal note, then close with a resolution: the conversation leaves the officer's list.
    await ha.fill('.notes textarea', 'Đã gọi 115 và báo chủ tịch công đoàn cơ sở.');
    await ha.click('.notes button >> text=Lưu ghi chú');
    await ha.waitForSelector('.notes-list >> text=Đã gọi 115');
    await ha.click('.conv-actions button >> text=Đóng');
    await ha.click('dialog[open] label >> text=Đã giải quyết');
    await ha.click('dialog[open] button >> text=Đóng cuộc trò chuyện');
    await ha.waitForURL('**/admin/inbox');
    await ha.click('.ui-tabs >> text=Của tôi');
    await ha.waitForSelector('.ui-empty >> text=Bạn chưa nhận cuộc trò chuyện nào');
    expect(problems).toEqual([]);
    await ha.context().close();
    await member.close();
  });
});
