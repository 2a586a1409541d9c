import type { ChannelCapabilities } from '../../../core/channels/channel-adapter.js';
import { degradeContent } from '../../../core/channels/degrade.js';
import { assertNever } from '../../../core/errors/app-error.js';
import type { OutboundContent } from '../../../core/messages/content.js';
import type { RenderedPart } from '../shared/deliver-parts.js';

/**
 * Send API limits: text 2,000 characters; quick replies up to 13 with titles of 20 characters; the generic
 * template (a card) has a title and subtitle of 80 characters and up to 3 buttons; images and files by URL.
 */
export const MESSENGER_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 2000,
  choices: { max: 13, maxTitleLength: 20 },
  card: true,
  media: ['image', 'file'],
};

const CARD_TEXT_MAX = 80;
const CARD_BUTTONS_MAX = 3;

/** Our sends carry `metadata: cd:<message id>:<part>`: their echoes are recognised as ours even without the app id. */
export const MESSENGER_METADATA_PREFIX = 'cd:';

/** The `message` object of a Send API call; the client adds recipient and messaging type. */
export type MessengerMessageBody = Record<string, unknown>;

export function renderMessengerParts(content: OutboundContent): RenderedPart<MessengerMessageBody>[] {
  // A card that does not fit the generic template is shown the way channels without cards show it.
  const capabilities = content.type === 'card' && !fitsGenericTemplate(content) ? { ...MESSENGER_CAPABILITIES, card: false } : MESSENGER_CAPABILITIES;
  return degradeContent(content, capabilities).flatMap(renderPart);
}

function fitsGenericTemplate(card: Extract<OutboundContent, { type: 'card' }>): boolean {
  const buttons = (card.choices?.length ?? 0) + (card.url ? 1 : 0);
  return card.title.length <= CARD_TEXT_MAX && (card.subtitle?.length ?? 0) <= CARD_TEXT_MAX && buttons <= CARD_BUTTONS_MAX && (card.choices ?? []).every((c) => c.title.length <= 20);
}

function renderPart(content: OutboundContent): RenderedPart<MessengerMessageBody>[] {
  switch (content.type) {
    case 'text':
      return [{ payload: { text: content.text }, text: content.text }];
    case 'choices':
      return [
        {
          text: content.text,
          payload: { text: content.text, quick_replies: content.choices.map((choice) => ({ content_type: 'text', title: choice.title, payload: choice.payload })) },
        },
      ];
    case 'card': {
      const buttons = [
        ...(content.url ? [{ type: 'web_url', url: content.url, title: 'Xem chi tiết' }] : []),
        ...(content.choices ?? []).map((choice) => ({ type: 'postback', title: choice.title, payload: choice.payload })),
      ];
      const element = {
        title: content.title,
        ...(content.subtitle ? { subtitle: content.subtitle } : {}),
        ...(content.imageUrl ? { image_url: content.imageUrl } : {}),
        ...(buttons.length > 0 ? { buttons } : {}),
      };
      return [{ text: [content.title, content.subtitle].filter(Boolean).join('\n'), payload: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [element] } } } }];
    }
    case 'media': {
      // Attachments have no caption: the caption goes first as its own message.
      const attachment = { payload: { attachment: { type: content.kind, payload: { url: content.url, is_reusable: true } } }, text: '' };
      return content.caption ? [{ payload: { text: content.caption }, text: content.caption }, attachment] : [attachment];
    }
    default:
      return assertNever(content, 'outbound content');
  }
}
