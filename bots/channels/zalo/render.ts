import type { ChannelCapabilities } from '../../../core/channels/channel-adapter.js';
import { degradeContent } from '../../../core/channels/degrade.js';
import { assertNever } from '../../../core/errors/app-error.js';
import type { OutboundContent } from '../../../core/messages/content.js';
import type { RenderedPart } from '../shared/deliver-parts.js';

/**
 * OA consultation messages: text up to 2,000 characters, up to 5 buttons (`oa.query.hide`, payload sent
 * back as the member's text), images by URL. Files need an upload token and cards have no equivalent,
 * so both degrade to text with the link.
 */
export const ZALO_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 2000,
  choices: { max: 5, maxTitleLength: 100 },
  card: false,
  media: ['image'],
};

/** Marks button payloads coming back as text, so they are read as postbacks and not as words. */
export const ZALO_POSTBACK_PREFIX = '#cd:';

/** The `message` object of a CS/transaction call; the client adds the recipient. */
export type ZaloMessageBody = Record<string, unknown>;

export function renderZaloParts(content: OutboundContent): RenderedPart<ZaloMessageBody>[] {
  return degradeContent(content, ZALO_CAPABILITIES).map(renderPart);
}

function renderPart(content: OutboundContent): RenderedPart<ZaloMessageBody> {
  switch (content.type) {
    case 'text':
      return { payload: { text: content.text }, text: content.text };
    case 'choices':
      return {
        text: content.text,
        payload: {
          text: content.text,
          attachment: {
            type: 'template',
            payload: {
              buttons: content.choices.map((choice) => ({ title: choice.title, type: 'oa.query.hide', payload: `${ZALO_POSTBACK_PREFIX}${choice.payload}` })),
            },
          },
        },
      };
    case 'media':
      return {
        text: content.caption ?? '',
        payload: {
          ...(content.caption ? { text: content.caption } : {}),
          attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: content.url }] } },
        },
      };
    case 'card':
      // Unreachable after degradation (cards are not supported); kept total for the type checker.
      return { payload: { text: content.title }, text: content.title };
    default:
      return assertNever(content, 'outbound content');
  }
}

/**
 * A transaction (ZBS template) message: the only way to reach a member 7 days to 1 year after their last
 * message. The text goes in a header + text element; one message per part.
 */
export function zaloTransactionBody(templateType: string, text: string): ZaloMessageBody {
  return {
    attachment: {
      type: 'template',
      payload: {
        template_type: templateType,
        language: 'VI',
        elements: [
          { type: 'header', content: 'Công đoàn phản hồi', align: 'left' },
          { type: 'text', content: text, align: 'left' },
        ],
      },
    },
  };
}
