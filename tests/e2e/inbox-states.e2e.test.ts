import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Route } from 'playwright-core';
import type { ConversationDetailDto, InboxItemDto, InboxMessageDto } from '../../core/contracts/inbox-api.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { testBackends } from '../support/backends.js';
import { launchBrowser, saveScreenshot, signedInPage, VIEWPORTS, type ViewportName } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createStaffAccounts, HANOI_BRANCH } from '../support/staff-accounts.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * The inbox and conversation screens in every state an officer can meet, including the rare ones a live flow
 * hardly produces (overdue, urgent, held and failed deliveries, a lost claim). Only the browser's view of the
 * inbox API is shaped here (page.route, with the shared contract's types); login, session and the app are real.
 * The live flow against the real API is in inbox.e2e.test.ts.
 */
const SUITE = 'inbox-states';
const PASSWORD = 'mat-khau-dung-1';
const now = Date.now();
const iso = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString();
const unit = { code: 'DTTL', name: 'CĐCS Điện tử Thăng Long' };

function row(id: string, patch: Partial<InboxItemDto>): InboxItemDto {
  return {
    id, state: 'waiting_officer', urgent: false, unit, queueUnit: unit, channel: 'zalo', lastMessageAt: iso(-3), topic: 'wage_arrears', sentiment: 'negative',
    slaDueAt: iso(22), overdue: false, escalationLevel: 0, handedOffAt: iso(-8), memberName: 'Nguyễn Văn An', unread: 2, assignedOfficer: null,
    preview: 'Công ty nợ lương em 2 tháng rồi, cho em gặp cán bộ công đoàn ạ', replyDelivery: null, version: 3, ...patch,
  };
}

const ROWS: InboxItemDto[] = [
  row('c-urgent', { urgent: true, channel: 'messenger', memberName: null, topic: 'harassment', preview: 'Quản lý đánh em ở xưởng, em sợ lắm', slaDueAt: iso(6), unread: 4 }),
  row('c-overdue', { overdue: true, slaDueAt: iso(-12), escalationLevel: 1, queueUnit: { code: 'HN-KCN', name: 'CĐ KCN Hà Nội' }, channel: 'telegram', memberName: 'Trần Thị Bích', topic: 'maternity', sentiment: 'neutral', preview: 'Em mang thai tháng thứ 7, công ty bắt tăng ca có đúng không ạ?' }),
  row('c-wait', {}),
  row('c-web', { channel: 'web', memberName: null, topic: 'social_insurance', sentiment: 'neutral', unread: 1, slaDueAt: iso(28), preview: 'Cho tôi gặp cán bộ công đoàn' }),
];

function message(id: string, patch: Partial<InboxMessageDto>): InboxMessageDto {
  return {
    id, conversationId: 'c-wait', channel: 'zalo', direction: 'in', text: '', route: null, topic: null, sentiment: null, confidence: null, citations: [], createdAt: iso(-10),
    author: 'member', officer: null, deliveryStatus: null, deliveryError: null, retryable: false, possibleDuplicate: false, ...patch,
  };
}

function detail(patch: Partial<ConversationDetailDto>): ConversationDetailDto {
  return {
    ...row('c-wait', {}),
    messages: [
      message('m1', { text: 'Công ty nợ lương em 2 tháng rồi thì em phải làm gì ạ?', route: 'question', topic: 'wage_arrears', sentiment: 'negative', confidence: { route: 0.93, topic: 0.88, sentiment: 0.81 }, createdAt: iso(-12) }),
      message('m2', { direction: 'out', author: 'bot', text: 'Người sử dụng lao động phải trả lương đúng hạn. Nếu chậm trả từ 15 ngày trở lên thì phải trả thêm tiền lãi (Điều 97 Bộ luật Lao động 2019). Bạn có muốn gặp cán bộ công đoàn không?', deliveryStatus: 'sent', possibleDuplicate: true, citations: [{ lawId: 'BLLĐ-2019', articleNo: '97', label: 'Điều 97 Bộ luật Lao động 2019' }], createdAt: iso(-11) }),
      message('m3', { text: 'cho em gap can bo cong doan a', route: 'handoff', topic: 'other', sentiment: 'neutral', confidence: { route: 0.42, topic: 0.5, sentiment: 0.7 }, createdAt: iso(-9) }),
      message('m4', { direction: 'out', author: 'officer', officer: { id: 'x', displayName: 'Lê Văn Cường' }, text: 'Chào bạn, mình là cán bộ công đoàn. Bạn cho mình biết tên công ty nhé.', deliveryStatus: 'failed', deliveryError: 'WINDOW_CLOSED: quá 24 giờ kể từ tin nhắn cuối của đoàn viên', retryable: true, createdAt: iso(-5) }),
      message('m5', { direction: 'out', author: 'officer', officer: { id: 'x', displayName: 'Lê Văn Cường' }, text: 'Mình đã ghi nhận, sẽ liên hệ công ty trong hôm nay.', deliveryStatus: 'held', deliveryError: 'QUOTA_EXHAUSTED: hết lượt nhắn miễn phí trong tháng', retryable: true, createdAt: iso(-4) }),
    ],
    hasOlderMessages: false,
    member: { id: 'mem-1', displayName: 'Nguyễn Văn An', unit, consent: 'granted', channels: [{ channel: 'zalo', linkedAt: iso(-60 * 24 * 30) }, { channel: 'web', linkedAt: iso(-60 * 24 * 3) }] },
    notes: [{ id: 'n1', text: 'Đoàn viên làm ca đêm, gọi sau 14 giờ.', author: { id: 'x', displayName: 'Lê Văn Cường' }, createdAt: iso(-30) }],
    reply: { canSend: true, code: null, reason: null, lastInboundAt: iso(-9) },
    resolution: null,
    claimedAt: null,
    can: { claim: true, reply: false, return: true, transfer: true, close: true },
    ...patch,
  };
}

const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

describe('inbox screens in Chromium: every state (embedded backend)', () => {
  let t: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    t = await startTestPlatform(testBackends()[0]!, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge() });
    await t.platform.repositories.units.upsertUnits(HANOI_BRANCH);
    await createStaffAccounts(t, PASSWORD, [{ email: 'canbo@kcn.vn', unitCode: 'HN-KCN', role: 'officer', displayName: 'Phạm Thu Hà' }]);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (viewport: ViewportName) =>
    signedInPage(browser, {
      baseUrl: t.baseUrl,
      email: 'canbo@kcn.vn',
      password: PASSWORD,
      viewport,
      beforeSignIn: (page) => page.route('**/api/admin/me/availability', (route) => json(route, 200, { availability: 'available', capacity: 5, openConversations: 1 })),
    });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`shows the list, its filters and its loading, error and empty states at ${viewport} width`, async () => {
      const { page, problems } = await signedIn(viewport);
      let mode: 'rows' | 'hold' | 'fail' | 'empty' = 'hold';
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const seen: string[] = [];
      await page.route('**/api/admin/conversations?*', async (route) => {
        seen.push(new URL(route.request().url()).search);
        if (mode === 'hold') await held;
        if (mode === 'fail') return json(route, 503, { error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'db down' } });
        if (mode === 'empty') return json(route, 200, { items: [], nextCursor: null });
        return json(route, 200, { items: ROWS, nextCursor: null });
      });
      await page.goto(`${t.baseUrl}/admin/inbox`);
      await page.waitForSelector('.inbox .ui-loading');
      await saveScreenshot(page, SUITE, `inbox-loading-${viewport}`);
      mode = 'rows';
      release();
      await page.waitForSelector('.inbox-row');
      // Urgent first, then overdue, then by deadline; anonymous members are named so.
      expect(await page.$$eval('.inbox-row', (rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['c-urgent', 'c-overdue', 'c-wait', 'c-web']);
      expect(await page.textContent('.inbox-row[data-id=c-urgent] .inbox-name')).toBe('Đoàn viên ẩn danh');
      expect(await page.textContent('.inbox-row[data-id=c-overdue] .ui-sla')).toContain('Quá hạn');
      expect(await page.textContent('.inbox-row[data-id=c-urgent]')).toContain('Khẩn cấp');
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await saveScreenshot(page, SUITE, `inbox-list-${viewport}`);
      if (viewport === 'laptop') {
        // Keyboard: j moves down, Enter opens; ? lists the shortcuts.
        await page.keyboard.press('?');
        await page.waitForSelector('.ui-shortcuts-panel >> text=Nhận xử lý cuộc đang chọn');
        await saveScreenshot(page, SUITE, 'inbox-shortcuts-laptop');
        await page.keyboard.press('Escape');
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/admin/inbox/c-overdue');
        await page.goBack();
        await page.waitForSelector('.inbox-row');
      }

      // Filters go to the server and into the URL (on a phone they fold behind one button).
      if (viewport === 'phone') {
        await page.click('.inbox-filters-toggle');
        await saveScreenshot(page, SUITE, `inbox-filters-${viewport}`);
      }
      await page.selectOption('.ui-filter select >> nth=1', 'zalo');
      await page.waitForURL('**/admin/inbox?channel=zalo');
      await page.locator('.inbox-row[data-id=c-urgent]').waitFor({ state: 'detached' });
      await page.locator('.inbox-row[data-id=c-wait]').waitFor();
      expect(seen.some((search) => search.includes('channel=zalo'))).toBe(true);
      expect(await page.$$eval('.inbox-row', (rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['c-wait']);

      mode = 'empty';
      await page.goto(`${t.baseUrl}/admin/inbox?view=mine`);
      await page.waitForSelector('.ui-empty >> text=Bạn chưa nhận cuộc trò chuyện nào');
      await saveScreenshot(page, SUITE, `inbox-empty-${viewport}`);
      await page.goto(`${t.baseUrl}/admin/inbox?topic=maternity`);
      await page.waitForSelector('.ui-empty >> text=Không có cuộc trò chuyện nào khớp bộ lọc');

      mode = 'fail';
      await page.goto(`${t.baseUrl}/admin/inbox`);
      await page.waitForSelector('.ui-error >> text=Máy chủ đang gặp sự cố', { timeout: 20_000 });
      await saveScreenshot(page, SUITE, `inbox-error-${viewport}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`shows a conversation with labels, citations, held and failed deliveries, notes, and a lost claim at ${viewport} width`, async () => {
      const { page, problems } = await signedIn(viewport);
      await page.route('**/api/admin/conversations/c-wait', (route) => json(route, 200, detail({})));
      await page.route('**/api/admin/conversations/c-wait/claim', (route) =>
        json(route, 409, { error: { code: 'CONVERSATION_CLAIMED', message: 'claimed', details: { holder: { id: 'x', displayName: 'Lê Văn Cường' } } } }),
      );
      await page.route('**/api/admin/conversations/missing', (route) => json(route, 404, { error: { code: 'NOT_FOUND', message: 'no' } }));
      await page.goto(`${t.baseUrl}/admin/inbox/c-wait`);
      await page.waitForSelector('.msg');
      expect(await page.textContent('main h1')).toBe('Nguyễn Văn An');
      expect(await page.textContent('.msg-citations')).toContain('Điều 97');
      expect(await page.textContent('.msg-delivery.danger')).toContain('Không gửi được');
      expect(await page.locator('.msg-delivery button >> text=Gửi lại').count()).toBe(2);
      expect(await page.textContent('.msg-confidence.low')).toContain('42');
      // A reply resent after a send with no known outcome (D-hardening-7) says the member may have it twice.
      expect(await page.locator('.msg-duplicate').allTextContents()).toEqual(['Có thể đã gửi 2 lần do mất kết nối với Zalo']);
      await saveScreenshot(page, SUITE, `conversation-${viewport}`);
      if (viewport === 'laptop') {
        // Esc closes the shortcuts popover and nothing else; the next Esc goes back to the inbox (issue #9 gap 4).
        await page.keyboard.press('?');
        await page.waitForSelector('.ui-shortcuts-panel');
        await page.keyboard.press('Escape');
        await page.waitForSelector('.ui-shortcuts-panel', { state: 'detached' });
        expect(new URL(page.url()).pathname).toBe('/admin/inbox/c-wait');
        expect(await page.evaluate('document.activeElement?.textContent')).toContain('Phím tắt');
        // The user menu too.
        await page.click('.user-menu-button');
        await page.waitForSelector('.user-menu-panel');
        await page.keyboard.press('Escape');
        await page.waitForSelector('.user-menu-panel', { state: 'detached' });
        expect(new URL(page.url()).pathname).toBe('/admin/inbox/c-wait');
        await page.keyboard.press('Escape');
        await page.waitForURL('**/admin/inbox');
        await page.goBack();
        await page.waitForSelector('.msg');
      }
      await page.click('.conv-actions button >> text=Nhận xử lý');
      await page.waitForSelector('.conv-banner[role=alert] >> text=Cán bộ Lê Văn Cường đã nhận cuộc trò chuyện này.');
      await saveScreenshot(page, SUITE, `conversation-claim-lost-${viewport}`);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

      await page.goto(`${t.baseUrl}/admin/inbox/missing`);
      await page.waitForSelector('.ui-empty >> text=Không tìm thấy cuộc trò chuyện này');
      await saveScreenshot(page, SUITE, `conversation-not-found-${viewport}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
