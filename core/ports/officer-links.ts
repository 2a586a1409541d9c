import type { ChannelId } from '../messages/channels.js';

/**
 * An officer's own Telegram or Zalo account, linked with a one-time code from the admin app (`/canbo CODE`
 * sent to the bot), so the inbox can send them short notices (unit, urgency, a link; never member content).
 */
export type OfficerLinkResult = { status: 'linked'; displayName: string } | { status: 'invalid' | 'expired' | 'too_many_attempts' };

export interface OfficerLinks {
  /**
   * Links the account the conversation is with (its platform user and thread) to the code's officer. Wrong and
   * expired codes are counted per sender (`memberId`), per network address and platform-wide, like the members'
   * link codes: past a limit every code is refused for the hour (`too_many_attempts`), the right one too.
   */
  redeem(input: { code: string; channel: ChannelId; conversationId: string; memberId: string; address: string | null; now: Date }): Promise<OfficerLinkResult>;
}
