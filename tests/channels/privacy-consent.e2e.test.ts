import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { channelIdentities, members, moodMemberDay, unansweredQuestions } from '../../bots/storage/schema/index.js';
import type { ChannelId } from '../../core/messages/channels.js';
import { CONSENT_PAYLOADS } from '../../core/pipeline/consent-replies.vi.js';
import { testBackends } from '../support/backends.js';
import { expectStable } from '../support/settle.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, memberOf, messagesOf, seedUnits, waitForOutbound } from './support/channel-e2e.js';
import { startThreePlatforms, type ThreePlatforms } from './support/three-platforms.js';

const TG = { token: '7000004:AAE-consent-test', secret: 'consent_secret' };
const PUBLIC_BASE_URL = 'https://congdoan.example';
const NOTICE_URL = `${PUBLIC_BASE_URL}/quyen-rieng-tu`;
const QUESTION = 'lương tối thiểu vùng 1 là bao nhiêu';
const CONCERN = 'công ty nợ lương 2 tháng rồi 0912 345 678';
const classifier = createScriptedClassifier({
  [QUESTION]: { route: 'question', topic: 'wages' },
  [CONCERN]: { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'cho em gặp cán bộ': { route: 'handoff' },
});

type Channel = Extract<ChannelId, 'zalo' | 'telegram' | 'messenger' | 'web'>;
const CHANNELS = ['zalo', 'telegram', 'messenger', 'web'] as const;

/**
 * Issue #13, Law 91/2025/QH15: the first contact on every channel gets the short privacy notice with the link to the
 * full one and two choices (buttons, numbers on Zalo), after the answer to the member's first question; the answer is
 * stored with its time and notice version; a refusal keeps only anonymous answers; a crisis is handled regardless.
 */
describe.each(testBackends())('privacy notice and consent on every channel on $name', (backend) => {
  let t: TestPlatform;
  let platforms: ThreePlatforms;

  beforeAll(async () => {
    platforms = await startThreePlatforms(TG);
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { ...platforms.env, PUBLIC_BASE_URL, PRIVACY_CONSENT: 'ask', PRIVACY_NOTICE_VERSION: '2026-12-v1' },
    });
    await seedUnits(t.database.db);
    // Starting an embedded database takes long on a loaded machine (PGlite's WebAssembly start-up).
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await platforms?.close();
  });

  const db = () => t.database.db;
  const newUser = (channel: Channel) =>
    channel === 'zalo' ? `8${randomInt(10 ** 13, 10 ** 14)}` : channel === 'telegram' ? String(randomInt(1_000_000_000, 6_000_000_000)) : channel === 'messenger' ? `2${randomInt(10 ** 13, 10 ** 14)}` : randomUUID();

  /** A member's message, or a press of a notice button (on Zalo its number, as members also answer there). */
  async function send(channel: Channel, user: string, message: { text: string } | { payload: string }): Promise<void> {
    const { zalo, telegram, meta } = platforms;
    if (channel === 'zalo') {
      const text = 'text' in message ? message.text : message.payload === CONSENT_PAYLOADS.refuse ? '2' : '1';
      await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, zalo.userText(user, text));
    } else if (channel === 'telegram') {
      const update = 'text' in message ? telegram.textUpdate(Number(user), message.text, { firstName: 'Lan' }) : telegram.callbackUpdate(Number(user), message.payload);
      await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, update, TG.secret);
    } else if (channel === 'messenger') {
      const event =
        'text' in message
          ? meta.text(user, message.text)
          : { sender: { id: user }, recipient: { id: '105301234567890' }, timestamp: Date.now(), message: { mid: meta.nextMid(), text: 'Đồng ý', quick_reply: { payload: message.payload } } };
      await meta.deliver(`${t.baseUrl}/webhooks/messenger`, meta.envelope([event]));
    } else {
      const body = 'text' in message ? { text: message.text } : { postback: { payload: message.payload, title: 'Đồng ý' } };
      const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: user, clientMessageId: randomUUID(), ...body }) });
      expect(response.status).toBeLessThan(300);
    }
  }

  const counts: Record<string, number> = {};
  /** Sends and waits for the replies it causes; returns them. */
  async function say(channel: Channel, user: string, message: { text: string } | { payload: string }, expectedReplies = 1) {
    await send(channel, user, message);
    const before = counts[user] ?? 0;
    counts[user] = before + expectedReplies;
    const rows = await waitForOutbound(db(), channel, user, counts[user] as number);
    return rows.slice(before);
  }

  /** What the platform was asked to send, as one string (to see the rendering of the notice's choices). */
  function sentToPlatform(channel: Exclude<Channel, 'web'>, user: string): string {
    const { zalo, telegram, meta } = platforms;
    const log = channel === 'zalo' ? zalo.sent : channel === 'telegram' ? telegram.sentMessages() : meta.sent;
    // Zalo's replies quote the member's message id instead of naming the user: the notice's own calls there.
    return JSON.stringify(log.filter((call) => JSON.stringify(call).includes(channel === 'zalo' ? 'Về dữ liệu cá nhân' : user)));
  }

  async function moodRowsOf(memberId: string) {
    return db().select().from(moodMemberDay).where(eq(moodMemberDay.memberId, t.platform.pseudonyms.of(memberId)));
  }

  it.each(CHANNELS)('on %s: answers the first question, then the notice with the link and two choices; consent is recorded with time and version', async (channel) => {
    const user = newUser(channel);
    const [answer, notice] = await say(channel, user, { text: QUESTION }, 2);
    expect(answer?.text).toContain(`Trả lời: ${QUESTION}`);
    expect(notice?.text).toContain('Về dữ liệu cá nhân của bạn');
    expect(notice?.text).toContain(NOTICE_URL);
    // One thing asked at a time: Zalo's union question waits for the consent.
    expect(notice?.text).not.toContain('mã công đoàn');
    expect(notice?.content).toMatchObject({ type: 'choices', choices: [{ title: 'Đồng ý' }, { title: 'Không đồng ý' }] });
    if (channel === 'zalo') expect(sentToPlatform(channel, user)).toContain(`#cd:${CONSENT_PAYLOADS.grant}`);
    if (channel === 'telegram') expect(sentToPlatform(channel, user)).toContain('inline_keyboard');
    if (channel === 'messenger') expect(sentToPlatform(channel, user)).toContain(CONSENT_PAYLOADS.grant);
    const asked = await memberOf(db(), channel, user);
    expect(asked).toMatchObject({ consent: 'unknown', consentAt: null });
    expect(asked?.consentAskedAt).toBeInstanceOf(Date);

    const [thanks] = await say(channel, user, { payload: CONSENT_PAYLOADS.grant });
    expect(thanks?.text).toContain('Cảm ơn bạn đã đồng ý');
    if (channel === 'zalo') expect(thanks?.text).toContain('mã công đoàn');
    const member = await memberOf(db(), channel, user);
    expect(member).toMatchObject({ consent: 'granted', consentVersion: '2026-12-v1' });
    expect(member?.consentAt).toBeInstanceOf(Date);

    // From now on the member's words are kept and counted, and the notice is not shown again.
    // (A wage complaint: the answer and the offer of an officer.)
    const later = await say(channel, user, { text: CONCERN }, 2);
    expect(later.map((row) => row.meta.kind)).toEqual(['answer', 'handoff_offer']);
    const stored = (await messagesOf(db(), channel, user)).filter((row) => row.direction === 'in');
    expect(stored.at(-1)).toMatchObject({ text: CONCERN, topic: 'wage_arrears' });
    // The first question came before consent: only its row is kept, not its words.
    expect(stored[0]).toMatchObject({ text: '', topic: null });
    expect(await moodRowsOf(member!.id)).toHaveLength(1);
  });

  it.each(CHANNELS)('on %s: a refusal keeps only anonymous answers, an ordinary hand-off asks first, a crisis is still handled, "đồng ý" later changes it', async (channel) => {
    const user = newUser(channel);
    await say(channel, user, { text: QUESTION }, 2);
    const [refused] = await say(channel, user, { payload: CONSENT_PAYLOADS.refuse });
    expect(refused?.text).toContain('không lưu lời nhắn');
    const member = await memberOf(db(), channel, user);
    expect(member).toMatchObject({ consent: 'refused', consentVersion: '2026-12-v1', displayName: null });
    expect((await db().select().from(channelIdentities).where(eq(channelIdentities.memberId, member!.id))).map((row) => row.profile)).toEqual([{}]);

    // Still answered, nothing of it kept: no words, no labels, no mood figures, no learning-queue copy.
    const [answer] = await say(channel, user, { text: CONCERN }, 2);
    expect(answer?.text).toContain(`Trả lời: ${CONCERN}`);
    const inbound = (await messagesOf(db(), channel, user)).filter((row) => row.direction === 'in');
    expect(inbound.map((row) => [row.text, row.topic, row.status])).toEqual(inbound.map(() => ['', null, 'processed']));
    expect(JSON.stringify(inbound)).not.toContain('0912');
    expect(await moodRowsOf(member!.id)).toEqual([]);
    const conversation = await conversationOf(db(), channel, user);
    expect(await db().select().from(unansweredQuestions).where(eq(unansweredQuestions.conversationId, conversation!.id))).toEqual([]);

    // An officer can only read what is stored: the hand-off asks for consent first.
    const [handoffAsk] = await say(channel, user, { text: 'cho em gặp cán bộ' });
    expect(handoffAsk?.text).toContain('Để cán bộ công đoàn đọc và trả lời bạn');
    expect((await conversationOf(db(), channel, user))?.state).toBe('bot');

    // Changing one's mind: a plain "đồng ý".
    const [granted] = await say(channel, user, { text: 'đồng ý' });
    expect(granted?.text).toContain('Cảm ơn bạn đã đồng ý');
    expect((await memberOf(db(), channel, user))?.consent).toBe('granted');
  });

  it.each(CHANNELS)('on %s: a member who agreed to an older notice version is shown the new one after the answer, kept anonymous until answering, and asked once', async (channel) => {
    const user = newUser(channel);
    await say(channel, user, { text: QUESTION }, 2);
    await say(channel, user, { payload: CONSENT_PAYLOADS.grant });
    const member = await memberOf(db(), channel, user);
    // The deployment has since published a new notice (PRIVACY_NOTICE_VERSION 2026-12-v1): this consent was to the old one.
    await db().update(members).set({ consentVersion: '2026-06-v0' }).where(eq(members.id, member!.id));

    const [answer, notice] = await say(channel, user, { text: QUESTION }, 2);
    expect(answer?.text).toContain(`Trả lời: ${QUESTION}`);
    expect(notice?.text).toContain('cập nhật thông báo về dữ liệu cá nhân');
    expect(notice?.text).toContain(NOTICE_URL);
    expect(notice?.content).toMatchObject({ type: 'choices', choices: [{ title: 'Đồng ý' }, { title: 'Không đồng ý' }] });
    // Until the member answers, the new notice's consent is not given: the message's words are not kept.
    const inbound = () => messagesOf(db(), channel, user).then((rows) => rows.filter((row) => row.direction === 'in'));
    expect((await inbound()).at(-1)).toMatchObject({ text: '', topic: null });
    expect(await memberOf(db(), channel, user)).toMatchObject({ consent: 'granted', consentVersion: '2026-06-v0' });

    const [thanks] = await say(channel, user, { payload: CONSENT_PAYLOADS.grant });
    expect(thanks?.text).toContain('Cảm ơn bạn đã đồng ý');
    expect(await memberOf(db(), channel, user)).toMatchObject({ consent: 'granted', consentVersion: '2026-12-v1' });
    // Asked once: the next message is answered alone, and kept.
    const [next] = await say(channel, user, { text: QUESTION });
    expect(next?.text).toContain(`Trả lời: ${QUESTION}`);
    const outbound = async () => (await messagesOf(db(), channel, user)).filter((row) => row.direction === 'out').length;
    expect(await expectStable(outbound, 'no notice after the answer')).toBe(counts[user]);
    expect((await inbound()).at(-1)).toMatchObject({ text: QUESTION, topic: 'wages' });
  });

  it.each(CHANNELS)('on %s: a crisis from a member who refused gets the hotline and an urgent hand-off, and its words are kept for the officer', async (channel) => {
    const user = newUser(channel);
    await say(channel, user, { text: QUESTION }, 2);
    await say(channel, user, { text: '/tuchoi' });
    const [crisis] = await say(channel, user, { text: 'ko mún sống nữa' });
    expect(crisis?.text).toContain('115');
    const conversation = await conversationOf(db(), channel, user);
    expect(conversation).toMatchObject({ state: 'waiting_officer', urgent: true });
    const inbound = (await messagesOf(db(), channel, user)).filter((row) => row.direction === 'in');
    expect(inbound.at(-1)?.text).toBe('ko mún sống nữa');
    expect((await memberOf(db(), channel, user))?.consent).toBe('refused');
  });

  it('serves the full notice, with its version, at /quyen-rieng-tu', async () => {
    const response = await fetch(`${t.baseUrl}/quyen-rieng-tu`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Thông báo về xử lý dữ liệu cá nhân');
    expect(html).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    expect(html).toContain('Phiên bản thông báo: 2026-12-v1');
  });
});
