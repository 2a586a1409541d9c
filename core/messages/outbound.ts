import type { Citation } from '../knowledge/law.js';
import type { ChannelId } from './channels.js';
import type { OutboundContent } from './content.js';

/** Why the bot sent a message: the inbox and analytics show it, and channel policies may treat kinds differently. */
export const REPLY_KINDS = [
  'answer',
  'faq',
  'not_covered',
  'clarify',
  'acknowledge',
  'handoff',
  'handoff_offer',
  'smalltalk',
  'out_of_scope',
  'unsupported',
  'system',
  'officer',
  /** The 1–5 mood check after a conversation or a hand-off (core/pipeline/mood-check.vi.ts). */
  'mood_check',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** A reply the pipeline wants to send, before it is stored and queued. */
export interface ReplyDraft {
  kind: ReplyKind;
  content: OutboundContent;
  citations?: Citation[];
  /**
   * The kind of message this prompt asked for ("kể sự việc" → `feedback`): the member's next message is taken as
   * that, however unsure the classifier is (issue #11: the story typed after "Phản ánh sự việc" is taken).
   */
  expects?: 'question' | 'feedback';
}

/** A stored outbound message handed to a channel adapter for delivery. */
export interface OutboundMessage {
  id: string;
  conversationId: string;
  channel: ChannelId;
  recipient: { platformUserId: string; threadId: string };
  content: OutboundContent;
  author: 'bot' | 'officer' | 'system';
  kind: ReplyKind;
  /** The platform id of the member message this replies to (Zalo's free replies must quote it). */
  replyToPlatformMessageId: string | null;
  attempt: number;
  /** The legal articles an answer rests on; channels that can show them separately do (web chat). */
  citations?: Citation[];
}
