import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../bots/auth/password.js';
import { UI_DIST } from '../../bots/http/static-ui.js';
import { testBackends } from '../support/backends.js';
import { launchBrowser } from '../support/browser.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'xin chào': { route: 'smalltalk' },
  'lương tối thiểu vùng 1': { route: 'question', topic: 'wages' },
});

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
    const hn = await units.findByCode('HN');
    await users.create({ email: 'canbo@example.vn', passwordHash: await hashPassword('mat-khau-dung-1'), role: 'officer', unitId: hn!.id, displayName: 'Cán bộ Hà Nội' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

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

  it('refuses a wrong password and then logs an officer in to their unit subtree', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.baseUrl}/admin/`);
    await page.fill('input[name=email]', 'canbo@example.vn');
    await page.fill('input[name=password]', 'sai-mat-khau');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert] >> text=không đúng');
    await page.fill('input[name=password]', 'mat-khau-dung-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('.shell');
    await page.click('a >> text=Đơn vị');
    await page.waitForSelector('.table');
    const codes = await page.$$eval('.table code', (cells) => cells.map((c) => c.textContent));
    expect(codes.sort()).toEqual(['DTTL', 'HN', 'HN-KCN']);
    await page.click('text=Đăng xuất');
    await page.waitForSelector('input[name=email]');
    await page.close();
  });
});
