import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { scrubMemberAudit } from './audit-repository.js';
import { createMemberLookup } from './member-lookup.js';
import { unlinkMoodMembers } from './mood-repository.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import {
  channelDeliveries,
  channelIdentities,
  channelLinkAttempts,
  channelLinkCodes,
  channelMemberMerges,
  channelMemberPrompts,
  conversationNotes,
  conversations,
  members,
  messages,
  unansweredQuestions,
  units,
} from '../schema/index.js';

export interface MemberExport {
  exportedAt: string;
  member: { id: string; displayName: string | null; unit: { code: string; name: string } | null; consent: string; createdAt: string };
  identities: { channel: string; platformUserId: string; profile: Record<string, unknown>; createdAt: string }[];
  conversations: {
    id: string;
    channel: string;
    state: string;
    createdAt: string;
    messages: { at: string; direction: string; author: string; text: string; route: string | null; topic: string | null; sentiment: string | null; status: string }[];
  }[];
  /**
   * The member's rows in the mood figures, found through their pseudonym (D-privacy-6): pseudonymous data is still
   * the member's data, and these rows outlive the messages the nightly purge deletes.
   */
  moodDays: { day: string; unit: string | null; topic: string; sentiment: string; channel: string; messages: number }[];
}

export type MemberDataRepository = ReturnType<typeof createMemberDataRepository>;

/**
 * A member's personal data on request (Personal Data Protection Law 91/2025/QH15): everything we hold about
 * them as one JSON document, and erasure. Erasure deletes identities, conversations, messages and learning-
 * queue items, and keeps only a tombstone (id, erasure time) so audits still resolve; the daily mood
 * figures stay, their per-day member rows re-keyed from the member's pseudonym to a random id (bots/storage/repositories/mood-repository.ts).
 */
/**
 * The members once merged into `memberId` (channel linking, bots/storage/repositories/channel-member-merge.ts): a
 * merge moves the merged member's mood rows to the survivor's pseudonym (D-privacy-9), but rows that an older
 * version's merges left, or that the start-up conversion gave the merged member's own pseudonym, still carry it, so
 * export and erasure reach those pseudonyms too.
 */
async function mergedInto(db: Db, memberId: string): Promise<string[]> {
  const rows = await db.select({ id: channelMemberMerges.fromMemberId }).from(channelMemberMerges).where(eq(channelMemberMerges.intoMemberId, memberId));
  return rows.map((row) => row.id);
}

export function createMemberDataRepository(db: Db, pseudonyms: MemberPseudonyms) {
  async function memberRow(memberId: string) {
    const [row] = await db
      .select({ member: members, unitCode: units.code, unitName: units.name, unitPath: units.path })
      .from(members)
      .leftJoin(units, eq(units.id, members.unitId))
      .where(eq(members.id, memberId))
      .limit(1);
    if (!row || row.member.erasedAt) throw new AppError('NOT_FOUND', `no member ${memberId}`);
    return row;
  }

  return {
    ...createMemberLookup(db),

    /** The member's unit path (null without a unit), for scope checks before export or erasure. */
    async unitPathOf(memberId: string): Promise<string | null> {
      return (await memberRow(memberId)).unitPath ?? null;
    },

    /** What the member is told about their own data in chat: no message text, only what and how much. */
    async factsOf(memberId: string): Promise<{ unitName: string | null; channels: ChannelId[]; since: Date; conversations: number; messages: number }> {
      const row = await memberRow(memberId);
      const identities = await db.select({ channel: channelIdentities.channel }).from(channelIdentities).where(eq(channelIdentities.memberId, memberId)).orderBy(asc(channelIdentities.createdAt));
      const [counts] = await executeRows<{ conversations: number; messages: number }>(
        db,
        sql`select count(distinct c.id)::int as conversations, count(m.id)::int as messages
            from conversations c left join messages m on m.conversation_id = c.id where c.member_id = ${memberId}::uuid`,
      );
      return {
        unitName: row.unitName ?? null,
        channels: [...new Set(identities.map((identity) => identity.channel as ChannelId))],
        since: row.member.createdAt,
        conversations: Number(counts?.conversations ?? 0),
        messages: Number(counts?.messages ?? 0),
      };
    },

    /** Replies to the member still waiting to be sent (the erasure waits for the farewell). */
    async hasQueuedReplies(memberId: string): Promise<boolean> {
      const rows = await executeRows<{ one: number }>(
        db,
        sql`select 1 as one from messages m join conversations c on c.id = m.conversation_id
            where c.member_id = ${memberId}::uuid and m.direction = 'out' and m.status = 'queued' limit 1`,
      );
      return rows.length > 0;
    },

    async exportMember(memberId: string, now: Date): Promise<MemberExport> {
      const row = await memberRow(memberId);
      const identities = await db.select().from(channelIdentities).where(eq(channelIdentities.memberId, memberId)).orderBy(asc(channelIdentities.createdAt));
      const threads = await db.select().from(conversations).where(eq(conversations.memberId, memberId)).orderBy(asc(conversations.createdAt));
      const threadIds = threads.map((thread) => thread.id);
      const rows = threadIds.length > 0 ? await db.select().from(messages).where(inArray(messages.conversationId, threadIds)).orderBy(asc(messages.seq)) : [];
      const moodOwners = [memberId, ...(await mergedInto(db, memberId))];
      const moodDays = await executeRows<MemberExport['moodDays'][number]>(
        db,
        sql`select d.day::text as day, u.code as unit, d.topic, d.sentiment, d.channel, d.messages
            from mood_member_day d left join units u on u.id = d.unit_id
            where d.member_id in (${sql.join(moodOwners.map((id) => sql`${pseudonyms.of(id)}::uuid`), sql`, `)}) order by d.day, d.topic, d.sentiment, d.channel`,
      );
      return {
        exportedAt: now.toISOString(),
        member: {
          id: row.member.id,
          displayName: row.member.displayName,
          unit: row.unitCode && row.unitName ? { code: row.unitCode, name: row.unitName } : null,
          consent: row.member.consent,
          createdAt: row.member.createdAt.toISOString(),
        },
        identities: identities.map((identity) => ({ channel: identity.channel, platformUserId: identity.platformUserId, profile: identity.profile, createdAt: identity.createdAt.toISOString() })),
        conversations: threads.map((thread) => ({
          id: thread.id,
          channel: thread.channel,
          state: thread.state,
          createdAt: thread.createdAt.toISOString(),
          messages: rows
            .filter((message) => message.conversationId === thread.id)
            .map((message) => ({ at: message.createdAt.toISOString(), direction: message.direction, author: message.author, text: message.text, route: message.route, topic: message.topic, sentiment: message.sentiment, status: message.status })),
        })),
        moodDays: moodDays.map((day) => ({ ...day, messages: Number(day.messages) })),
      };
    },

    /** Deletes everything personal in one transaction; returns what was removed. */
    async eraseMember(memberId: string, now: Date): Promise<{ conversations: number; messages: number; identities: number }> {
      await memberRow(memberId);
      return db.transaction(async (tx) => {
        const threads = await tx.select({ id: conversations.id, channel: conversations.channel, threadKey: conversations.threadKey }).from(conversations).where(eq(conversations.memberId, memberId));
        const threadIds = threads.map((thread) => thread.id);
        let messageCount = 0;
        if (threadIds.length > 0) {
          const messageIds = (await tx.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, threadIds))).map((m) => m.id);
          messageCount = messageIds.length;
          if (messageIds.length > 0) await tx.delete(channelDeliveries).where(inArray(channelDeliveries.outboundMessageId, messageIds));
          await tx.delete(unansweredQuestions).where(inArray(unansweredQuestions.conversationId, threadIds));
          await tx.delete(conversationNotes).where(inArray(conversationNotes.conversationId, threadIds));
          await tx.delete(messages).where(inArray(messages.conversationId, threadIds));
          for (const thread of threads) {
            await tx.execute(sql`delete from channel_thread_refs where channel = ${thread.channel} and thread_key = ${thread.threadKey}`);
          }
          await tx.delete(conversations).where(inArray(conversations.id, threadIds));
        }
        const identities = await tx.delete(channelIdentities).where(eq(channelIdentities.memberId, memberId)).returning({ id: channelIdentities.id });
        await tx.delete(channelLinkCodes).where(or(eq(channelLinkCodes.memberId, memberId), eq(channelLinkCodes.usedByMemberId, memberId)));
        await tx.delete(channelLinkAttempts).where(eq(channelLinkAttempts.memberId, memberId));
        await tx.delete(channelMemberPrompts).where(eq(channelMemberPrompts.memberId, memberId));
        // Read before the merges are forgotten: the mood rows of the members merged into this one are theirs too.
        const moodOwners = [memberId, ...(await mergedInto(tx, memberId))];
        await tx.delete(channelMemberMerges).where(or(eq(channelMemberMerges.fromMemberId, memberId), eq(channelMemberMerges.intoMemberId, memberId)));
        await unlinkMoodMembers(tx, moodOwners, pseudonyms);
        await scrubMemberAudit(tx, memberId);
        await tx.update(members).set({ displayName: null, unitId: null, consent: 'withdrawn', erasedAt: now, updatedAt: now }).where(eq(members.id, memberId));
        return { conversations: threadIds.length, messages: messageCount, identities: identities.length };
      });
    },
  };
}
