import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import type { Db } from '../database.js';
import { mergeMoodMember } from './mood-member-merge.js';
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
 * A table added later that references members.id must be re-pointed here too. The mood rows carry pseudonyms
 * (D-privacy-6): given the pseudonyms, `from`'s rows move to `into`'s at once, so the linked member counts once
 * without waiting for `mood rebuild`, and what moved is kept on the merge record for an undo (D-privacy-9). Without
 * them (tests of linking alone) the rows keep `from`'s pseudonym, which export and erasure reach through
 * channel_member_merges.
 */
export async function mergeMembers(
  tx: Db,
  input: { fromMemberId: string; intoMemberId: string; channel: string; now: Date; pseudonyms?: MemberPseudonyms },
): Promise<void> {
  const { fromMemberId, intoMemberId, now, pseudonyms } = input;
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
  const moodMoves = pseudonyms ? await mergeMoodMember(tx, pseudonyms.of(fromMemberId), pseudonyms.of(intoMemberId)) : null;
  // Members merged into `from` earlier now belong to `into`; the rows their undo would give back now sit under `into`'s pseudonym.
  const intoPseudonym = pseudonyms?.of(intoMemberId) ?? null;
  await tx
    .update(channelMemberMerges)
    .set({ intoMemberId, ...(intoPseudonym ? { moodMoves: sql`case when mood_moves is null then null else jsonb_set(mood_moves, '{into}', to_jsonb(${intoPseudonym}::text)) end` } : {}) })
    .where(eq(channelMemberMerges.intoMemberId, fromMemberId));
  await tx.insert(channelMemberMerges).values({ fromMemberId, intoMemberId, channel: input.channel, mergedAt: now, moodMoves });
  await tx.delete(members).where(eq(members.id, fromMemberId));
}
