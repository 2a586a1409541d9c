import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import type { Db } from '../database.js';
import {
  channelIdentities,
  channelLinkAttempts,
  channelLinkCodes,
  channelMemberMerges,
  channelMemberPrompts,
  conversations,
  members,
} from '../schema/index.js';

/**
 * Folds member `from` into member `into`, inside the caller's transaction: every channel identity and
 * conversation of `from` (and so its whole message history) now belongs to `into`; `into` keeps its unit,
 * or takes `from`'s when it has none, and every conversation follows that unit (it decides which officers
 * see them). The `from` row is deleted and the merge is recorded in channel_member_merges.
 *
 * A table added later that references members.id must be re-pointed here too. The mood rows are not: they carry
 * `from`'s pseudonym (D-privacy-6) and keep it, so that undoing the link (link-notice.ts) leaves each member its own
 * rows; the member's export and erasure reach them through channel_member_merges.
 */
export async function mergeMembers(tx: Db, input: { fromMemberId: string; intoMemberId: string; channel: string; now: Date }): Promise<void> {
  const { fromMemberId, intoMemberId, now } = input;
  const [into] = await tx.select().from(members).where(eq(members.id, intoMemberId)).for('update');
  const [from] = await tx.select().from(members).where(eq(members.id, fromMemberId)).for('update');
  if (!into || !from) throw new AppError('NOT_FOUND', 'a member to merge no longer exists');
  const unitId = into.unitId ?? from.unitId;

  await tx.update(channelIdentities).set({ memberId: intoMemberId }).where(eq(channelIdentities.memberId, fromMemberId));
  await tx.update(conversations).set({ memberId: intoMemberId, updatedAt: now }).where(eq(conversations.memberId, fromMemberId));
  if (unitId) await tx.update(conversations).set({ unitId }).where(eq(conversations.memberId, intoMemberId));
  await tx
    .update(members)
    .set({
      unitId,
      displayName: into.displayName ?? from.displayName,
      consent: into.consent === 'unknown' ? from.consent : into.consent,
      updatedAt: now,
    })
    .where(eq(members.id, intoMemberId));

  // Side tables of the channels: live codes of `from` die with it; the first-contact question counts once.
  await tx.delete(channelLinkCodes).where(and(eq(channelLinkCodes.memberId, fromMemberId), sql`${channelLinkCodes.usedAt} is null`));
  await tx.update(channelLinkCodes).set({ memberId: intoMemberId }).where(eq(channelLinkCodes.memberId, fromMemberId));
  await tx.execute(sql`
    update channel_member_prompts set member_id = ${intoMemberId}
    where member_id = ${fromMemberId} and not exists (select 1 from channel_member_prompts where member_id = ${intoMemberId})`);
  await tx.delete(channelMemberPrompts).where(eq(channelMemberPrompts.memberId, fromMemberId));
  await tx.delete(channelLinkAttempts).where(eq(channelLinkAttempts.memberId, fromMemberId));
  await tx.update(channelMemberMerges).set({ intoMemberId }).where(eq(channelMemberMerges.intoMemberId, fromMemberId));
  await tx.insert(channelMemberMerges).values({ fromMemberId, intoMemberId, channel: input.channel, mergedAt: now });
  await tx.delete(members).where(eq(members.id, fromMemberId));
}
