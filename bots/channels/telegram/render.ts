import type { ChannelCapabilities } from '../../../core/channels/channel-adapter.js';
import { degradeContent } from '../../../core/channels/degrade.js';
import { assertNever } from '../../../core/errors/app-error.js';
import type { OutboundContent } from '../../../core/messages/content.js';
import type { RenderedPart } from '../shared/deliver-parts.js';

/**
 * Bot API limits: 4,096 characters per message, 1,024 per media caption; choices become an inline
 * keyboard (one button per row) whose `callback_data` is at most 64 bytes; photos and documents by URL
 * (Telegram downloads them). Cards have no equivalent and degrade to text.
 */
export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 4096,
  choices: { max: 8, maxTitleLength: 64 },
  card: false,
  media: ['image', 'file'],
};

const CALLBACK_DATA_MAX_BYTES = 64;
const CAPTION_MAX = 1024;

export type TelegramCall =
  | { method: 'sendMessage'; text: string; replyMarkup?: InlineKeyboard }
  | { method: 'sendPhoto' | 'sendDocument'; url: string; caption?: string };

export interface InlineKeyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

export function renderTelegramParts(content: OutboundContent): RenderedPart<TelegramCall>[] {
  // A payload too long for callback_data cannot be a button: show the numbered list instead.
  const tooLong = content.type === 'choices' && content.choices.some((c) => Buffer.byteLength(c.payload, 'utf8') > CALLBACK_DATA_MAX_BYTES);
  const capabilities = tooLong ? { ...TELEGRAM_CAPABILITIES, choices: false as const } : TELEGRAM_CAPABILITIES;
  return degradeContent(content, capabilities).flatMap(renderPart);
}

function renderPart(content: OutboundContent): RenderedPart<TelegramCall>[] {
  switch (content.type) {
    case 'text':
      return [{ payload: { method: 'sendMessage', text: content.text }, text: content.text }];
    case 'choices':
      return [
        {
          text: content.text,
          payload: {
            method: 'sendMessage',
            text: content.text,
            replyMarkup: { inline_keyboard: content.choices.map((choice) => [{ text: choice.title, callback_data: choice.payload }]) },
          },
        },
      ];
    case 'media': {
      const method = content.kind === 'image' ? 'sendPhoto' : 'sendDocument';
      const caption = content.caption;
      if (caption && caption.length > CAPTION_MAX) {
        return [
          { payload: { method: 'sendMessage', text: caption }, text: caption },
          { payload: { method, url: content.url }, text: '' },
        ];
      }
      return [{ payload: { method, url: content.url, ...(caption ? { caption } : {}) }, text: caption ?? '' }];
    }
    case 'card':
      return [{ payload: { method: 'sendMessage', text: content.title }, text: content.title }];
    default:
      return assertNever(content, 'outbound content');
  }
}
