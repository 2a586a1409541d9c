import { and, eq, ne, sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import { linkNoticeText, LINK_UNDO_PAYLOAD_PREFIX, LINK_UNDO_TITLE } from '../../../core/pipeline/member-replies.vi.js';
import type { Db } from '../database.js';
import { unmergeMoodMember } from './mood-member-merge.js';
import { channelIdentities, channelMemberMerges, conversations, members, messages } from '../schema/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long the owner of a code may undo a link with one tap. */
export const LINK_UNDO_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * Tells the code's owner, on every other channel of theirs, that a channel was just linked to them, with a
 * one-tap "that wasn't me" (issue #15 finding 1). Stored as queued replies in the same transaction as the
 * merge; the recovery sweep rings the queue for them (they are not answers to a message of that thread).
 */
export async function queueLinkNotices(tx: Db, input: { intoMemberId: string; fromMemberId: string; channel: ChannelId; now: Date }): Promise<number> {
  const others = await tx
    .select({ id: conversations.id, channel: conversations.channel })
    .from(conversations)
    .where(and(eq(conversations.memberId, input.intoMemberId), ne(conversations.channel, input.channel), ne(conversations.channel, 'cli')));
  const text = linkNoticeText(input.channel, input.now);
  const content = { type: 'choices', text, choices: [{ title: LINK_UNDO_TITLE, payload: `${LINK_UNDO_PAYLOAD_PREFIX}${input.fromMemberId}` }] };
  for (const conversation of others) {
    await tx.insert(messages).values({ conversationId: conversation.id, direction: 'out', channel: conversation.channel, author: 'bot', content, text, status: 'queued', meta: { kind: 'system', linkNotice: input.fromMemberId } });
  }
  return others.length;
}

/**
 * "That wasn't me": the identities and conversations of the linked channel leave the member again, as the
 * member they were before the link (same id), with no union; their conversations go back to the intake unit.
 * Only the member the channel was linked into may undo, within LINK_UNDO_WINDOW_MS.
 */
export async function undoLink(db: Db, input: { memberId: string; fromMemberId: string | null; intakeUnitId: string | null; now: Date }): Promise<{ status: 'undone'; channel: ChannelId } | { status: 'not_found' }> {
  if (input.fromMemberId !== null && !UUID.test(input.fromMemberId)) return { status: 'not_found' };
  return db.transaction(async (tx) => {
    const since = new Date(input.now.getTime() - LINK_UNDO_WINDOW_MS);
    const [merge] = await tx
      .select()
      .from(channelMemberMerges)
      .where(and(eq(channelMemberMerges.intoMemberId, input.memberId), input.fromMemberId ? eq(channelMemberMerges.fromMemberId, input.fromMemberId) : sql`true`, sql`${channelMemberMerges.mergedAt} >= ${since}`))
      .orderBy(sql`${channelMemberMerges.mergedAt} desc`)
      .limit(1)
      .for('update');
    if (!merge) return { status: 'not_found' as const };
    await tx.insert(members).values({ id: merge.fromMemberId, unitId: null, createdAt: input.now, updatedAt: input.now }).onConflictDoNothing();
    await tx.update(channelIdentities).set({ memberId: merge.fromMemberId }).where(and(eq(channelIdentities.memberId, input.memberId), eq(channelIdentities.channel, merge.channel)));
    await tx
      .update(conversations)
      .set({ memberId: merge.fromMemberId, unitId: input.intakeUnitId, updatedAt: input.now })
      .where(and(eq(conversations.memberId, input.memberId), eq(conversations.channel, merge.channel)));
    // The mood rows the link moved to this member go back to the member they were (D-privacy-9).
    if (merge.moodMoves) await unmergeMoodMember(tx, merge.moodMoves);
    await tx.delete(channelMemberMerges).where(eq(channelMemberMerges.fromMemberId, merge.fromMemberId));
    return { status: 'undone' as const, channel: merge.channel as ChannelId };
  });
}
