import { randomInt } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import type { UnitLevel } from '../../../core/org/hierarchy.js';
import type { LinkCode, MemberDirectory, RedeemLinkResult, UnitSummary } from '../../../core/ports/member-directory.js';
import type { Db } from '../database.js';
import { channelIdentities, channelLinkAttempts, channelLinkCodes, channelMemberPrompts, conversations, members, units } from '../schema/index.js';
import { mergeMembers } from './channel-member-merge.js';
import { createMemoryLinkAttemptLimiter, type LimitKey, type LinkAttemptLimiter } from './link-attempt-limiter.js';
import { queueLinkNotices, undoLink } from './link-notice.js';
import { attachMemberToUnit, intakeUnitId, DEFAULT_JOIN_POLICY, findJoinableUnit, type JoinPolicy } from './unit-join.js';
import { createUnitSearchDirectory } from './unit-search-directory.js';

export interface MemberDirectoryOptions {
  linkCodeTtlMs?: number;
  /** Wrong codes a member may try per hour before redeeming is refused. */
  maxLinkFailuresPerHour?: number;
  /** Called after a merge: the ingest cache maps threads to member ids (IngestRepository.forgetThreads). */
  onMembersMerged?: () => void;
  /** Wrong codes per network address and platform-wide per hour (issue #15: a new web session is a new identity). */
  attemptLimiter?: LinkAttemptLimiter;
  maxLinkFailuresPerAddress?: number;
  maxLinkFailuresGlobal?: number;
  /** Which unit levels a code may join (default: grassroots and the upper levels below national). */
  joinPolicy?: JoinPolicy;
  /** Members' mood pseudonyms: a link moves the merged member's mood rows to the survivor at once (D-privacy-9). */
  pseudonyms?: MemberPseudonyms;
}

const HOUR_MS = 3_600_000;
/**
 * 8 digits: with at most 200 wrong codes an hour platform-wide, even 1,000 live codes at once give a guesser
 * one chance in 500 per hour, and each code lives 10 minutes.
 */
export const LINK_CODE_DIGITS = 8;

/** The MemberDirectory port (core/ports/member-directory.ts) on the platform's database. */
export function createMemberDirectory(db: Db, options: MemberDirectoryOptions = {}): MemberDirectory {
  const ttlMs = options.linkCodeTtlMs ?? 10 * 60_000;
  const maxFailures = options.maxLinkFailuresPerHour ?? 5;
  const joinPolicy = options.joinPolicy ?? DEFAULT_JOIN_POLICY;
  const limiter = options.attemptLimiter ?? createMemoryLinkAttemptLimiter();
  const unitSearch = createUnitSearchDirectory(db, { allowUpperLevels: joinPolicy.allowUpperLevels });
  const limitKeys = (address: string | null | undefined): LimitKey[] => [
    { key: 'global', max: options.maxLinkFailuresGlobal ?? 200 },
    ...(address ? [{ key: `addr:${address}`, max: options.maxLinkFailuresPerAddress ?? 20 }] : []),
  ];

  async function unitOf(memberId: string): Promise<UnitSummary | null> {
    const [row] = await db
      .select({ id: units.id, code: units.code, name: units.name, level: units.level })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(eq(members.id, memberId))
      .limit(1);
    return row ? { ...row, level: row.level as UnitLevel } : null;
  }

  async function failuresBlocked(memberId: string, now: Date): Promise<boolean> {
    const [row] = await db.select().from(channelLinkAttempts).where(eq(channelLinkAttempts.memberId, memberId)).limit(1);
    return Boolean(row && now.getTime() - row.windowStart.getTime() < HOUR_MS && row.failures >= maxFailures);
  }

  async function recordFailure(memberId: string, now: Date): Promise<void> {
    const windowStale = sql`${channelLinkAttempts.windowStart} < ${new Date(now.getTime() - HOUR_MS)}`;
    await db
      .insert(channelLinkAttempts)
      .values({ memberId, windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: channelLinkAttempts.memberId,
        set: {
          failures: sql`case when ${windowStale} then 1 else ${channelLinkAttempts.failures} + 1 end`,
          windowStart: sql`case when ${windowStale} then ${now} else ${channelLinkAttempts.windowStart} end`,
        },
      });
  }

  return {
    unitOf,

    findUnitByCode: (code) => findJoinableUnit(db, code, joinPolicy),

    async setUnitByCode(memberId, code, now) {
      const unit = await findJoinableUnit(db, code, joinPolicy);
      if (!unit) return { status: 'not_found' };
      const changed = await attachMemberToUnit(db, memberId, unit.id, now);
      return { status: changed ? 'set' : 'unchanged', unit };
    },

    async createLinkCode({ memberId, channel, requestId, now }): Promise<LinkCode> {
      const [again] = await db
        .select({ code: channelLinkCodes.code, expiresAt: channelLinkCodes.expiresAt })
        .from(channelLinkCodes)
        .where(and(eq(channelLinkCodes.memberId, memberId), eq(channelLinkCodes.requestMessageId, requestId), isNull(channelLinkCodes.usedAt)))
        .limit(1);
      if (again && again.expiresAt > now) return again;
      // One live code per member: a new request replaces the previous one.
      await db.delete(channelLinkCodes).where(and(eq(channelLinkCodes.memberId, memberId), isNull(channelLinkCodes.usedAt)));
      const expiresAt = new Date(now.getTime() + ttlMs);
      for (let attempt = 0; attempt < 20; attempt++) {
        const code = String(randomInt(0, 10 ** LINK_CODE_DIGITS)).padStart(LINK_CODE_DIGITS, '0');
        // A code may be reused once its previous holder expired or was spent; never while it is live.
        const rows = await db
          .insert(channelLinkCodes)
          .values({ code, memberId, channel, requestMessageId: requestId, createdAt: now, expiresAt })
          .onConflictDoUpdate({
            target: channelLinkCodes.code,
            set: { memberId, channel, requestMessageId: requestId, createdAt: now, expiresAt, usedAt: null, usedByMemberId: null },
            setWhere: or(lt(channelLinkCodes.expiresAt, now), sql`${channelLinkCodes.usedAt} is not null`),
          })
          .returning({ code: channelLinkCodes.code });
        if (rows.length > 0) return { code, expiresAt };
      }
      throw new Error('no free link code after 20 attempts');
    },

    async redeemLinkCode({ code, memberId, channel, now, address }): Promise<RedeemLinkResult> {
      const keys = limitKeys(address);
      if ((await failuresBlocked(memberId, now)) || (await limiter.blocked(keys, now))) return { status: 'too_many_attempts' };
      const outcome = await db.transaction(async (tx): Promise<RedeemLinkResult | 'failed'> => {
        const [row] = await tx.select().from(channelLinkCodes).where(eq(channelLinkCodes.code, code)).for('update');
        if (!row) return 'failed';
        if (row.usedAt) {
          // The same turn computed again after the merge: the redeemer is now the code's member.
          return row.memberId === memberId ? { status: 'linked', unit: null, channels: [] } : 'failed';
        }
        if (row.expiresAt <= now) return { status: 'expired' };
        if (row.memberId === memberId) return { status: 'own_code' };
        await tx.update(channelLinkCodes).set({ usedAt: now, usedByMemberId: memberId }).where(eq(channelLinkCodes.code, code));
        await mergeMembers(tx as unknown as Db, { fromMemberId: memberId, intoMemberId: row.memberId, channel, now, ...(options.pseudonyms ? { pseudonyms: options.pseudonyms } : {}) });
        await queueLinkNotices(tx as unknown as Db, { intoMemberId: row.memberId, fromMemberId: memberId, channel, now });
        return { status: 'linked', unit: null, channels: [] };
      });
      if (outcome === 'failed' || outcome.status === 'expired') {
        // An expired code counts too: otherwise old codes are free guesses.
        await recordFailure(memberId, now);
        await limiter.fail(keys, now);
        return outcome === 'failed' ? { status: 'invalid' } : outcome;
      }
      if (outcome.status !== 'linked') return outcome;
      options.onMembersMerged?.();
      const intoMemberId = await memberOfCode(db, code);
      const channels = await db
        .select({ channel: channelIdentities.channel })
        .from(channelIdentities)
        .where(eq(channelIdentities.memberId, intoMemberId));
      return { status: 'linked', unit: await unitOf(intoMemberId), channels: channels.map((c) => c.channel as ChannelId) };
    },

    async undoLink({ memberId, linkId, now }) {
      const result = await undoLink(db, { memberId, fromMemberId: linkId, intakeUnitId: await intakeUnitId(db, joinPolicy), now });
      if (result.status === 'undone') options.onMembersMerged?.();
      return result;
    },

    async claimUnitCodePrompt(memberId, requestId, now) {
      const inserted = await db
        .insert(channelMemberPrompts)
        .values({ memberId, unitCodeAskedAt: now, requestMessageId: requestId })
        .onConflictDoNothing()
        .returning({ memberId: channelMemberPrompts.memberId });
      if (inserted.length > 0) return true;
      const [row] = await db.select().from(channelMemberPrompts).where(eq(channelMemberPrompts.memberId, memberId)).limit(1);
      return row?.requestMessageId === requestId;
    },

    async unitPromptAskedAt(memberId) {
      const [row] = await db.select({ at: channelMemberPrompts.unitCodeAskedAt }).from(channelMemberPrompts).where(eq(channelMemberPrompts.memberId, memberId)).limit(1);
      return row?.at ?? null;
    },

    searchUnits: (text) => unitSearch.searchUnits(text),

    async routeWithoutUnit(memberId, provinceUnitId, now) {
      // A configured intake unit is the deployment's choice and wins; otherwise the province the member named.
      if (provinceUnitId && !joinPolicy.intakeUnitCode) {
        await db
          .update(conversations)
          .set({ unitId: provinceUnitId, updatedAt: now })
          .where(and(eq(conversations.memberId, memberId), sql`exists (select 1 from members m where m.id = ${memberId} and m.unit_id is null)`));
      }
      const [row] = await db
        .select({ id: units.id, code: units.code, name: units.name, level: units.level })
        .from(conversations)
        .innerJoin(units, eq(units.id, conversations.unitId))
        .where(eq(conversations.memberId, memberId))
        .orderBy(sql`${conversations.updatedAt} desc`)
        .limit(1);
      return row ? { ...row, level: row.level as UnitLevel } : null;
    },
  };
}

async function memberOfCode(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ memberId: channelLinkCodes.memberId }).from(channelLinkCodes).where(eq(channelLinkCodes.code, code)).limit(1);
  return (row as { memberId: string }).memberId;
}
