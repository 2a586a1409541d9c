import { randomInt } from 'node:crypto';
import { createHeldReplyRepository } from '../../bots/storage/repositories/held-reply-repository.js';
import { FakeMessengerServer } from '../fakes/fake-messenger-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { ageLastInbound, conversationOf, messageById, queueOutbound, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';

const META = { appSecret: 'meta-app-secret', pageAccessToken: 'EAAG-page-token', pageId: '105301234567890', appId: '9007199254740993' };
const classifier = createScriptedClassifier({ 'thai sản được nghỉ mấy tháng': { route: 'question', topic: 'maternity' }, 'em hỏi tiếp': { route: 'question', topic: 'maternity' } });
const DAY = 24 * 3_600_000;

/** Issue #15 finding 7: replies held by a closed window are listed, and released when the member writes again. */
describe.each(testBackends())('held replies on $name', (backend) => {
  let t: TestPlatform;
  let meta: FakeMessengerServer;
  let webhook: string;

  beforeAll(async () => {
    meta = await FakeMessengerServer.start(META);
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { MESSENGER_APP_SECRET: META.appSecret, MESSENGER_VERIFY_TOKEN: 'verify-me-123', MESSENGER_PAGE_ACCESS_TOKEN: META.pageAccessToken, MESSENGER_APP_ID: META.appId, MESSENGER_API_BASE_URL: meta.url },
    });
    await seedUnits(t.database.db);
    webhook = `${t.baseUrl}/webhooks/messenger`;
  });
  afterAll(async () => {
    await t?.close();
    await meta?.close();
  });

  const db = () => t.database.db;
  const psid = () => `2402${randomInt(10 ** 11, 10 ** 12)}`;
  const sentTexts = (user: string) => meta.sent.filter((s) => (s.body.recipient as { id: string }).id === user).map((s) => (s.body.message as { text?: string }).text);

  it('lists a reply held by the closed window and sends it when the member writes again, before the new answer', async () => {
    const user = psid();
    await meta.deliver(webhook, meta.envelope([meta.text(user, 'thai sản được nghỉ mấy tháng')]));
    await waitForOutbound(db(), 'messenger', user, 1);
    const conversation = await conversationOf(db(), 'messenger', user);
    const conversationId = conversation?.id as string;
    await ageLastInbound(db(), conversationId, 8 * DAY);
    const heldId = await queueOutbound(t, conversationId, 'bot', 'Cán bộ công đoàn nhắn: bạn mang sổ BHXH tới văn phòng nhé.');
    await waitUntil(async () => (await messageById(db(), heldId))?.status === 'held', 20_000, 'the reply held');

    const held = await createHeldReplyRepository(db()).listHeld({ conversationId });
    expect(held).toEqual([expect.objectContaining({ id: heldId, channel: 'messenger', code: 'WINDOW_CLOSED', text: 'Cán bộ công đoàn nhắn: bạn mang sổ BHXH tới văn phòng nhé.' })]);
    // Scoped: another branch's officers do not see it.
    expect(await createHeldReplyRepository(db()).listHeld({ unitPath: '/nowhere/', conversationId })).toEqual([]);

    await meta.deliver(webhook, meta.envelope([meta.text(user, 'em hỏi tiếp')]));
    await waitUntil(async () => sentTexts(user).length >= 3, 20_000, 'the released reply and the new answer');
    expect(sentTexts(user).slice(1)).toEqual(['Cán bộ công đoàn nhắn: bạn mang sổ BHXH tới văn phòng nhé.', 'Trả lời: em hỏi tiếp']);
    expect((await messageById(db(), heldId))?.status).toBe('sent');
    expect(await createHeldReplyRepository(db()).listHeld({ conversationId })).toEqual([]);
  });

  it('drops a held reply, with a note, when a later reply already reached the member', async () => {
    const user = psid();
    await meta.deliver(webhook, meta.envelope([meta.text(user, 'thai sản được nghỉ mấy tháng')]));
    await waitForOutbound(db(), 'messenger', user, 1);
    const conversationId = (await conversationOf(db(), 'messenger', user))?.id as string;
    await ageLastInbound(db(), conversationId, 2 * DAY);
    // After 24 h the bot's reply is held; the officer's (HUMAN_AGENT, within 7 days) goes out.
    const botReply = await queueOutbound(t, conversationId, 'bot', 'Nhắc lại: bạn được nghỉ 6 tháng.');
    await waitUntil(async () => (await messageById(db(), botReply))?.status === 'held', 20_000, 'the bot reply held');
    const officerReply = await queueOutbound(t, conversationId, 'officer', 'Chào bạn, mình là cán bộ công đoàn, mình đã xem hồ sơ của bạn.');
    await waitUntil(async () => (await messageById(db(), officerReply))?.status === 'sent', 20_000, 'the officer reply sent');

    await meta.deliver(webhook, meta.envelope([meta.text(user, 'em hỏi tiếp')]));
    await waitUntil(async () => sentTexts(user).includes('Trả lời: em hỏi tiếp'), 20_000, 'the new answer');
    const dropped = await messageById(db(), botReply);
    expect(dropped?.status).toBe('failed');
    expect(dropped?.lastError).toMatch(/^SUPERSEDED: /);
    expect(sentTexts(user)).not.toContain('Nhắc lại: bạn được nghỉ 6 tháng.');
  });
});
