import type { ChannelId } from './channels.js';
import type { InboundContent, OutboundContent } from './content.js';

/** Who wrote, where: the platform's own ids, kept as strings (some exceed 2^53). */
export interface Sender {
  platformUserId: string;
  /** Platform thread id; for 1:1 chats it is usually the user id. */
  threadId: string;
  displayName?: string;
}

/**
 * What a channel adapter decodes from a webhook. Only `message` reaches the NLU; the other kinds change
 * conversation or delivery state.
 */
export type InboundEvent =
  | {
      kind: 'message';
      channel: ChannelId;
      platformMessageId: string;
      sender: Sender;
      content: InboundContent;
      sentAt: Date;
      /** A unit code the member arrived with (deep link `/start CODE`, `m.me/...?ref=CODE`, `?unit=CODE`). */
      joinCode?: string;
      /** A pseudonymous key of the sender's network address (web chat only), for abuse limits; never the address. */
      address?: string;
      /** An album (Telegram `media_group_id`): the platform sends each photo apart; they are one message to answer. */
      mediaGroup?: string;
    }
  | {
      /** A message the platform says WE sent: ours (already recorded) or typed by staff in the platform's own console. */
      kind: 'echo';
      channel: ChannelId;
      platformMessageId: string;
      sender: Sender;
      content: OutboundContent | InboundContent;
      sentAt: Date;
    }
  | { kind: 'follow' | 'unfollow'; channel: ChannelId; sender: Sender; sentAt: Date; joinCode?: string }
  | {
      kind: 'receipt';
      channel: ChannelId;
      status: 'delivered' | 'read';
      platformMessageIds: string[];
      sender: Sender;
      sentAt: Date;
    }
  | { kind: 'ignored'; channel: ChannelId; reason: string };

export type InboundMessageEvent = Extract<InboundEvent, { kind: 'message' }>;
