import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import { STANDARD_PAYLOADS } from '../../../core/channels/standard-payloads.js';
import type { InboundContent } from '../../../core/messages/content.js';
import type { InboundEvent, Sender } from '../../../core/messages/inbound.js';
import { toNfc } from '../../../core/text/vietnamese-fold.js';
import { parseWebhookJson, platformTime } from '../shared/webhook-json.js';
import { MESSENGER_METADATA_PREFIX } from './render.js';
import { MessengerWebhookSchema, type MessengerEvent, type MessengerMessage } from './schemas.js';

/** The payload we configure for the Page's "Get started" button (README.md). */
export const MESSENGER_GET_STARTED_PAYLOAD = 'GET_STARTED';

const MEDIA_TYPES = { image: 'image', video: 'video', audio: 'audio', file: 'file' } as const;
const JOIN_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;

/**
 * One webhook POST → the events of every entry (Meta batches: `entry[]` and `messaging[]` are both
 * arrays). Messages are keyed by `mid`; postbacks by their `mid` (since Graph v11) or sender+timestamp.
 * `standby` events (another app owns the thread) are acknowledged and ignored: our officers work in our
 * inbox, not through Meta's conversation routing.
 */
export function decodeMessengerWebhook(request: WebhookRequest, receivedAt: Date, ourAppId: string | null): InboundEvent[] {
  const body = parseWebhookJson(request, MessengerWebhookSchema, 'Messenger webhook');
  if (body.object !== 'page') return [ignored(`object ${body.object}`)];
  const events: InboundEvent[] = [];
  for (const entry of body.entry) {
    for (const event of entry.messaging ?? []) events.push(...decodeEvent(event, receivedAt, ourAppId));
    if (entry.standby?.length) events.push(ignored(`${entry.standby.length} standby event(s)`));
  }
  return events.length > 0 ? events : [ignored('no events')];
}

function decodeEvent(event: MessengerEvent, receivedAt: Date, ourAppId: string | null): InboundEvent[] {
  const sentAt = platformTime(event.timestamp, receivedAt);
  if (event.message?.is_echo) return [decodeEcho(event, event.message, sentAt, ourAppId)];
  const psid = event.sender.id;
  if (event.message) return decodeMessage(event.message, member(psid), sentAt);
  if (event.postback) {
    const referral = event.postback.referral;
    const payload = event.postback.payload ?? '';
    const start = payload === MESSENGER_GET_STARTED_PAYLOAD || referral !== undefined;
    const joinCode = joinCodeOf(referral?.ref);
    return [
      {
        kind: 'message',
        channel: 'messenger',
        platformMessageId: event.postback.mid ?? `pb-${psid}-${sentAt.getTime()}`,
        sender: member(psid),
        content: start ? { type: 'postback', payload: STANDARD_PAYLOADS.start } : { type: 'postback', payload, ...(event.postback.title ? { text: toNfc(event.postback.title) } : {}) },
        sentAt,
        ...(joinCode ? { joinCode } : {}),
      },
    ];
  }
  if (event.referral) {
    // An m.me/<page>?ref=CODE link opened in an existing thread: no message, but a join to act on.
    const joinCode = joinCodeOf(event.referral.ref);
    return [
      {
        kind: 'message',
        channel: 'messenger',
        platformMessageId: `ref-${psid}-${sentAt.getTime()}`,
        sender: member(psid),
        content: { type: 'postback', payload: STANDARD_PAYLOADS.start },
        sentAt,
        ...(joinCode ? { joinCode } : {}),
      },
    ];
  }
  if (event.delivery?.mids?.length) {
    return [{ kind: 'receipt', channel: 'messenger', status: 'delivered', platformMessageIds: event.delivery.mids, sender: member(psid), sentAt }];
  }
  if (event.read) {
    // Reads carry a watermark, not ids: the handler stamps everything sent up to it (see channel-events.ts).
    return [{ kind: 'receipt', channel: 'messenger', status: 'read', platformMessageIds: [], sender: member(psid), sentAt: platformTime(event.read.watermark, sentAt) }];
  }
  return [ignored('messenger event without message, postback, referral or receipt')];
}

function decodeMessage(message: MessengerMessage, sender: Sender, sentAt: Date): InboundEvent[] {
  const base = { kind: 'message' as const, channel: 'messenger' as const, sender, sentAt };
  if (message.quick_reply) {
    return [{ ...base, platformMessageId: message.mid, content: { type: 'postback', payload: message.quick_reply.payload, ...(message.text ? { text: toNfc(message.text) } : {}) } }];
  }
  const attachments = message.attachments ?? [];
  // A shared link arrives as text plus a `fallback` attachment previewing it: the text is the message.
  const onlyPreviews = attachments.every((a) => a.type === 'fallback') && message.text !== undefined;
  if (attachments.length === 0 || onlyPreviews) return [{ ...base, platformMessageId: message.mid, content: { type: 'text', text: toNfc(message.text ?? '') } }];
  // Until 2026-08-30 a sticker arrives as a sticker attachment plus an image of it: one sticker, not two messages.
  if (attachments.some((a) => a.type === 'sticker' || a.payload?.sticker_id !== undefined)) {
    const sticker = attachments.find((a) => a.type === 'sticker') ?? attachments[0];
    return [{ ...base, platformMessageId: message.mid, content: { type: 'media', kind: 'sticker', ...(sticker?.payload?.url ? { url: sticker.payload.url } : {}) } }];
  }
  // Several photos in one message are one message with its items: the member gets one reply, not three.
  const first = attachmentContent(attachments[0] as NonNullable<MessengerMessage['attachments']>[number], message.text);
  if (attachments.length === 1 || first.type !== 'media') return [{ ...base, platformMessageId: message.mid, content: first }];
  const items = attachments.map((attachment) => attachmentContent(attachment, undefined)).flatMap((c) => (c.type === 'media' ? [{ kind: c.kind, ...(c.url ? { url: c.url } : {}) }] : []));
  return [{ ...base, platformMessageId: message.mid, content: { ...first, items } }];
}

function attachmentContent(attachment: NonNullable<MessengerMessage['attachments']>[number], text: string | undefined): InboundContent {
  const coordinates = attachment.payload?.coordinates;
  if (attachment.type === 'location' && coordinates) return { type: 'location', latitude: coordinates.lat, longitude: coordinates.long };
  const kind = MEDIA_TYPES[attachment.type as keyof typeof MEDIA_TYPES];
  if (!kind) return { type: 'unsupported', platformType: `messenger:${attachment.type}` };
  return { type: 'media', kind, ...(attachment.payload?.url ? { url: attachment.payload.url } : {}), ...(text ? { caption: toNfc(text) } : {}) };
}

/**
 * What the Page sent. Ours (our app id, or our metadata marker) is ignored; anything else was typed by a
 * person in the Page inbox / Business Suite and puts the conversation in officer mode.
 */
function decodeEcho(event: MessengerEvent, message: MessengerMessage, sentAt: Date, ourAppId: string | null): InboundEvent {
  if ((ourAppId && message.app_id === ourAppId) || message.metadata?.startsWith(MESSENGER_METADATA_PREFIX)) return ignored('own echo');
  const psid = event.recipient.id;
  const first = message.attachments?.[0];
  const content: InboundContent = message.text !== undefined ? { type: 'text', text: toNfc(message.text) } : first ? attachmentContent(first, undefined) : { type: 'unsupported', platformType: 'messenger:echo' };
  return { kind: 'echo', channel: 'messenger', platformMessageId: message.mid, sender: member(psid), content, sentAt };
}

/** `ref` is the unit code itself (`m.me/page?ref=CDCS001`) or `unit=CDCS001`. */
function joinCodeOf(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const code = ref.includes('=') ? new URLSearchParams(ref).get('unit') ?? '' : ref;
  return JOIN_CODE.test(code.trim()) ? code.trim().toUpperCase() : undefined;
}

function member(psid: string): Sender {
  return { platformUserId: psid, threadId: psid };
}

function ignored(reason: string): InboundEvent {
  return { kind: 'ignored', channel: 'messenger', reason };
}
