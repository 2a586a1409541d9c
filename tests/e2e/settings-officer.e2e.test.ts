import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../bots/auth/password.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { units } from '../../bots/storage/schema/index.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { testBackends } from '../support/backends.js';
import { VIEWPORTS, launchBrowser, saveScreenshot, signedInPage, type ViewportName } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

/**
 * Settings → Thông báo and Settings → Giờ làm việc against the real server (issue #9 gaps 2 and 3): an officer
 * links their Telegram with the code the page shows (sent through the Telegram webhook, as the officer's phone
 * would) and the page flips to "linked" by itself; a leader edits a unit's office hours, meets the validation,
 * saves, and lets the unit inherit again; an officer only reads them. Screenshots at 1280 and 390 px.
 */
const SUITE = 'settings-officer';
const PASSWORD = 'mat-khau-dung-1';
const TG = { token: '7000009:AAE-settings-e2e', secret: 'settings_secret' };
/** Elements that stick out past the viewport's right edge (a page that scrolls sideways on a phone): none. */
const WIDEST = `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.ui-tabs')).map((el) => el.tagName + '.' + el.className).slice(0, 5)`;

describe('officer settings in Chromium (embedded backend)', () => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(existsSync(join(UI_DIST, 'admin.html'))).toBe(true);
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(testBackends()[0]!, {
      classifier: createScriptedClassifier({}),
      knowledge: createEchoKnowledge(),
      env: { TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: telegram.url },
    });
    const { units: unitRepository, users } = t.platform.repositories;
    await unitRepository.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'DTTL', name: 'CĐCS Điện tử Thăng Long', level: 'grassroots' },
    ]);
    const kcn = await unitRepository.findByCode('HN-KCN');
    const hn = await unitRepository.findByCode('HN');
    await users.create({ email: 'canbo@kcn.vn', passwordHash: await hashPassword(PASSWORD), role: 'officer', unitId: kcn!.id, displayName: 'Phạm Thu Hà' });
    await users.create({ email: 'lanhdao@hn.vn', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: hn!.id, displayName: 'Nguyễn Quốc Bảo' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await telegram?.close();
  });

  const signedIn = (email: string, viewport: ViewportName) => signedInPage(browser, { baseUrl: t.baseUrl, email, password: PASSWORD, viewport });

  for (const width of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`links the officer's Telegram with the code shown, flips to linked by itself, and unlinks at ${width} width`, async () => {
      const { page, problems } = await signedIn('canbo@kcn.vn', width);
      await page.goto(`${t.baseUrl}/admin/settings/notifications`);
      await page.waitForSelector('.notify-channel[data-channel=telegram] >> text=Chưa liên kết');
      expect(await page.textContent('.notify-channel[data-channel=zalo]')).toContain('Chưa bật trên hệ thống');
      expect(await page.textContent('.notify-intro')).toContain('không chứa tên hay lời nhắn của đoàn viên');
      await saveScreenshot(page, SUITE, `notifications-empty-${width}`);

      await page.click('button >> text=Lấy mã liên kết Telegram');
      const command = (await (await page.waitForSelector('.notify-command')).textContent()) ?? '';
      expect(command).toMatch(/^\/canbo \d{8}$/);
      expect(await page.textContent('.notify-left')).toMatch(/^(10:00|9:\d\d)$/);
      await saveScreenshot(page, SUITE, `notifications-code-${width}`);

      // The officer's phone sends the code to the bot: the page notices on its own.
      const chatId = width === 'laptop' ? 8101 : 8102;
      expect((await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(chatId, command), TG.secret)).status).toBe(200);
      await page.waitForSelector('.notify-channel[data-channel=telegram] >> text=Đã liên kết', { timeout: 20_000 });
      await page.waitForSelector('.notify-command', { state: 'detached' });
      await saveScreenshot(page, SUITE, `notifications-linked-${width}`);
      expect(await waitUntil(async () => telegram.sent.find((call) => String(call.params.chat_id) === String(chatId) && String(call.params.text).includes('Đã liên kết')), 10_000, 'the bot confirms')).toBeTruthy();

      await page.click('.notify-channel[data-channel=telegram] button >> text=Hủy liên kết');
      await page.waitForSelector('dialog[open] >> text=Bạn sẽ không nhận thông báo trên Telegram nữa');
      await saveScreenshot(page, SUITE, `notifications-unlink-${width}`);
      await page.click('dialog[open] .ui-dialog-footer button >> text=Hủy liên kết');
      await page.waitForSelector('.notify-channel[data-channel=telegram] >> text=Chưa liên kết');
      expect(await page.evaluate(WIDEST)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`lets a leader edit a unit's office hours with validation, and an officer only read them at ${width} width`, async () => {
      const db = t.database.db;
      await db.update(units).set({ officeHours: null });
      const { page, problems } = await signedIn('lanhdao@hn.vn', width);
      await page.goto(`${t.baseUrl}/admin/settings/office-hours?unit=DTTL`);
      await page.waitForSelector('.hours-facts >> text=Theo giờ mặc định toàn quốc');
      expect(await page.isChecked('.hours-day[data-day=mon] input[type=checkbox]')).toBe(true);
      expect(await page.isChecked('.hours-day[data-day=sat] input[type=checkbox]')).toBe(false);
      await saveScreenshot(page, SUITE, `office-hours-default-${width}`);

      // Saturday morning, then an overlapping second shift: the day is marked and saving is blocked.
      await page.check('.hours-day[data-day=sat] input[type=checkbox]');
      await page.fill('.hours-day[data-day=sat] input[aria-label="Thứ Bảy, ca 2, bắt đầu"]', '11:00');
      await page.waitForSelector('.hours-day[data-day=sat] .hours-problem >> text=chồng lên nhau');
      expect(await page.isDisabled('.hours-actions button >> text=Đặt giờ riêng cho đơn vị')).toBe(true);
      await saveScreenshot(page, SUITE, `office-hours-invalid-${width}`);
      await page.click('.hours-day[data-day=sat] button[aria-label="Xoá ca 2 của Thứ Bảy"]');
      await page.waitForSelector('.hours-day[data-day=sat] .hours-problem', { state: 'detached' });
      await page.click('.hours-actions button >> text=Đặt giờ riêng cho đơn vị');
      await page.waitForSelector('.hours-facts >> text=Giờ riêng của đơn vị này');
      const [dttl] = await db.select().from(units).where(eq(units.code, 'DTTL'));
      expect((dttl?.officeHours as { days: Record<string, string[][]> }).days.sat).toEqual([['07:30', '11:30']]);
      await saveScreenshot(page, SUITE, `office-hours-saved-${width}`);

      // Back to the parent's hours.
      await page.click('.hours-actions button >> text=Dùng giờ của đơn vị cấp trên');
      await page.waitForSelector('.hours-facts >> text=Theo giờ mặc định toàn quốc');
      expect((await db.select().from(units).where(eq(units.code, 'DTTL')))[0]?.officeHours).toBeNull();
      expect(await page.evaluate(WIDEST)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();

      // An officer sees their unit's hours, read-only.
      const officer = await signedIn('canbo@kcn.vn', width);
      await officer.page.goto(`${t.baseUrl}/admin/settings/office-hours`);
      await officer.page.waitForSelector('.hours-readonly');
      expect(await officer.page.isDisabled('.hours-day[data-day=mon] input[type=checkbox]')).toBe(true);
      expect(await officer.page.isEditable('.hours-day[data-day=mon] .hours-time >> nth=0')).toBe(false);
      expect(await officer.page.$('.hours-actions')).toBeNull();
      await saveScreenshot(officer.page, SUITE, `office-hours-readonly-${width}`);
      expect(officer.problems).toEqual([]);
      await officer.page.context().close();
    });
  }
});
