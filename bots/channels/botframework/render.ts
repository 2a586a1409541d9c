import type { ChannelCapabilities } from '../../../core/channels/channel-adapter.js';
import { degradeContent } from '../../../core/channels/degrade.js';
import { assertNever } from '../../../core/errors/app-error.js';
import type { Choice, OutboundContent } from '../../../core/messages/content.js';
import type { RenderedPart } from '../shared/deliver-parts.js';

/**
 * Teams and Direct Line: hero cards carry buttons (messageBack: the payload comes back in `value`, the title
 * as the member's text), cards map to hero cards, images to a card image. Text is kept under 4,000
 * characters per activity (Teams' message size limit is far higher, but long answers read better split).
 */
export const BOTFRAMEWORK_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 4000,
  choices: { max: 6, maxTitleLength: 50 },
  card: true,
  media: ['image'],
};

/** A Bot Framework activity to send (a plain object; botbuilder's Partial<Activity> at run time). */
export type BotFrameworkOutgoing = Record<string, unknown>;

const HERO = 'application/vnd.microsoft.card.hero';

export function renderBotFrameworkParts(content: OutboundContent): RenderedPart<BotFrameworkOutgoing>[] {
  return degradeContent(content, BOTFRAMEWORK_CAPABILITIES).map(renderPart);
}

function buttons(choices: readonly Choice[]) {
  return choices.map((choice) => ({ type: 'messageBack', title: choice.title, text: choice.title, displayText: choice.title, value: { payload: choice.payload } }));
}

function renderPart(content: OutboundContent): RenderedPart<BotFrameworkOutgoing> {
  switch (content.type) {
    case 'text':
      return { payload: { type: 'message', text: content.text }, text: content.text };
    case 'choices':
      return { payload: { type: 'message', attachments: [{ contentType: HERO, content: { text: content.text, buttons: buttons(content.choices) } }] }, text: content.text };
    case 'card':
      return {
        text: content.title,
        payload: {
          type: 'message',
          attachments: [
            {
              contentType: HERO,
              content: {
                title: content.title,
                ...(content.subtitle ? { subtitle: content.subtitle } : {}),
                ...(content.imageUrl ? { images: [{ url: content.imageUrl }] } : {}),
                buttons: [...(content.url ? [{ type: 'openUrl', title: 'Xem chi tiết', value: content.url }] : []), ...buttons(content.choices ?? [])],
              },
            },
          ],
        },
      };
    case 'media':
      return { payload: { type: 'message', attachments: [{ contentType: HERO, content: { ...(content.caption ? { text: content.caption } : {}), images: [{ url: content.url }] } }] }, text: content.caption ?? '' };
    default:
      return assertNever(content, 'outbound content');
  }
}
