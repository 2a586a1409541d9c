import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { channelIdentities, channelMemberMerges, conversations, members, units } from '../../bots/storage/schema/index.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, messagesOf, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';

const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const TG = { token: '7000002:AAE-link-test', secret: 'link_secret' };
const classifier = createScriptedClassifier({ 'tiền lương làm đêm': { route: 'question', topic: 'wages' } });

describe.each(testBackends())('joining a union and linking channels on $name', (backend) => {
  let t: TestPlatform;
  let zalo: FakeZaloServer;
  let telegram: FakeTelegramServer;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const hooks = { zalo: '', telegram: '' };

  beforeAll(async () => {
    zalo = await FakeZaloServer.start(ZALO);
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      clock,
      env: {
        ...zalo.platformEnv(),
        TELEGRAM_BOT_TOKEN: TG.token,
        TELEGRAM_WEBHOOK_SECRET: TG.secret,
        TELEGRAM_API_ROOT: telegram.url,
        LINK_MAX_FAILURES_PER_ADDRESS: '6',
      },
    });
    await seedUnits(t.database.db);
    hooks.zalo = `${t.baseUrl}/webhooks/zalo`;
    hooks.telegram = `${t.baseUrl}/webhooks/telegram`;
  });
  afterAll(async () => {
    await t?.close();
    await zalo?.close();
    await telegram?.close();
  });
  afterEach(() => {
    offsetMs = 0;
  });

  const db = () => t.database.db;
  let replyCount: Record<string, number> = {};
  /** Sends on a channel and waits for the bot's next reply there. */
  async function say(channel: 'zalo' | 'telegram', user: string, text: string): Promise<string> {
    const key = `${channel}:${user}`;
    if (channel === 'zalo') await zalo.deliver(hooks.zalo, zalo.userText(user, text));
    else await telegram.deliver(hooks.telegram, telegram.textUpdate(Number(user), text), TG.secret);
    replyCount[key] = (replyCount[key] ?? 0) + 1;
    const replies = await waitForOutbound(db(), channel, user, replyCount[key] as number);
    return replies.at(-1)?.text ?? '';
  }
  beforeEach(() => {
    replyCount = {};
  });

  const zaloUser = () => `8${randomInt(10 ** 13, 10 ** 14)}`;
  const telegramUser = () => String(randomInt(1_000_000_000, 6_000_000_000));

  it('links a Zalo account to a Telegram member with a one-time code: one member, history and unit follow', async () => {
    const [tg, za] = [telegramUser(), zaloUser()];
    expect(await say('telegram', tg, '/start CDCS001')).toContain('Công ty May Thăng Long');
    // The Zalo identity exists with its own history before the link.
    replyCount[`zalo:${za}`] = 1; // the first-contact question comes before the answer
    await say('zalo', za, 'tiền lương làm đêm');
    const zaloConversation = await conversationOf(db(), 'zalo', za);
    const telegramConversation = await conversationOf(db(), 'telegram', tg);
    expect(zaloConversation?.memberId).not.toBe(telegramConversation?.memberId);

    const codeReply = await say('telegram', tg, '/lienket');
    const code = /(\d{8})/.exec(codeReply)?.[1] as string;
    expect(codeReply).toContain('có hiệu lực trong 10 phút');
    const linked = await say('zalo', za, `/lienket ${code}`);
    expect(linked).toContain('Đã liên kết thành công');
    expect(linked).toMatch(/Telegram/);
    expect(linked).toContain('Công ty May Thăng Long');

    const member = telegramConversation?.memberId as string;
    const identities = await db().select().from(channelIdentities).where(eq(channelIdentities.memberId, member));
    expect(identities.map((i) => i.channel).sort()).toEqual(['telegram', 'zalo']);
    const after = await conversationOf(db(), 'zalo', za);
    expect(after?.memberId).toBe(member);
    expect(after?.unitId).toBe(telegramConversation?.unitId);
    // The Zalo history is still there, now the linked member's.
    expect((await messagesOf(db(), 'zalo', za)).filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['tiền lương làm đêm', `/lienket ${code}`]);
    expect(await db().select().from(members).where(eq(members.id, zaloConversation?.memberId as string))).toHaveLength(0);
    expect(await db().select().from(channelMemberMerges).where(eq(channelMemberMerges.fromMemberId, zaloConversation?.memberId as string))).toHaveLength(1);

    // The code is spent.
    const other = zaloUser();
    expect(await say('zalo', other, `/lienket ${code}`)).toContain('không đúng hoặc đã được dùng');

    // A unit switch on one channel applies to the member everywhere.
    expect(await say('zalo', za, '/donvi CDCS002')).toContain('Công ty Điện tử Hà Nội');
    const [cdcs002] = await db().select().from(units).where(eq(units.code, 'CDCS002'));
    const [tgConversation] = await db().select().from(conversations).where(eq(conversations.id, telegramConversation?.id as string));
    expect(tgConversation?.unitId).toBe(cdcs002?.id);
  });

  it('refuses an expired code, the code of the same channel, and too many wrong codes', async () => {
    const [tg, za] = [telegramUser(), zaloUser()];
    const code = /(\d{8})/.exec(await say('telegram', tg, 'liên kết'))?.[1] as string;
    expect(await say('telegram', tg, `/lienket ${code}`)).toContain('được tạo ngay trên kênh này');
    offsetMs = 11 * 60_000;
    expect(await say('zalo', za, `mã liên kết ${code}`)).toContain('đã hết hạn');
    offsetMs = 0;
    // The expired code counted as a wrong one (old codes are no free guesses): four more, then refused.
    for (let i = 0; i < 4; i++) expect(await say('zalo', za, `/lienket 0000000${i}`)).toContain('không đúng');
    const fresh = /(\d{8})/.exec(await say('telegram', tg, '/lienket'))?.[1] as string;
    expect(await say('zalo', za, `/lienket ${fresh}`)).toContain('sai mã liên kết quá nhiều lần');
    expect((await conversationOf(db(), 'zalo', za))?.memberId).not.toBe((await conversationOf(db(), 'telegram', tg))?.memberId);
  });

  it('answers /donvi without a code with the current union and how to change it', async () => {
    const tg = telegramUser();
    expect(await say('telegram', tg, '/donvi')).toContain('/donvi MÃ_CÔNG_ĐOÀN');
    expect(await say('telegram', tg, 'mã công đoàn: cdcs002')).toContain('Công ty Điện tử Hà Nội');
    expect(await say('telegram', tg, '/donvi')).toContain('Bạn đang là đoàn viên của Công đoàn cơ sở Công ty Điện tử Hà Nội');
    expect(await say('telegram', tg, '/donvi TLD')).toContain('chưa tìm thấy công đoàn cơ sở nào có mã TLD');
  });

  it('tells the code owner on their other channels and undoes the link with one tap on "Không phải tôi"', async () => {
    const [tg, za] = [telegramUser(), zaloUser()];
    await say('telegram', tg, '/start CDCS001');
    const code = /(\d{8})/.exec(await say('telegram', tg, '/lienket'))?.[1] as string;
    replyCount[`zalo:${za}`] = 0;
    expect(await say('zalo', za, `/lienket ${code}`)).toContain('Đã liên kết thành công');
    const owner = (await conversationOf(db(), 'telegram', tg))?.memberId as string;
    // The notice reaches Telegram (the recovery sweep rings the queue for it), with the one-tap undo.
    const notice = await waitUntil(async () => telegram.sentMessages().find((c) => String(c.params.chat_id) === tg && String(c.params.text).includes('vừa được liên kết với bạn')), 20_000, 'the link notice on Telegram');
    expect(String(notice.params.text)).toContain('Tài khoản Zalo vừa được liên kết với bạn');
    const button = (notice.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat()[0];
    expect(button?.text).toBe('Không phải tôi');
    replyCount[`telegram:${tg}`] = (replyCount[`telegram:${tg}`] ?? 0) + 1;
    await telegram.deliver(hooks.telegram, telegram.callbackUpdate(Number(tg), button?.callback_data as string), TG.secret);
    replyCount[`telegram:${tg}`] = (replyCount[`telegram:${tg}`] ?? 0) + 1;
    const undone = await waitForOutbound(db(), 'telegram', tg, replyCount[`telegram:${tg}`] as number);
    expect(undone.at(-1)?.text).toContain('Mình đã hủy liên kết với tài khoản Zalo');
    const zaloAfter = await conversationOf(db(), 'zalo', za);
    expect(zaloAfter?.memberId).not.toBe(owner);
    expect((await db().select().from(channelIdentities).where(eq(channelIdentities.memberId, owner))).map((i) => i.channel)).toEqual(['telegram']);
    // The Zalo account no longer follows the owner's union.
    expect(zaloAfter?.unitId).not.toBe((await conversationOf(db(), 'telegram', tg))?.unitId);
  });

  it('counts wrong codes per address: fresh web sessions from one address are refused after the limit', async () => {
    const tg = telegramUser();
    const code = /(\d{8})/.exec(await say('telegram', tg, '/lienket'))?.[1] as string;
    const webSay = async (session: string, text: string) => {
      await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: session, clientMessageId: randomUUID(), text }) });
      return (await waitForOutbound(db(), 'web', session, 1)).at(-1)?.text ?? '';
    };
    // Six sessions, one wrong guess each (the per-identity limit never triggers): the address limit does.
    for (let i = 0; i < 6; i++) expect(await webSay(randomUUID(), `/lienket 1111111${i}`)).toContain('không đúng');
    const attacker = randomUUID();
    expect(await webSay(attacker, `/lienket ${code}`)).toContain('sai mã liên kết quá nhiều lần');
    expect((await conversationOf(db(), 'web', attacker))?.memberId).not.toBe((await conversationOf(db(), 'telegram', tg))?.memberId);
  });
});
