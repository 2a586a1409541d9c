import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import type { InboundContent } from '../../../core/messages/content.js';
import type { InboundEvent, Sender } from '../../../core/messages/inbound.js';
import { toNfc } from '../../../core/text/vietnamese-fold.js';
import { parseWebhookJson, platformTime } from '../shared/webhook-json.js';
import { ZALO_POSTBACK_PREFIX } from './render.js';
import { ZaloEventSchema, type ZaloAttachment, type ZaloEvent } from './schemas.js';

const MEDIA_KINDS = { image: 'image', gif: 'gif', audio: 'audio', video: 'video', file: 'file', sticker: 'sticker' } as const;

/**
 * One Zalo webhook delivery → one event. Member messages are keyed by `msg_id`; a message without one
 * (seen on stickers) gets `zsyn-<timestamp>-<sender>`, stable across Zalo's redeliveries of the same body.
 * `oa_send_*` events are echoes of what the OA sent (ours, or typed by staff in the OA manager).
 */
export function decodeZaloWebhook(request: WebhookRequest, receivedAt: Date): InboundEvent[] {
  const event = parseWebhookJson(request, ZaloEventSchema, 'Zalo event');
  return [decodeEvent(event, receivedAt)];
}

function decodeEvent(event: ZaloEvent, receivedAt: Date): InboundEvent {
  const sentAt = platformTime(event.timestamp, receivedAt);
  const name = event.event_name;
  if (name === 'follow' || name === 'unfollow') {
    const userId = event.follower?.id ?? event.sender?.id;
    if (!userId) return ignored(`${name} without follower`);
    return { kind: name, channel: 'zalo', sender: member(userId), sentAt };
  }
  if (name === 'user_received_message' || name === 'user_seen_message') {
    // Receipts go from the OA to the user: the member is the recipient.
    const userId = event.recipient?.id ?? event.sender?.id;
    const ids = event.message?.msg_ids ?? (event.message?.msg_id ? [event.message.msg_id] : []);
    if (!userId || ids.length === 0) return ignored(`${name} without message ids`);
    return { kind: 'receipt', channel: 'zalo', status: name === 'user_seen_message' ? 'read' : 'delivered', platformMessageIds: ids, sender: member(userId), sentAt };
  }
  if (name.startsWith('oa_send_')) {
    const userId = event.recipient?.id;
    const content = event.message ? messageContent(name.slice('oa_send_'.length), event) : null;
    if (!userId || !event.message?.msg_id || !content) return ignored(`${name} without recipient, id or content`);
    return { kind: 'echo', channel: 'zalo', platformMessageId: event.message.msg_id, sender: member(userId), content, sentAt };
  }
  if (name.startsWith('user_send_')) {
    const userId = event.sender?.id;
    const content = messageContent(name.slice('user_send_'.length), event);
    if (!userId || !content) return ignored(`${name} without sender or content`);
    const platformMessageId = event.message?.msg_id ?? `zsyn-${event.timestamp}-${userId}`;
    return { kind: 'message', channel: 'zalo', platformMessageId, sender: member(userId), content, sentAt };
  }
  return ignored(`zalo event ${name}`);
}

function messageContent(type: string, event: ZaloEvent): InboundContent | null {
  const message = event.message;
  if (!message) return null;
  const attachment = message.attachments?.[0];
  const caption = message.text ? toNfc(message.text) : undefined;
  switch (type) {
    case 'text':
      return textOrPostback(message.text ?? '');
    case 'location':
      return location(attachment, message.location);
    case 'link':
      return { type: 'text', text: [caption, attachment?.payload?.url].filter(Boolean).join('\n') };
    case 'sticker':
      return { type: 'media', kind: 'sticker', ...(attachment?.payload?.url ? { url: attachment.payload.url } : {}) };
    case 'business_card':
      // The card's text (name, phone) is in its description; kept for officers, never parsed for the bot.
      return { type: 'contact', ...(attachment?.payload?.description ? { name: toNfc(attachment.payload.description).slice(0, 200) } : {}) };
    default: {
      const kind = MEDIA_KINDS[type as keyof typeof MEDIA_KINDS];
      if (!kind) return { type: 'unsupported', platformType: `zalo:${type}` };
      const all = message.attachments ?? [];
      // Several photos sent together arrive as one event with several attachments: one message, one reply.
      const items = all.length > 1 ? { items: all.map((a) => ({ kind: MEDIA_KINDS[a.type as keyof typeof MEDIA_KINDS] ?? kind, ...(a.payload?.url ? { url: a.payload.url } : {}) })) } : {};
      return {
        type: 'media',
        kind,
        ...(attachment?.payload?.url ? { url: attachment.payload.url } : {}),
        ...(attachment?.payload?.name ? { name: attachment.payload.name } : {}),
        ...(caption ? { caption } : {}),
        ...items,
      };
    }
  }
}

/** Our buttons are `oa.query.hide`: Zalo sends the button's payload back as the member's text. */
function textOrPostback(raw: string): InboundContent {
  const text = toNfc(raw);
  if (text.startsWith(ZALO_POSTBACK_PREFIX)) return { type: 'postback', payload: text.slice(ZALO_POSTBACK_PREFIX.length) };
  return { type: 'text', text };
}

/** Three shapes seen in the wild: attachment coordinates {latitude, longitude} (strings), {lat, long} (numbers), message.location. */
function location(attachment: ZaloAttachment | undefined, fallback: Record<string, unknown> | undefined): InboundContent {
  const source = (attachment?.payload?.coordinates ?? fallback ?? {}) as Record<string, unknown>;
  const latitude = Number(source.latitude ?? source.lat);
  const longitude = Number(source.longitude ?? source.long ?? source.lng);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { type: 'unsupported', platformType: 'zalo:location' };
  return { type: 'location', latitude, longitude };
}

function member(userId: string): Sender {
  return { platformUserId: userId, threadId: userId };
}

function ignored(reason: string): InboundEvent {
  return { kind: 'ignored', channel: 'zalo', reason };
}
