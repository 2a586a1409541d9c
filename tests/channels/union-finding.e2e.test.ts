import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { units } from '../../bots/storage/schema/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { META_TEST_APP as META, startThreePlatforms, type ThreePlatforms } from './support/three-platforms.js';
import { conversationOf, memberOf, seedUnits, waitForOutbound } from './support/channel-e2e.js';

const TG = { token: '7000003:AAE-union-test', secret: 'union_secret' };
const classifier = createScriptedClassifier({ 'tiền lương làm đêm': { route: 'question', topic: 'wages' } });

/** Issue #15 findings 2–4: precedence of the union choice, bare codes on Zalo, wrong link codes, members without a code. */
describe.each(testBackends())('finding a union on $name', (backend) => {
  let t: TestPlatform;
  let fakes: ThreePlatforms;
  let zalo: ThreePlatforms['zalo'];
  let telegram: ThreePlatforms['telegram'];
  let meta: ThreePlatforms['meta'];
  const hooks = { zalo: '', telegram: '', messenger: '' };

  beforeAll(async () => {
    fakes = await startThreePlatforms(TG);
    ({ zalo, telegram, meta } = fakes);
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: fakes.env,
    });
    await seedUnits(t.database.db);
    await createUnitRepository(t.database.db).upsertUnits([
      { parentCode: 'CDCT-KCN', code: 'DTTL', name: 'CĐCS Công ty TNHH Điện tử Thăng Long', level: 'grassroots' },
      { parentCode: 'CDCT-KCN', code: 'MSH', name: 'CĐCS Công ty Cổ phần May Sông Hồng', level: 'grassroots' },
    ]);
    hooks.zalo = `${t.baseUrl}/webhooks/zalo`;
    hooks.telegram = `${t.baseUrl}/webhooks/telegram`;
    hooks.messenger = `${t.baseUrl}/webhooks/messenger`;
  });
  afterAll(async () => {
    await t?.close();
    await fakes?.close();
  });

  const db = () => t.database.db;
  const unitId = async (code: string) => (await db().select().from(units).where(eq(units.code, code)))[0]?.id;
  const counts: Record<string, number> = {};
  async function waitReplies(channel: 'zalo' | 'telegram' | 'messenger' | 'web', thread: string, more: number): Promise<string[]> {
    const key = `${channel}:${thread}`;
    counts[key] = (counts[key] ?? 0) + more;
    const rows = await waitForOutbound(db(), channel, thread, counts[key] as number);
    return rows.slice(-more).map((r) => r.text ?? '');
  }
  async function web(session: string, text: string, unitCode?: string, replies = 1): Promise<string[]> {
    const posted = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: session, clientMessageId: randomUUID(), text, ...(unitCode ? { unitCode } : {}) }),
    });
    expect(posted.status).toBe(202);
    return waitReplies('web', session, replies);
  }

  it('on web, ?unit= applies at first contact and never overrides the member’s own /donvi choice', async () => {
    const session = randomUUID();
    await web(session, 'tiền lương làm đêm', 'DTTL');
    expect((await memberOf(db(), 'web', session))?.unitId).toBe(await unitId('DTTL'));
    expect((await web(session, '/donvi MSH'))[0]).toContain('May Sông Hồng');
    // An old page still sends ?unit=DTTL with every message: the member's choice stays, and they are told how to switch.
    const [note, answer] = await web(session, 'tiền lương làm đêm', 'DTTL', 2);
    expect(note).toContain('Bạn đang là đoàn viên của CĐCS Công ty Cổ phần May Sông Hồng (mã MSH)');
    expect(note).toContain('/donvi DTTL');
    expect(answer).toBe('Trả lời: tiền lương làm đêm');
    expect((await memberOf(db(), 'web', session))?.unitId).toBe(await unitId('MSH'));
    expect((await conversationOf(db(), 'web', session))?.unitId).toBe(await unitId('MSH'));
  });

  it('says so when the link’s code is wrong (web ?unit=ZZZZ, Messenger ref) and keeps the member in the intake queue', async () => {
    const session = randomUUID();
    const [note, answer] = await web(session, 'tiền lương làm đêm', 'ZZZZ', 2);
    expect(note).toContain('Mã công đoàn ZZZZ trong đường liên kết bạn vừa mở không đúng');
    expect(answer).toBe('Trả lời: tiền lương làm đêm');
    expect((await memberOf(db(), 'web', session))?.unitId).toBeNull();
    // Members without a union are seen by the intake unit (default: the top unit), not by nobody.
    expect((await conversationOf(db(), 'web', session))?.unitId).toBe(await unitId('TLD'));

    const psid = `2402${randomInt(10 ** 11, 10 ** 12)}`;
    const referral = { sender: { id: psid }, recipient: { id: META.pageId }, timestamp: Date.now(), referral: { ref: 'ZZZZ', source: 'SHORTLINK', type: 'OPEN_THREAD' } };
    expect((await meta.deliver(hooks.messenger, meta.envelope([referral]))).status).toBe(200);
    const [greeting] = await waitReplies('messenger', psid, 1);
    expect(greeting).toContain('Mã công đoàn ZZZZ trong đường liên kết bạn vừa mở không đúng');
  });

  it('on Zalo, a bare letters-only code (DTTL) answers the first-contact question; an upper-level code is accepted', async () => {
    const user = `8${randomInt(10 ** 13, 10 ** 14)}`;
    await zalo.deliver(hooks.zalo, zalo.userText(user, 'tiền lương làm đêm'));
    const [ask] = await waitReplies('zalo', user, 2);
    expect(ask).toContain('mã công đoàn');
    await zalo.deliver(hooks.zalo, zalo.userText(user, 'dttl'));
    expect((await waitReplies('zalo', user, 1))[0]).toContain('Mình đã ghi nhận bạn là đoàn viên của CĐCS Công ty TNHH Điện tử Thăng Long (mã DTTL)');
    expect((await memberOf(db(), 'zalo', user))?.unitId).toBe(await unitId('DTTL'));

    const other = `8${randomInt(10 ** 13, 10 ** 14)}`;
    await zalo.deliver(hooks.zalo, zalo.userText(other, 'LDLD-HN'));
    expect((await waitReplies('zalo', other, 1))[0]).toContain('Mình đã ghi nhận bạn thuộc Liên đoàn Lao động Thành phố Hà Nội');
    expect((await conversationOf(db(), 'zalo', other))?.unitId).toBe(await unitId('LDLD-HN'));
  });

  it('on Telegram, /start with another union’s code does not undo the member’s choice', async () => {
    const user = randomInt(1_000_000_000, 6_000_000_000);
    await telegram.deliver(hooks.telegram, telegram.textUpdate(user, '/start DTTL'), TG.secret);
    expect((await waitReplies('telegram', String(user), 1))[0]).toContain('(mã DTTL)');
    await telegram.deliver(hooks.telegram, telegram.textUpdate(user, '/donvi MSH'), TG.secret);
    await waitReplies('telegram', String(user), 1);
    await telegram.deliver(hooks.telegram, telegram.textUpdate(user, '/start CDCS001'), TG.secret);
    expect((await waitReplies('telegram', String(user), 1))[0]).toContain('/donvi CDCS001');
    expect((await memberOf(db(), 'telegram', String(user)))?.unitId).toBe(await unitId('MSH'));
  });

  it('on Zalo, the company name and province answer the question: buttons, a tap, the union set', async () => {
    const user = `8${randomInt(10 ** 13, 10 ** 14)}`;
    await zalo.deliver(hooks.zalo, zalo.userText(user, 'tiền lương làm đêm'));
    const [ask] = await waitReplies('zalo', user, 2);
    expect(ask).toContain('tên công ty và tỉnh/thành');
    await zalo.deliver(hooks.zalo, zalo.userText(user, 'cty may song hong, tp ha noi'));
    const [offer] = await waitReplies('zalo', user, 1);
    expect(offer).toContain('Mình tìm thấy công đoàn cơ sở có tên gần giống');
    const buttons = (zalo.sent.at(-1)?.message as { attachment?: { payload?: { buttons?: { title: string; payload: string }[] } } }).attachment?.payload?.buttons;
    expect(buttons?.map((b) => b.title)).toEqual(['Công ty Cổ phần May Sông Hồng', 'Không có đơn vị của tôi']);
    // Until the member confirms, their messages are seen by the province they named.
    expect((await conversationOf(db(), 'zalo', user))?.unitId).toBe(await unitId('LDLD-HN'));
    // The tap comes back as the button's payload in the member's text.
    await zalo.deliver(hooks.zalo, zalo.userText(user, buttons?.[0]?.payload as string));
    expect((await waitReplies('zalo', user, 1))[0]).toContain('Mình đã ghi nhận bạn là đoàn viên của CĐCS Công ty Cổ phần May Sông Hồng (mã MSH)');
    expect((await memberOf(db(), 'zalo', user))?.unitId).toBe(await unitId('MSH'));
    expect((await conversationOf(db(), 'zalo', user))?.unitId).toBe(await unitId('MSH'));
  });

  it('on Telegram, a member who names the company unasked gets buttons and joins with one tap', async () => {
    const user = randomInt(1_000_000_000, 6_000_000_000);
    await telegram.deliver(hooks.telegram, telegram.textUpdate(user, 'Em làm ở Công ty Điện tử Thăng Long, Hà Nội'), TG.secret);
    const [offer] = await waitReplies('telegram', String(user), 1);
    expect(offer).toContain('Mình tìm thấy công đoàn cơ sở có tên gần giống');
    await telegram.deliver(hooks.telegram, telegram.callbackUpdate(user, 'unit:pick:DTTL'), TG.secret);
    expect((await waitReplies('telegram', String(user), 1))[0]).toContain('(mã DTTL)');
    expect((await memberOf(db(), 'telegram', String(user)))?.unitId).toBe(await unitId('DTTL'));
  });

  it('on Messenger (titles too long for quick replies) the numbered list works, and an unknown company routes to the province named', async () => {
    const psid = `2403${randomInt(10 ** 11, 10 ** 12)}`;
    expect((await meta.deliver(hooks.messenger, meta.envelope([meta.text(psid, 'công ty TNHH điện tử thăng long hn')]))).status).toBe(200);
    const [offer] = await waitReplies('messenger', psid, 1);
    expect(offer).toContain('Mình tìm thấy công đoàn cơ sở có tên gần giống');
    const shown = (meta.sent.at(-1)?.body as { message?: { text?: string } }).message?.text ?? '';
    expect(shown).toContain('1. Công ty TNHH Điện tử Thăng Long');
    expect(shown).toContain('2. Không có đơn vị của tôi');
    await meta.deliver(hooks.messenger, meta.envelope([meta.text(psid, '1')]));
    expect((await waitReplies('messenger', psid, 1))[0]).toContain('(mã DTTL)');

    const other = `2403${randomInt(10 ** 11, 10 ** 12)}`;
    await meta.deliver(hooks.messenger, meta.envelope([meta.text(other, 'Công ty TNHH Bánh kẹo Hải Hà, Hà Nội')]));
    const [notFound] = await waitReplies('messenger', other, 1);
    expect(notFound).toContain('Mình chưa tìm thấy công đoàn cơ sở nào thuộc Liên đoàn Lao động Thành phố Hà Nội có tên như bạn nhắn');
    expect(notFound).toContain('vẫn được chuyển tới Liên đoàn Lao động Thành phố Hà Nội');
    expect((await memberOf(db(), 'messenger', other))?.unitId).toBeNull();
    expect((await conversationOf(db(), 'messenger', other))?.unitId).toBe(await unitId('LDLD-HN'));
  });
});

