import { and, eq } from 'drizzle-orm';
import { ConversationDetailDtoSchema } from '../../core/contracts/inbox-api.js';
import { channelIdentities, conversations, messages } from '../../bots/storage/schema/index.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { adminApi, INBOX_SCRIPT, itemIds } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue #9 gap 5, through the real server and a (fake) Telegram: a hand-off transferred to another unit and then
 * to another officer, who answers the member; a reply the platform refused, visible as failed, sent again once.
 */
const TG = { token: '7000011:AAE-transfer-retry', secret: 'transfer_secret' };
const classifier = createScriptedClassifier(INBOX_SCRIPT);

describe.each(testBackends())('inbox transfer and retry through the server on $name', (backend) => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: telegram.url },
    });
    Object.assign(
      tokens,
      await createAccounts(t, [
        ['tw@x.vn', 'TLD', 'officer'],
        ['hn1@x.vn', 'HN', 'officer'],
        ['hn2@x.vn', 'HN', 'officer'],
        ['hcm@x.vn', 'HCM', 'officer'],
      ]),
    );
    api = adminApi(t, tokens);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  const send = (chatId: number, text: string) => telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(chatId, text), TG.secret);
  const received = (chatId: number) => telegram.sent.filter((call) => call.method === 'sendMessage' && String(call.params.chat_id) === String(chatId)).map((call) => String(call.params.text));

  /** A Telegram member (no union named: the intake unit, the top) asks for a person; resolves with the queued conversation. */
  async function handOff(chatId: number): Promise<string> {
    await send(chatId, 'cho tôi gặp cán bộ công đoàn');
    return waitUntil(
      async () => {
        const [identity] = await t.database.db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, String(chatId)));
        if (!identity) return null;
        const [row] = await t.database.db.select().from(conversations).where(eq(conversations.memberId, identity.memberId));
        return row?.state === 'waiting_officer' && row.slaDueAt !== null ? row.id : null;
      },
      20_000,
      'the hand-off in its queue',
    );
  }

  it('moves a hand-off to another unit, then to one of its officers, who answers the member; the others lose it', async () => {
    const id = await handOff(9301);
    expect(itemIds((await api('tw@x.vn', 'GET', '/conversations?view=waiting')).body)).toContain(id);
    expect(itemIds((await api('hn1@x.vn', 'GET', '/conversations?view=waiting')).body)).not.toContain(id);

    // The national officer claims it, then hands it to the Hà Nội federation's queue.
    expect((await api('tw@x.vn', 'POST', `/conversations/${id}/claim`)).status).toBe(200);
    const targets = await api('tw@x.vn', 'GET', `/conversations/${id}/transfer-targets`);
    expect((targets.body.units as { code: string }[]).map((u) => u.code)).toEqual(expect.arrayContaining(['HN', 'HCM', 'A1']));
    const toUnit = await api('tw@x.vn', 'POST', `/conversations/${id}/transfer`, { unitCode: 'HN' });
    expect(toUnit.status).toBe(200);
    expect(toUnit.body.conversation).toMatchObject({ state: 'waiting_officer', queueUnit: { code: 'HN' }, assignedOfficer: null });
    expect(itemIds((await api('tw@x.vn', 'GET', '/conversations?view=mine')).body)).not.toContain(id);
    expect(itemIds((await api('hn1@x.vn', 'GET', '/conversations?view=waiting')).body)).toContain(id);
    expect(itemIds((await api('hcm@x.vn', 'GET', '/conversations?view=waiting')).body)).not.toContain(id);
    expect((await api('hcm@x.vn', 'GET', `/conversations/${id}`)).status).toBe(404);
    // Someone outside the new queue cannot be chosen, nor a unit outside the actor's scope.
    expect((await api('hn1@x.vn', 'POST', `/conversations/${id}/transfer`, { unitCode: 'HCM' })).status).toBe(404);

    // An officer of HN passes it to their colleague, who replies; the member gets it on Telegram.
    const colleague = ((await api('hn1@x.vn', 'GET', `/conversations/${id}/transfer-targets`)).body.officers as { id: string; displayName: string }[]).find((o) => o.displayName === 'hn2@x.vn');
    expect(colleague).toBeDefined();
    const toOfficer = await api('hn1@x.vn', 'POST', `/conversations/${id}/transfer`, { officerId: colleague?.id });
    expect(toOfficer.status).toBe(200);
    expect(toOfficer.body.conversation).toMatchObject({ state: 'officer', assignedOfficer: { displayName: 'hn2@x.vn' } });
    expect(itemIds((await api('hn2@x.vn', 'GET', '/conversations?view=mine')).body)).toContain(id);
    expect((await api('hn1@x.vn', 'POST', `/conversations/${id}/messages`, { text: 'xen ngang' })).status).toBe(409);
    expect((await api('hn2@x.vn', 'POST', `/conversations/${id}/messages`, { text: 'Chào bạn, mình là cán bộ LĐLĐ Hà Nội.' })).status).toBe(202);
    await waitUntil(async () => received(9301).includes('Chào bạn, mình là cán bộ LĐLĐ Hà Nội.'), 20_000, 'the member receives the reply');
  });

  it('shows a reply the platform refused as failed, sends it again once on retry, and refuses a second retry', async () => {
    const id = await handOff(9302);
    expect((await api('tw@x.vn', 'POST', `/conversations/${id}/claim`)).status).toBe(200);
    // Telegram refuses the next send with a permanent error: no automatic retry, the reply is marked failed.
    telegram.failMethod('sendMessage', 1, 400, 'Bad Request: chat not found');
    const sent = await api('tw@x.vn', 'POST', `/conversations/${id}/messages`, { text: 'Bạn cho mình biết tên công ty nhé.' });
    expect(sent.status).toBe(202);
    const messageId = (sent.body.message as { id: string }).id;
    await waitUntil(async () => (await t.database.db.select().from(messages).where(eq(messages.id, messageId)))[0]?.status === 'failed', 20_000, 'the reply marked failed');
    const view = ConversationDetailDtoSchema.parse((await api('tw@x.vn', 'GET', `/conversations/${id}`)).body);
    expect(view.messages.find((m) => m.id === messageId)).toMatchObject({ deliveryStatus: 'failed', retryable: true, author: 'officer' });
    expect(received(9302)).not.toContain('Bạn cho mình biết tên công ty nhé.');

    // Only the holder retries; bad input and unknown messages change nothing.
    expect((await api('hn1@x.vn', 'POST', `/conversations/${id}/messages/${messageId}/retry`)).status).toBe(404);
    expect((await api('tw@x.vn', 'POST', `/conversations/${id}/messages/${messageId}/retry`, { asOfficer: 'yes' })).status).toBe(422);
    expect((await api('tw@x.vn', 'POST', `/conversations/${id}/messages/${id}/retry`)).status).toBe(404);

    const retried = await api('tw@x.vn', 'POST', `/conversations/${id}/messages/${messageId}/retry`);
    expect(retried.status).toBe(202);
    await waitUntil(async () => (await t.database.db.select().from(messages).where(eq(messages.id, messageId)))[0]?.status === 'sent', 20_000, 'the retried reply sent');
    expect(received(9302).filter((text) => text === 'Bạn cho mình biết tên công ty nhé.')).toHaveLength(1);
    const again = await api('tw@x.vn', 'POST', `/conversations/${id}/messages/${messageId}/retry`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CONVERSATION_NOT_ACTIONABLE' } });
    const after = ConversationDetailDtoSchema.parse((await api('tw@x.vn', 'GET', `/conversations/${id}`)).body);
    expect(after.messages.find((m) => m.id === messageId)).toMatchObject({ deliveryStatus: 'sent' });
    const rows = await t.database.db.select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.text, 'Bạn cho mình biết tên công ty nhé.')));
    expect(rows).toHaveLength(1);
  });
});
