import type { Browser } from 'playwright-core';
import { testBackends } from '../support/backends.js';
import { launchBrowser, saveScreenshot, VIEWPORTS } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({ 'lương tối thiểu vùng 1': { route: 'question', topic: 'wages' } });

/** Issue #13 (Law 91/2025/QH15): the web chat member meets the privacy notice in the browser, opens it and answers it. */
describe('privacy notice in the web chat (Chromium, embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform(testBackends()[0]!, { classifier, knowledge: createEchoKnowledge(), env: { PRIVACY_CONSENT: 'ask', PRIVACY_NOTICE_VERSION: 'web-v1' } });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers the first question, shows the notice with two buttons, records the press, and links the full notice', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.baseUrl}/chat`);
    await page.fill('textarea', 'lương tối thiểu vùng 1');
    await page.press('textarea', 'Enter');
    await page.waitForSelector('.bubble.bot >> text=Trả lời: lương tối thiểu vùng 1', { timeout: 20_000 });
    await page.waitForSelector('.bubble.bot >> text=Về dữ liệu cá nhân của bạn', { timeout: 20_000 });
    expect(await page.locator('.choice').allTextContents()).toEqual(['Đồng ý', 'Không đồng ý']);
    await page.waitForSelector('.bubble.bot >> text=mục "Quyền riêng tư" ở đầu trang');
    // Not consented yet, so the question's words were not stored; this tab still shows them, in their place.
    await page.waitForSelector('.bubble.member:not(.pending) >> text=lương tối thiểu vùng 1', { timeout: 10_000 });
    const order = await page.locator('.bubble .bubble-text').allTextContents();
    expect(order.indexOf('lương tối thiểu vùng 1')).toBe(order.findIndex((line) => line.startsWith('Trả lời:')) - 1);
    await saveScreenshot(page, 'privacy', 'chat-notice-phone');

    // The full notice is one tap away, in the header.
    const [notice] = await Promise.all([page.waitForEvent('popup'), page.click('.chat-sub a >> text=Quyền riêng tư')]);
    await notice.waitForLoadState();
    expect(await notice.locator('h1').textContent()).toBe('Thông báo về xử lý dữ liệu cá nhân');
    expect(await notice.textContent('body')).toContain('Phiên bản thông báo: web-v1');
    await notice.close();

    await page.click('.choice >> text=Đồng ý');
    await page.waitForSelector('.bubble.bot >> text=Cảm ơn bạn đã đồng ý', { timeout: 20_000 });
    // The buttons belong to the last bot message only: the answered notice has none left.
    expect(await page.locator('.choice').count()).toBe(0);
    const member = await t.database.db.query.members.findFirst();
    expect(member).toMatchObject({ consent: 'granted', consentVersion: 'web-v1' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
