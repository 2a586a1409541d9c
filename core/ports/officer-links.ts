import type { ChannelId } from '../messages/channels.js';

/**
 * An officer's own Telegram or Zalo account, linked with a one-time code from the admin app (`/canbo CODE`
 * sent to the bot), so the inbox can send them short notices (unit, urgency, a link; never member content).
 */
export type OfficerLinkResult = { status: 'linked'; displayName: string } | { status: 'invalid' | 'expired' };

export interface OfficerLinks {
  /** Links the account the conversation is with (its platform user and thread) to the code's officer. */
  redeem(input: { code: string; channel: ChannelId; conversationId: string; now: Date }): Promise<OfficerLinkResult>;
}
