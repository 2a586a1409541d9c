import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, channelIdentities, conversations, members } from '../../bots/storage/schema/index.js';
import type { ChannelId } from '../../core/messages/channels.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, messagesOf, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';
import { startThreePlatforms, type ThreePlatforms } from './support/three-platforms.js';

const TG = { token: '7000003:AAE-rights-test', secret: 'rights_secret' };
const PUBLIC_BASE_URL = 'https://congdoan.example';
const classifier = createScriptedClassifier({ 'tiền lương làm đêm 0912 345 678': { route: 'question', topic: 'wages' } });

type Channel = Extract<ChannelId, 'zalo' | 'telegram' | 'messenger' | 'web'>;

describe.each(testBackends())("members' own data requests on every channel on $name", (backend) => {
  let t: TestPlatform;
  let platforms: ThreePlatforms;

  beforeAll(async () => {
    platforms = await startThreePlatforms(TG);
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), env: { ...platforms.env, PUBLIC_BASE_URL } });
    await seedUnits(t.database.db);
    // Starting an embedded database takes long on a loaded machine (PGlite's WebAssembly start-up).
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await platforms?.close();
  });

  const db = () => t.database.db;
  const newUser = (channel: Channel) => (channel === 'zalo' ? `8${randomInt(10 ** 13, 10 ** 14)}` : channel === 'telegram' ? String(randomInt(1_000_000_000, 6_000_000_000)) : channel === 'messenger' ? `2${randomInt(10 ** 13, 10 ** 14)}` : randomUUID());

  /** A member's message (or a button press) as the platform delivers it. */
  async function send(channel: Channel, user: string, message: { text: string } | { payload: string }): Promise<void> {
    const { zalo, telegram, meta } = platforms;
    if (channel === 'zalo') {
      // Zalo's OA API has no postback for our list: members answer with the number.
      const text = 'text' in message ? message.text : message.payload === 'privacy:erase:confirm' ? '1' : '2';
      await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, zalo.userText(user, text));
    } else if (channel === 'telegram') {
      const update = 'text' in message ? telegram.textUpdate(Number(user), message.text) : telegram.callbackUpdate(Number(user), message.payload);
      await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, update, TG.secret);
    } else if (channel === 'messenger') {
      const event = 'text' in message ? meta.text(user, message.text) : { sender: { id: user }, recipient: { id: '105301234567890' }, timestamp: Date.now(), postback: { payload: message.payload, title: 'Xoá dữ liệu', mid: meta.nextMid() } };
      await meta.deliver(`${t.baseUrl}/webhooks/messenger`, meta.envelope([event]));
    } else {
      const body = 'text' in message ? { text: message.text } : { postback: { payload: message.payload, title: 'Xoá dữ liệu' } };
      const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: user, clientMessageId: randomUUID(), ...body }) });
      expect(response.status).toBeLessThan(300);
    }
  }

  const FAREWELL = 'Dữ liệu của bạn sẽ được xoá trong ít phút nữa';
  /** How many farewells the platform was asked to send (read from the fake platform: the stored copy is erased). */
  function farewellsSent(channel: Exclude<Channel, 'web'>): number {
    const { zalo, telegram, meta } = platforms;
    const log = channel === 'zalo' ? zalo.sent : channel === 'telegram' ? telegram.sentMessages() : meta.sent;
    return log.filter((call) => JSON.stringify(call).includes(FAREWELL)).length;
  }

  let replies: Record<string, number> = {};
  async function say(channel: Channel, user: string, message: { text: string } | { payload: string }, expectedReplies = 1): Promise<string> {
    await send(channel, user, message);
    replies[user] = (replies[user] ?? 0) + expectedReplies;
    const rows = await waitForOutbound(db(), channel, user, replies[user] as number);
    return rows.at(-1)?.text ?? '';
  }

  it.each(['zalo', 'telegram', 'messenger', 'web'] as const)('on %s: sees what is stored and who read it, downloads a copy, then erases everything', async (channel) => {
    replies = {};
    const user = newUser(channel);
    // Zalo asks a new member for the union code once, before the answer.
    await say(channel, user, { text: 'tiền lương làm đêm 0912 345 678' }, channel === 'zalo' ? 2 : 1);
    const conversation = await conversationOf(db(), channel, user);
    const memberId = conversation!.memberId;
    // An officer opened the conversation: the member will see it.
    await t.platform.repositories.audit.record({ actor: 'officer@x.vn', action: 'conversation_view', targetType: 'conversation', targetId: conversation!.id, memberId });

    const summary = await say(channel, user, { text: 'xem dữ liệu của tôi' });
    expect(summary).toContain('Dữ liệu trợ lý Công đoàn đang lưu về bạn');
    expect(summary).toMatch(/• Tin nhắn: \d+ tin trong 1 cuộc trò chuyện/);
    expect(summary).toContain('officer@x.vn đã xem cuộc trò chuyện của bạn');
    const link = /(https:\/\/congdoan\.example\/api\/privacy\/export\?token=\S+)/.exec(summary)?.[1];
    expect(link).toBeDefined();
    const download = await fetch(link!.replace(PUBLIC_BASE_URL, t.baseUrl));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('du-lieu-cua-toi.json');
    const copy = (await download.json()) as { member: { id: string }; conversations: { messages: { text: string }[] }[] };
    expect(copy.member.id).toBe(memberId);
    expect(copy.conversations[0]?.messages.map((m) => m.text)).toContain('tiền lương làm đêm 0912 345 678');

    const farewellsBefore = channel === 'web' ? 0 : farewellsSent(channel);
    const question = await say(channel, user, { text: '/xoadulieu' });
    expect(question).toContain('Bạn muốn xoá toàn bộ dữ liệu của mình');
    await send(channel, user, { payload: 'privacy:erase:confirm' });
    await waitUntil(async () => (await db().select().from(members).where(eq(members.id, memberId)))[0]?.erasedAt, 30_000, 'the erasure');

    // Everything personal is gone; the farewell reached the member before it.
    expect(await db().select().from(channelIdentities).where(eq(channelIdentities.memberId, memberId))).toEqual([]);
    expect(await db().select().from(conversations).where(eq(conversations.memberId, memberId))).toEqual([]);
    expect(await messagesOf(db(), channel, user)).toEqual([]);
    if (channel !== 'web') expect(farewellsSent(channel)).toBe(farewellsBefore + 1);
    const audits = await db().select().from(auditLog).where(eq(auditLog.memberId, memberId));
    expect(audits.map((row) => row.action)).toEqual(expect.arrayContaining(['member_self_export', 'member_self_erase_requested', 'member_self_erase']));
    expect(JSON.stringify(audits)).not.toContain('0912 345 678');
    // The download link of an erased member finds nothing.
    expect((await fetch(link!.replace(PUBLIC_BASE_URL, t.baseUrl))).status).toBe(404);
  });

  it('refuses forged, foreign and malformed download links with 4xx', async () => {
    const url = (token: string) => `${t.baseUrl}/api/privacy/export?token=${encodeURIComponent(token)}`;
    expect((await fetch(url('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWZvcmdlZA'))).status).toBe(404);
    expect((await fetch(url('short'))).status).toBe(422);
    expect((await fetch(`${t.baseUrl}/api/privacy/export`)).status).toBe(422);
    // A well-formed token signed with another key.
    expect((await fetch(url(`${'a'.repeat(30)}.${'b'.repeat(30)}.${'c'.repeat(30)}`))).status).toBe(404);
  });
});
