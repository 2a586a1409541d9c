import { and, eq, sql } from 'drizzle-orm';
import { nextConversationState, type ConversationState } from '../../../core/conversations/conversation-state.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import { contentText, type InboundContent, type OutboundContent } from '../../../core/messages/content.js';
import type { Db } from '../database.js';
import { channelDeliveries, channelIdentities, conversations, members, messages } from '../schema/index.js';
import { deliveryTextHash } from './channel-delivery-repository.js';

export type EchoRecordResult = 'recorded' | 'duplicate' | 'unknown_thread';

export interface OfficerEchoInput {
  channel: ChannelId;
  threadKey: string;
  recipient: string;
  platformMessageId: string;
  content: OutboundContent | InboundContent;
  sentAt: Date;
  now: Date;
  /** Until when the staff reply holds the conversation (then the bot answers again). */
  holdUntil: Date;
}

class DuplicateEcho extends Error {}

export type ChannelEventRepository = ReturnType<typeof createChannelEventRepository>;

/** Writes the channel events that are not member messages: staff replies typed in a platform's console, follows. */
export function createChannelEventRepository(db: Db) {
  return {
    /**
     * A reply typed by staff in the platform's own console (Zalo OA manager, Meta Page inbox): recorded as
     * an officer message, and the conversation goes to officer mode so the bot stops answering, until
     * `holdUntil` (PAGE_ECHO_TAKEOVER_MINUTES after the last such reply; then the bot answers again). The echo's
     * platform id is unique in channel_deliveries, so a redelivered echo is recorded once.
     */
    async recordOfficerEcho(input: OfficerEchoInput): Promise<EchoRecordResult> {
      try {
        return await db.transaction(async (tx) => {
          const [conversation] = await tx
            .select({ id: conversations.id, state: conversations.state })
            .from(conversations)
            .where(and(eq(conversations.channel, input.channel), eq(conversations.threadKey, input.threadKey)))
            .for('update');
          if (!conversation) return 'unknown_thread';
          const text = contentText(input.content);
          const [message] = await tx
            .insert(messages)
            .values({
              conversationId: conversation.id,
              direction: 'out',
              channel: input.channel,
              platformMessageId: input.platformMessageId,
              author: 'officer',
              content: input.content as unknown as Record<string, unknown>,
              text,
              status: 'sent',
              meta: { kind: 'officer', source: 'platform_console', sentAt: input.sentAt.toISOString() },
              createdAt: input.now,
              sentAt: input.sentAt,
            })
            .returning({ id: messages.id });
          const claimed = await tx
            .insert(channelDeliveries)
            .values({
              outboundMessageId: (message as { id: string }).id,
              part: 0,
              channel: input.channel,
              recipient: input.recipient,
              textHash: deliveryTextHash(text),
              status: 'sent',
              platformMessageId: input.platformMessageId,
              createdAt: input.now,
              sentAt: input.sentAt,
            })
            .onConflictDoNothing()
            .returning({ part: channelDeliveries.part });
          if (claimed.length === 0) throw new DuplicateEcho();
          const state = conversation.state as ConversationState;
          const next = nextConversationState(state, { type: 'officer_take', officerId: 'platform_console' });
          await tx
            .update(conversations)
            .set({
              state: next,
              closedAt: null,
              version: sql`${conversations.version} + 1`,
              lastOutboundAt: input.sentAt,
              updatedAt: input.now,
              // Each staff reply extends the hold; never shortens a later one (echoes may arrive out of order).
              echoTakeoverUntil: sql`greatest(${conversations.echoTakeoverUntil}, ${input.holdUntil.toISOString()}::timestamptz)`,
              // The staff reply is the member's acknowledgement: no "an officer will answer" note on top of it.
              memberAckAt: input.now,
            })
            .where(eq(conversations.id, conversation.id));
          return 'recorded';
        });
      } catch (error) {
        if (error instanceof DuplicateEcho) return 'duplicate';
        throw error;
      }
    },

    /**
     * Follow / unfollow of the Official Account or Page. A follower who never wrote becomes a member (so a
     * join code on the follow applies); the follow state is kept on the channel identity's profile.
     * Returns the member id, or null for an unfollow of someone unknown.
     */
    async recordFollow(input: { channel: ChannelId; platformUserId: string; displayName?: string | undefined; followed: boolean; at: Date }): Promise<string | null> {
      const where = and(eq(channelIdentities.channel, input.channel), eq(channelIdentities.platformUserId, input.platformUserId));
      const stamp = sql`${channelIdentities.profile} || ${JSON.stringify({ followed: input.followed, followChangedAt: input.at.toISOString() })}::jsonb`;
      const [existing] = await db.update(channelIdentities).set({ profile: stamp }).where(where).returning({ memberId: channelIdentities.memberId });
      if (existing) return existing.memberId;
      if (!input.followed) return null;
      return db.transaction(async (tx) => {
        const [member] = await tx.insert(members).values({ displayName: input.displayName ?? null }).returning({ id: members.id });
        const memberId = (member as { id: string }).id;
        const inserted = await tx
          .insert(channelIdentities)
          .values({ memberId, channel: input.channel, platformUserId: input.platformUserId, profile: { followed: true, followChangedAt: input.at.toISOString() } })
          .onConflictDoNothing()
          .returning({ memberId: channelIdentities.memberId });
        if (inserted.length > 0) return memberId;
        // A message of the same person was recorded meanwhile and created the identity: use that member.
        await tx.delete(members).where(eq(members.id, memberId));
        const [winner] = await tx.select({ memberId: channelIdentities.memberId }).from(channelIdentities).where(where).limit(1);
        return winner?.memberId ?? null;
      });
    },
  };
}
