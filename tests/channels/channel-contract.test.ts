import { createHash, createHmac } from 'node:crypto';
import type { ChannelAdapter, WebhookRequest } from '../../core/channels/channel-adapter.js';
import { degradeContent } from '../../core/channels/degrade.js';
import type { OutboundContent } from '../../core/messages/content.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';
import { createBotFrameworkAdapter } from '../../bots/channels/botframework/adapter.js';
import { renderBotFrameworkParts } from '../../bots/channels/botframework/render.js';
import { createMessengerAdapter } from '../../bots/channels/messenger/adapter.js';
import { renderMessengerParts } from '../../bots/channels/messenger/render.js';
import { createTelegramAdapter } from '../../bots/channels/telegram/adapter.js';
import { renderTelegramParts } from '../../bots/channels/telegram/render.js';
import { createWebchatAdapter } from '../../bots/channels/web/adapter.js';
import { WEB_CAPABILITIES } from '../../bots/channels/web/capabilities.js';
import { renderWebchat } from '../../bots/channels/web/render.js';
import { createZaloAdapter } from '../../bots/channels/zalo/adapter.js';
import { renderZaloParts } from '../../bots/channels/zalo/render.js';
import { createInProcessHub } from '../../bots/realtime/realtime-hub.js';
import { describeChannelContract, type RenderedSummary } from './channel-contract.js';
import { BOTFRAMEWORK_FIXTURES, BOTFRAMEWORK_MALFORMED, BOTFRAMEWORK_UNKNOWN_EVENTS } from './fixtures/botframework-fixtures.js';
import { MESSENGER_FIXTURES, MESSENGER_MALFORMED, MESSENGER_UNKNOWN_EVENTS, OUR_APP_ID } from './fixtures/messenger-fixtures.js';
import { TELEGRAM_FIXTURES, TELEGRAM_MALFORMED, TELEGRAM_UNKNOWN_EVENTS } from './fixtures/telegram-fixtures.js';
import { ZALO_APP_ID, ZALO_FIXTURES, ZALO_MALFORMED, ZALO_OA_ID, ZALO_UNKNOWN_EVENTS } from './fixtures/zalo-fixtures.js';

// The contract exercises verify, decode, capabilities, rendering and policy: none of them touches the
// network or the database, so the send-side dependencies are stand-ins that fail loudly if ever called.
const notUsed = new Proxy({}, { get: (_t, name) => { throw new Error(`the contract suite must not call ${String(name)}`); } }) as never;
const FIXTURE_TIME = new Date('2026-03-02T08:00:00Z');
const clock = { now: () => FIXTURE_TIME };

const post = (raw: string, headers: Record<string, string> = {}): WebhookRequest => ({ method: 'POST', headers, query: {}, rawBody: Buffer.from(raw, 'utf8') });
const field = (raw: string, name: string) => /"(?:[^"\\]|\\.)*"|[^,}]+/.exec(raw.slice(raw.indexOf(`"${name}":`) + name.length + 3))?.[0]?.replace(/^"|"$/g, '') ?? '';

type Payload = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), value);

// --- Zalo -------------------------------------------------------------------------------------------
const ZALO_SECRET = 'oa-secret-key';
const zaloMac = (raw: string, secret: string) => `mac=${createHash('sha256').update(ZALO_APP_ID + raw + field(raw, 'timestamp') + secret).digest('hex')}`;

describeChannelContract({
  name: 'zalo',
  adapter: () =>
    createZaloAdapter({
      config: { appId: ZALO_APP_ID, oaSecretKey: ZALO_SECRET, appSecret: 'x', accountId: ZALO_OA_ID, refreshToken: 'x', apiBaseUrl: 'http://127.0.0.1:9', oauthBaseUrl: 'http://127.0.0.1:9', transactionTemplate: null },
      client: notUsed,
      delivery: notUsed,
      clock,
    }),
  signing: {
    sign: (raw) => post(raw, { 'x-zevent-signature': zaloMac(raw, ZALO_SECRET) }),
    tamper: (raw) => post(raw, { 'x-zevent-signature': zaloMac(raw, 'another-secret') }),
    unsigned: (raw) => post(raw),
    coversBody: true,
  },
  fixtures: ZALO_FIXTURES,
  unknownEvents: ZALO_UNKNOWN_EVENTS,
  malformed: ZALO_MALFORMED,
  render: (content) =>
    renderZaloParts(content).map(({ payload }) => {
      const template = at(payload, 'attachment', 'payload') as Payload | undefined;
      const buttons = (template?.buttons as { title: string }[] | undefined) ?? [];
      const image = template?.template_type === 'media' ? (at(template, 'elements', 0, 'url') as string) : undefined;
      return { text: (payload.text as string | undefined) ?? '', buttons: buttons.map((b) => b.title), ...(image ? { imageUrl: image } : {}) };
    }),
});

// --- Messenger --------------------------------------------------------------------------------------
const APP_SECRET = 'meta-app-secret';
const hubSignature = (raw: string, secret: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const hub = (query: Record<string, string>): WebhookRequest => ({ method: 'GET', headers: {}, query, rawBody: Buffer.alloc(0) });

describeChannelContract({
  name: 'messenger',
  adapter: () =>
    createMessengerAdapter({
      config: { appSecret: APP_SECRET, verifyToken: 'verify-me', pageAccessToken: 'x', appId: OUR_APP_ID, pageId: 'me', apiBaseUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' },
      client: notUsed,
      delivery: notUsed,
    }),
  handshake: {
    good: hub({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' }),
    challenge: '1158201444',
    bad: hub({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1158201444' }),
  },
  signing: {
    sign: (raw) => post(raw, { 'x-hub-signature-256': hubSignature(raw, APP_SECRET) }),
    tamper: (raw) => post(raw, { 'x-hub-signature-256': hubSignature(raw, 'not-the-secret') }),
    unsigned: (raw) => post(raw, { 'x-hub-signature': 'sha1=legacy-only' }),
    coversBody: true,
  },
  fixtures: MESSENGER_FIXTURES,
  unknownEvents: MESSENGER_UNKNOWN_EVENTS,
  malformed: MESSENGER_MALFORMED,
  render: (content) =>
    renderMessengerParts(content).map(({ payload }) => {
      const attachment = payload.attachment as Payload | undefined;
      const url = at(attachment, 'payload', 'url') as string | undefined;
      const template = attachment?.type === 'template' ? (at(attachment, 'payload', 'elements', 0) as Payload) : undefined;
      const quick = (payload.quick_replies as { title: string }[] | undefined) ?? [];
      return {
        text: (payload.text as string | undefined) ?? '',
        buttons: quick.map((q) => q.title),
        ...(attachment?.type === 'image' && url ? { imageUrl: url } : {}),
        ...(attachment?.type === 'file' && url ? { fileUrl: url } : {}),
        ...(template ? { card: true } : {}),
      };
    }),
});

// --- Telegram ---------------------------------------------------------------------------------------
const TG_SECRET = 'tg_secret-123';

describeChannelContract({
  name: 'telegram',
  adapter: () => createTelegramAdapter({ config: { token: '1:x', webhookSecret: TG_SECRET, apiRoot: 'http://127.0.0.1:9', username: null }, client: notUsed, delivery: notUsed }),
  signing: {
    sign: (raw) => post(raw, { 'x-telegram-bot-api-secret-token': TG_SECRET }),
    tamper: (raw) => post(raw, { 'x-telegram-bot-api-secret-token': 'tg_secret-124' }),
    unsigned: (raw) => post(raw),
    coversBody: false,
  },
  fixtures: TELEGRAM_FIXTURES,
  unknownEvents: TELEGRAM_UNKNOWN_EVENTS,
  malformed: TELEGRAM_MALFORMED,
  render: (content) =>
    renderTelegramParts(content).map(({ payload }): RenderedSummary => {
      if (payload.method === 'sendMessage') return { text: payload.text, buttons: (payload.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text) };
      return { text: payload.caption ?? '', buttons: [], ...(payload.method === 'sendPhoto' ? { imageUrl: payload.url } : { fileUrl: payload.url }) };
    }),
});

// --- Bot Framework ----------------------------------------------------------------------------------
describeChannelContract({
  name: 'botframework',
  adapter: () => createBotFrameworkAdapter({ client: notUsed, threadRefs: notUsed, delivery: notUsed }),
  noSignature: { reason: "Microsoft's JWT is validated by botbuilder CloudAdapter in /api/messages; the generic flow refuses every request", verdict: 'rejected' },
  fixtures: BOTFRAMEWORK_FIXTURES,
  unknownEvents: BOTFRAMEWORK_UNKNOWN_EVENTS,
  malformed: BOTFRAMEWORK_MALFORMED,
  render: (content) =>
    renderBotFrameworkParts(content).map(({ payload }) => {
      const card = at(payload, 'attachments', 0, 'content') as Payload | undefined;
      const buttons = ((card?.buttons as { type: string; title: string }[] | undefined) ?? []).filter((b) => b.type === 'messageBack');
      const image = at(card, 'images', 0, 'url') as string | undefined;
      return {
        text: (payload.text as string | undefined) ?? (card?.text as string | undefined) ?? '',
        buttons: card?.title ? [] : buttons.map((b) => b.title),
        ...(card?.title ? { card: true } : {}),
        ...(image ? { imageUrl: image } : {}),
      };
    }),
});

// --- Web chat ---------------------------------------------------------------------------------------
const SESSION = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
const webMessage = (content: OutboundContent): OutboundMessage => ({
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  conversationId: 'a1b2c3d4-0000-4000-8000-000000000002',
  channel: 'web',
  recipient: { platformUserId: SESSION, threadId: SESSION },
  content,
  author: 'bot',
  kind: 'answer',
  replyToPlatformMessageId: null,
  attempt: 1,
});

describeChannelContract({
  name: 'web',
  adapter: (): ChannelAdapter => createWebchatAdapter({ hub: createInProcessHub() }),
  noSignature: { reason: 'the /chat page is served same-origin; the random session id is the credential', verdict: 'accepted' },
  fixtures: [
    {
      name: 'text from the page',
      raw: JSON.stringify({ sessionId: SESSION, clientMessageId: '0d9c8b7a-6f5e-4d3c-8b1a-0f9e8d7c6b5a', text: 'Xin chào', unitCode: 'CDCS001' }),
      expected: [{ kind: 'message', platformMessageId: '0d9c8b7a-6f5e-4d3c-8b1a-0f9e8d7c6b5a', content: { type: 'text', text: 'Xin chào' }, joinCode: 'CDCS001' }],
    },
    {
      name: 'button press from the page',
      raw: JSON.stringify({ sessionId: SESSION, clientMessageId: '1d9c8b7a-6f5e-4d3c-8b1a-0f9e8d7c6b5a', postback: { payload: 'handoff:accept', title: 'Gặp cán bộ' } }),
      expected: [{ kind: 'message', content: { type: 'postback', payload: 'handoff:accept', text: 'Gặp cán bộ' } }],
    },
  ],
  // The page only ever posts messages: there is no other event type to ignore.
  unknownEvents: [],
  malformed: ['{oops'],
  render: (content) =>
    renderWebchat(webMessage(content), degradeContent(content, WEB_CAPABILITIES)).parts.map((part, index) => {
      const source = degradeContent(content, WEB_CAPABILITIES)[index];
      return {
        text: part.text,
        buttons: 'choices' in part && part.choices ? part.choices.map((c) => c.title) : [],
        ...(source?.type === 'media' && part.text === source.url ? { [source.kind === 'image' ? 'imageUrl' : 'fileUrl']: source.url } : {}),
      };
    }),
});
