import { randomInt } from 'node:crypto';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { META_TEST_APP as META, startThreePlatforms, ZALO_TEST_APP as ZALO, type ThreePlatforms } from './support/three-platforms.js';
import { conversationOf, messagesOf, seedUnits, waitForOutbound } from './support/channel-e2e.js';

const TG = { token: '7000004:AAE-types-test', secret: 'types_secret' };
const classifier = createScriptedClassifier({
  'bị sa thải không báo trước': { route: 'question', topic: 'termination' },
  'giấy này công ty bắt ký': { route: 'question', topic: 'contract' },
  'em muốn gặp cán bộ công đoàn': { route: 'handoff', topic: 'union' },
  'Hỏi về lương': { route: 'question', topic: 'wages' },
});

/** Issue #15 finding 5 and "every inbound type": each message gets ONE sensible reply, classified on its words. */
describe.each(testBackends())('every inbound type on $name', (backend) => {
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
    hooks.zalo = `${t.baseUrl}/webhooks/zalo`;
    hooks.telegram = `${t.baseUrl}/webhooks/telegram`;
    hooks.messenger = `${t.baseUrl}/webhooks/messenger`;
    // Three fake platforms and an embedded platform start cold: over 60 s once in CI on a loaded 2-core machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await fakes?.close();
  });

  const db = () => t.database.db;
  const psid = () => `2402${randomInt(10 ** 11, 10 ** 12)}`;
  const tgUser = () => randomInt(1_000_000_000, 6_000_000_000);
  const outTexts = async (channel: 'zalo' | 'telegram' | 'messenger', thread: string) =>
    (await messagesOf(db(), channel, thread)).filter((m) => m.direction === 'out').map((m) => m.text);
  const messenger = (user: string, message: Record<string, unknown>) => ({ sender: { id: user }, recipient: { id: META.pageId }, timestamp: Date.now(), message: { mid: meta.nextMid(), ...message } });
  const tgMessage = (user: number, fields: Record<string, unknown>, id = randomInt(1, 1_000_000)) => ({
    update_id: randomInt(1, 10 ** 9),
    message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'An' }, ...fields },
  });

  it('Messenger: three photos in one message get one reply; a photo with a caption is classified and answered; a location is a location', async () => {
    const user = psid();
    const photos = [1, 2, 3].map((n) => ({ type: 'image', payload: { url: `https://cdn.example/${n}.jpg` } }));
    await meta.deliver(hooks.messenger, meta.envelope([messenger(user, { attachments: photos })]));
    await waitForOutbound(db(), 'messenger', user, 1);
    await waitForIdle(db());
    const afterPhotos = await expectStable(() => outTexts('messenger', user), 'replies to three photos');
    expect(afterPhotos).toHaveLength(1);
    expect(afterPhotos[0]).toContain('Mình đã nhận được 3 ảnh bạn gửi');
    const [stored] = (await messagesOf(db(), 'messenger', user)).filter((m) => m.direction === 'in');
    expect(stored?.content).toMatchObject({ type: 'media', kind: 'image', items: [{ url: 'https://cdn.example/1.jpg' }, { url: 'https://cdn.example/2.jpg' }, { url: 'https://cdn.example/3.jpg' }] });

    await meta.deliver(hooks.messenger, meta.envelope([messenger(user, { text: 'bị sa thải không báo trước', attachments: [{ type: 'image', payload: { url: 'https://cdn.example/qd.jpg' } }] })]));
    const [, answer] = await waitForOutbound(db(), 'messenger', user, 2);
    expect(answer?.text).toBe('Trả lời: bị sa thải không báo trước');
    const captioned = (await messagesOf(db(), 'messenger', user)).filter((m) => m.direction === 'in')[1];
    expect(captioned).toMatchObject({ route: 'question', topic: 'termination' });

    await meta.deliver(hooks.messenger, meta.envelope([messenger(user, { attachments: [{ type: 'location', payload: { coordinates: { lat: 21.0285, long: 105.8542 } } }] })]));
    const replies = await waitForOutbound(db(), 'messenger', user, 3);
    expect(replies[2]?.text).toContain('Mình đã nhận vị trí bạn gửi');
    expect(replies[2]?.text).not.toContain('hình ảnh');
  });

  it('Telegram: an unknown button, a contact, a voice note, a sticker, and an edit that asks for an officer', async () => {
    const user = tgUser();
    const thread = String(user);
    await telegram.deliver(hooks.telegram, telegram.callbackUpdate(user, 'menu:old-campaign-2025'), TG.secret);
    expect((await waitForOutbound(db(), 'telegram', thread, 1))[0]?.text).toContain('Nút bạn vừa bấm đã cũ');
    await telegram.deliver(hooks.telegram, tgMessage(user, { contact: { phone_number: '+84912345678', first_name: 'Hoà' } }), TG.secret);
    expect((await waitForOutbound(db(), 'telegram', thread, 2))[1]?.text).toContain('danh thiếp');
    await telegram.deliver(hooks.telegram, tgMessage(user, { voice: { file_id: 'AwACAgIAAxkBAAIB' } }), TG.secret);
    expect((await waitForOutbound(db(), 'telegram', thread, 3))[2]?.text).toContain('tin nhắn thoại');
    await telegram.deliver(hooks.telegram, tgMessage(user, { sticker: { file_id: 'CAACAgIAAxkBAAIC' } }), TG.secret);
    expect((await waitForOutbound(db(), 'telegram', thread, 4))[3]?.text).toContain('nhãn dán');

    const id = randomInt(1, 1_000_000);
    await telegram.deliver(hooks.telegram, tgMessage(user, { text: 'bị sa thải không báo trước' }, id), TG.secret);
    await waitForOutbound(db(), 'telegram', thread, 5);
    const edit = tgMessage(user, { text: 'em muốn gặp cán bộ công đoàn', edit_date: Math.floor(Date.now() / 1000) + 1 }, id);
    await telegram.deliver(hooks.telegram, { update_id: edit.update_id, edited_message: edit.message }, TG.secret);
    expect((await waitForOutbound(db(), 'telegram', thread, 6))[5]?.text).toContain('cán bộ công đoàn');
    expect((await conversationOf(db(), 'telegram', thread))?.state).toBe('waiting_officer');
    // The same edit redelivered is recorded once.
    await telegram.deliver(hooks.telegram, { update_id: edit.update_id, edited_message: edit.message }, TG.secret);
    await waitForIdle(db());
    expect((await messagesOf(db(), 'telegram', thread)).filter((m) => m.direction === 'in')).toHaveLength(6);
  });

  it('Telegram: an album (three photos, the caption on the second) is one message with one reply, classified on its caption', async () => {
    const user = tgUser();
    const thread = String(user);
    const group = `1340${randomInt(10 ** 11, 10 ** 12)}`;
    const photo = (id: string) => ({ photo: [{ file_id: `${id}-small` }, { file_id: id }], media_group_id: group });
    // Telegram sends the photos as separate updates, a moment apart.
    await telegram.deliver(hooks.telegram, tgMessage(user, photo('AgAD-1')), TG.secret);
    await telegram.deliver(hooks.telegram, tgMessage(user, { ...photo('AgAD-2'), caption: 'giấy này công ty bắt ký' }), TG.secret);
    await telegram.deliver(hooks.telegram, tgMessage(user, photo('AgAD-3')), TG.secret);
    await waitForOutbound(db(), 'telegram', thread, 1);
    await waitForIdle(db());
    const stored = await expectStable(async () => {
      const rows = await messagesOf(db(), 'telegram', thread);
      return { inbound: rows.filter((m) => m.direction === 'in').length, replies: rows.filter((m) => m.direction === 'out').map((m) => m.text) };
    }, 'album replies');
    expect(stored.inbound).toBe(3);
    expect(stored.replies).toEqual(['Trả lời: giấy này công ty bắt ký']);
    const rows = (await messagesOf(db(), 'telegram', thread)).filter((m) => m.direction === 'in');
    expect(rows[0]?.meta).toMatchObject({ mediaGroup: `${user}-${group}`, albumParts: rows.map((r) => r.id) });
    expect(rows[1]?.meta).toMatchObject({ albumPartOf: rows[0]?.id });
    expect(rows.every((r) => r.status === 'processed')).toBe(true);
  });

  it('Zalo: a photo with a caption is classified and answered', async () => {
    const user = `8${randomInt(10 ** 13, 10 ** 14)}`;
    const event = zalo.event('user_send_image', {
      sender: { id: user },
      recipient: { id: ZALO.oaId },
      message: { msg_id: zalo.nextMessageId(), text: 'giấy này công ty bắt ký', attachments: [{ type: 'image', payload: { url: 'https://zalo.example/a.jpg' } }, { type: 'image', payload: { url: 'https://zalo.example/b.jpg' } }] },
    });
    await zalo.deliver(hooks.zalo, event);
    const replies = await waitForOutbound(db(), 'zalo', user, 2);
    expect(replies.map((r) => r.text)).toContain('Trả lời: giấy này công ty bắt ký');
    const [stored] = (await messagesOf(db(), 'zalo', user)).filter((m) => m.direction === 'in');
    expect(stored).toMatchObject({ route: 'question', topic: 'contract' });
    expect((stored?.content as { items?: unknown[] }).items).toHaveLength(2);
  });
});
