import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import type { InboundContent } from '../../../core/messages/content.js';
import type { InboundEvent, Sender } from '../../../core/messages/inbound.js';
import { toNfc } from '../../../core/text/vietnamese-fold.js';
import { parseWebhookJson } from '../shared/webhook-json.js';
import { TelegramUpdateSchema, type TelegramMessage, type TelegramUpdate } from './schemas.js';

/** Prefix of the platform id of a button press: the callback query id follows (answered after the durable write). */
export const CALLBACK_ID_PREFIX = 'cbq-';
const START = /^\/start(?:@[A-Za-z0-9_]+)?(?:\s+([A-Za-z0-9_-]{2,64}))?\s*$/;

/**
 * One update → one event. Dedupe keys (documented in README.md): a message is `<chat id>-<message id>`
 * (message ids are unique per chat and never reused, unlike update ids, which Telegram may restart after a
 * week without updates); a button press is `cbq-<callback query id>`. Only private chats are members'
 * conversations; group traffic is acknowledged and ignored.
 */
export function decodeTelegramUpdate(request: WebhookRequest, receivedAt: Date): InboundEvent[] {
  const update = parseWebhookJson(request, TelegramUpdateSchema, 'Telegram update');
  return [decode(update, receivedAt)];
}

function decode(update: TelegramUpdate, receivedAt: Date): InboundEvent {
  if (update.message) return decodeMessage(update.message);
  const query = update.callback_query;
  if (query) {
    if (query.data === undefined) return ignored('callback query without data');
    const chatId = query.message?.chat.id ?? query.from.id;
    return {
      kind: 'message',
      channel: 'telegram',
      platformMessageId: `${CALLBACK_ID_PREFIX}${query.id}`,
      sender: { platformUserId: String(query.from.id), threadId: String(chatId), ...displayName(query.from) },
      content: { type: 'postback', payload: query.data },
      sentAt: receivedAt,
    };
  }
  const membership = update.my_chat_member;
  if (membership && membership.chat.type === 'private') {
    // The member blocked (kicked) or unblocked the bot: Telegram's follow/unfollow.
    const status = membership.new_chat_member.status;
    const kind = status === 'kicked' ? 'unfollow' : status === 'member' ? 'follow' : null;
    if (kind) return { kind, channel: 'telegram', sender: sender(membership.from, membership.chat.id), sentAt: new Date(membership.date * 1000) };
  }
  // An edit is handled as a new message of the member's (keyed by the edit's date, so each edit counts once):
  // a member who corrects "lương" into "em muốn gặp cán bộ" must reach an officer.
  if (update.edited_message) return decodeMessage(update.edited_message);
  return ignored(`telegram update ${update.update_id} of another kind`);
}

function decodeMessage(message: TelegramMessage): InboundEvent {
  if (message.chat.type !== 'private' || !message.from) return ignored(`message in a ${message.chat.type} chat`);
  const text = message.text !== undefined ? toNfc(message.text) : undefined;
  const joinCode = text ? START.exec(text)?.[1]?.toUpperCase() : undefined;
  return {
    kind: 'message',
    channel: 'telegram',
    platformMessageId: `${message.chat.id}-${message.message_id}${message.edit_date !== undefined ? `-edit-${message.edit_date}` : ''}`,
    sender: sender(message.from, message.chat.id),
    content: text !== undefined ? { type: 'text', text } : nonText(message),
    sentAt: new Date((message.edit_date ?? message.date) * 1000),
    ...(joinCode && message.edit_date === undefined ? { joinCode } : {}),
    // Edits of an album's photo are their own message (the album was answered already).
    ...(message.media_group_id && message.edit_date === undefined ? { mediaGroup: `${message.chat.id}-${message.media_group_id}` } : {}),
  };
}

/** Files are referenced by file id (`telegram-file:<id>`): officers fetch them through getFile when needed. */
function nonText(message: TelegramMessage): InboundContent {
  const caption = message.caption ? { caption: toNfc(message.caption) } : {};
  const file = (kind: 'image' | 'audio' | 'video' | 'file' | 'sticker' | 'gif', id: string, name?: string): InboundContent => ({
    type: 'media',
    kind,
    url: `telegram-file:${id}`,
    ...(name ? { name } : {}),
    ...caption,
  });
  const largestPhoto = message.photo?.at(-1);
  if (largestPhoto) return file('image', largestPhoto.file_id);
  if (message.document) return file('file', message.document.file_id, message.document.file_name);
  if (message.sticker) return file('sticker', message.sticker.file_id);
  if (message.voice ?? message.audio) return file('audio', (message.voice ?? message.audio)?.file_id as string);
  if (message.video ?? message.video_note) return file('video', (message.video ?? message.video_note)?.file_id as string);
  if (message.animation) return file('gif', message.animation.file_id);
  if (message.location) return { type: 'location', latitude: message.location.latitude, longitude: message.location.longitude };
  if (message.contact) {
    const name = [message.contact.first_name, message.contact.last_name].filter(Boolean).join(' ').trim();
    return { type: 'contact', phone: message.contact.phone_number, ...(name ? { name: toNfc(name) } : {}) };
  }
  return { type: 'unsupported', platformType: 'telegram:message' };
}

function sender(from: { id: number; first_name?: string | undefined; last_name?: string | undefined }, chatId: number): Sender {
  return { platformUserId: String(from.id), threadId: String(chatId), ...displayName(from) };
}

function displayName(from: { first_name?: string | undefined; last_name?: string | undefined }): { displayName?: string } {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return name ? { displayName: toNfc(name) } : {};
}

function ignored(reason: string): InboundEvent {
  return { kind: 'ignored', channel: 'telegram', reason };
}
