import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../bots/auth/password.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { messages } from '../../bots/storage/schema/index.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { seedUnits } from '../channels/support/channel-e2e.js';
import { testBackends } from '../support/backends.js';
import { launchBrowser, saveScreenshot, VIEWPORTS } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

/**
 * An officer's reply during a platform outage, through the real server and a fake Zalo that goes down and comes back
 * (issue #9's held-reply retry, until now shown in the browser only with simulated responses): the reply is held,
 * the conversation says so (and why, in words: the toast too, never "sent"), and it goes out exactly once when Zalo
 * works again; a reply whose sends keep failing is held too, and the officer's "Gửi lại" sends it exactly once. A
 * phone open on the inbox list sees each delivery change on the row live (`conversation.delivery` events).
 */
const SUITE = 'held-reply';
const PASSWORD = 'mat-khau-can-bo-1';
const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560488', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const MEMBER = '6142494977777777701';
const HELD_TEXT = 'Chào bạn, mình là cán bộ công đoàn, mình đã nhận được phản ánh về việc nợ lương.';
const FAILED_TEXT = 'Bạn gửi giúp mình tên công ty và số tháng bị nợ lương nhé.';

describe('held and failed officer replies in Chromium, through a fake Zalo that goes down (embedded backend)', () => {
  let t: TestPlatform;
  let zalo: FakeZaloServer;
  let browser: Browser;
  let page: Page;
  let listPage: Page;
  const problems: string[] = [];
  const reply = (text: string) => t.database.db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.text, text)));
  const sentToZalo = (text: string) => zalo.sent.filter((call) => call.message.text === text).length;

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    zalo = await FakeZaloServer.start(ZALO);
    t = await startTestPlatform(testBackends()[0]!, {
      classifier: createScriptedClassifier({ 'cho tôi gặp cán bộ công đoàn': { route: 'handoff' } }),
      knowledge: createEchoKnowledge(),
      env: {
        ...zalo.platformEnv(),
        OUTBOUND_MAX_ATTEMPTS: '2',
        RETRY_BACKOFF_MS: '50',
      },
    });
    await seedUnits(t.database.db);
    const national = await t.platform.repositories.units.findByCode('TLD');
    await t.platform.repositories.users.create({ email: 'quantri@tld.vn', passwordHash: await hashPassword(PASSWORD), role: 'admin', unitId: national!.id, displayName: 'Trần Minh Quân' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await zalo?.close();
  });

  it('holds the reply while Zalo is down, shows it held, and sends it once when Zalo is back', async () => {
    await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, zalo.userText(MEMBER, 'cho tôi gặp cán bộ công đoàn'));
    const conversationId = await waitUntil(async () => {
      const rows = await t.database.db.query.conversations.findMany();
      return rows.find((row) => row.platformUserId === MEMBER && row.state === 'waiting_officer')?.id ?? null;
    }, 20_000, 'the hand-off');

    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'vi-VN' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.fill('input[name=email]', 'quantri@tld.vn');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app');
    await page.goto(`${t.baseUrl}/admin/inbox/${conversationId}`);
    await page.waitForSelector('#reply-text');

    // Zalo's token endpoint goes down and the access token expires: nothing can be sent.
    zalo.breakTokenEndpoint({ status: 503, json: { message: 'upstream error' } });
    zalo.expireAccessToken();
    await page.fill('#reply-text', HELD_TEXT);
    await page.click('.reply button >> text=Gửi');
    await waitUntil(async () => ((await reply(HELD_TEXT))[0]?.status === 'held' ? true : null), 30_000, 'the reply held');
    const held = page.locator('.msg-officer', { hasText: HELD_TEXT }).locator('.msg-delivery');
    await held.locator('text=Chưa gửi, đang giữ lại').waitFor({ timeout: 30_000 });
    expect(await held.textContent()).toContain('Zalo đang gặp sự cố');
    // The toast says what happened (held, why, and what comes next), never "sent"; the bubble itself looks held.
    const toast = page.locator('.ui-toast-warning', { hasText: 'Trả lời chưa được gửi' });
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toContain('tự gửi khi Zalo hoạt động lại');
    expect(await page.locator('.ui-toast', { hasText: 'Đã gửi' }).count()).toBe(0);
    expect(await page.locator('.msg-officer.msg-held', { hasText: HELD_TEXT }).count()).toBe(1);
    expect((await reply(HELD_TEXT))[0]?.status).toBe('held');
    expect(sentToZalo(HELD_TEXT)).toBe(0);
    // The reply box says the truth too: Zalo is down, a reply is held and sent when it recovers (D-inboxui-3).
    const replyStatus = page.locator('.reply-status');
    await replyStatus.locator('text=Zalo đang gặp sự cố').waitFor({ timeout: 30_000 });
    expect(await replyStatus.textContent()).toContain('tin sẽ được giữ lại và tự gửi khi Zalo hoạt động lại');
    expect(await replyStatus.textContent()).not.toContain('Có thể trả lời qua Zalo');
    expect(await page.locator('#reply-text').isEnabled()).toBe(true);
    await saveScreenshot(page, SUITE, '1-held-laptop');
    await page.setViewportSize(VIEWPORTS.phone);
    await saveScreenshot(page, SUITE, '1-held-phone');
    await page.setViewportSize(VIEWPORTS.laptop);

    // A phone open on the inbox list sees the row's delivery change live (the list never polls while the stream is up).
    const phone = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'vi-VN' });
    listPage = await phone.newPage();
    listPage.on('pageerror', (error) => problems.push(`pageerror (list): ${error.message}`));
    await listPage.goto(`${t.baseUrl}/admin/login`);
    await listPage.fill('input[name=email]', 'quantri@tld.vn');
    await listPage.fill('input[name=password]', PASSWORD);
    await listPage.click('button[type=submit]');
    await listPage.waitForSelector('.ui-badge >> text=Cập nhật trực tiếp');
    await listPage.goto(`${t.baseUrl}/admin/inbox?view=mine`);
    await listPage.waitForSelector('.ui-badge >> text=Cập nhật trực tiếp');
    const row = listPage.locator(`.inbox-row[data-id="${conversationId}"]`);
    await row.locator('.inbox-delivery.held >> text=Trả lời chưa gửi được').waitFor({ timeout: 30_000 });
    await saveScreenshot(listPage, SUITE, '1-held-list-phone');

    // Zalo is back: the held reply goes out by itself, once, and the conversation shows it sent.
    zalo.restoreTokenEndpoint();
    await waitUntil(async () => ((await reply(HELD_TEXT))[0]?.status === 'sent' ? true : null), 30_000, 'the held reply released');
    await held.waitFor({ state: 'detached', timeout: 30_000 });
    await row.locator('.inbox-delivery').waitFor({ state: 'detached', timeout: 30_000 });
    expect(sentToZalo(HELD_TEXT)).toBe(1);
    await replyStatus.locator('text=Có thể trả lời qua Zalo').waitFor({ timeout: 30_000 });
    await saveScreenshot(page, SUITE, '2-released-laptop');
  }, 120_000);

  it('holds a reply whose sends fail, and "Gửi lại" sends it exactly once when Zalo answers again', async () => {
    zalo.failSendsHttp(2, 503);
    await page.fill('#reply-text', FAILED_TEXT);
    await page.click('.reply button >> text=Gửi');
    await waitUntil(async () => ((await reply(FAILED_TEXT))[0]?.status === 'held' ? true : null), 30_000, 'the reply held');
    const failed = page.locator('.msg-officer', { hasText: FAILED_TEXT }).locator('.msg-delivery');
    await failed.locator('text=Chưa gửi, đang giữ lại').waitFor({ timeout: 30_000 });
    await listPage.locator('.inbox-delivery.held').waitFor({ timeout: 30_000 });
    expect(sentToZalo(FAILED_TEXT)).toBe(0);
    await saveScreenshot(page, SUITE, '3-held-sends-failing-laptop');
    await failed.locator('button >> text=Gửi lại').click();
    await waitUntil(async () => ((await reply(FAILED_TEXT))[0]?.status === 'sent' ? true : null), 30_000, 'the retried reply sent');
    await failed.waitFor({ state: 'detached', timeout: 30_000 });
    // Sent again and delivered: now, and only now, the toast says it reached the member.
    await page.locator('.ui-toast-success', { hasText: 'Đã gửi trả lời tới đoàn viên qua Zalo' }).waitFor({ timeout: 30_000 });
    await listPage.locator('.inbox-delivery').waitFor({ state: 'detached', timeout: 30_000 });
    expect(sentToZalo(FAILED_TEXT)).toBe(1);
    await listPage.context().close();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
