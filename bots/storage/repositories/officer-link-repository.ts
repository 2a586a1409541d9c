import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { OfficerLinkResult, OfficerLinks } from '../../../core/ports/officer-links.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { createMemoryLinkAttemptLimiter, type LimitKey, type LinkAttemptLimiter } from './link-attempt-limiter.js';
import { createSettingsRepository } from './settings-repository.js';

export const OFFICER_LINK_CODE_MINUTES = 10;

export interface OfficerLinkOptions {
  /** Shared with the members' link codes' limiter (Redis when set); the officer codes use keys of their own. */
  attemptLimiter?: LinkAttemptLimiter;
  /** Wrong `/canbo` codes per hour from one platform account (the sender), one network address, the whole platform. */
  maxFailuresPerSender?: number;
  maxFailuresPerAddress?: number;
  maxFailuresGlobal?: number;
}

/** Where an officer gets inbox notices on one platform. */
export interface OfficerNoticeTarget {
  platformUserId: string;
  threadId: string;
  linkedAt: string;
}

type Targets = Partial<Record<ChannelId, OfficerNoticeTarget>>;
interface PendingCode {
  userId: string;
  channel: ChannelId;
  expiresAt: string;
  used?: boolean;
}

const codeKey = (code: string) => `officer_link_code:${code}`;
const targetsKey = (userId: string) => `officer_notify:${userId}`;
/** The officer's live code per channel: a new code replaces it, so only the latest one shown works. */
const liveCodeKey = (userId: string, channel: ChannelId) => `officer_link_live:${userId}:${channel}`;

export type OfficerLinkRepository = ReturnType<typeof createOfficerLinkRepository>;

/**
 * Officers' own Telegram/Zalo accounts for inbox notices, kept in app_settings (a handful of rows per officer,
 * no migration): a one-time 8-digit code valid 10 minutes (one live code per officer and channel), then the
 * account the code was sent from. Wrong codes are limited like the members' link codes (D-inbox-2).
 */
export function createOfficerLinkRepository(db: Db, options: OfficerLinkOptions = {}) {
  const settings = createSettingsRepository(db);
  const limiter = options.attemptLimiter ?? createMemoryLinkAttemptLimiter();
  const limitKeys = (memberId: string, address: string | null): LimitKey[] => [
    { key: `officer:sender:${memberId}`, max: options.maxFailuresPerSender ?? 5 },
    ...(address ? [{ key: `officer:addr:${address}`, max: options.maxFailuresPerAddress ?? 20 }] : []),
    { key: 'officer:global', max: options.maxFailuresGlobal ?? 200 },
  ];

  async function redeemCode(input: { code: string; channel: ChannelId; conversationId: string; now: Date }): Promise<OfficerLinkResult> {
    const pending = await settings.get<PendingCode>(codeKey(input.code));
    if (!pending || pending.used || pending.channel !== input.channel) return { status: 'invalid' };
    if (Date.parse(pending.expiresAt) < input.now.getTime()) return { status: 'expired' };
    const [thread] = await executeRows<{ platformUserId: string; threadKey: string }>(
      db,
      sql`select platform_user_id as "platformUserId", thread_key as "threadKey" from conversations where id = ${input.conversationId}`,
    );
    const [user] = await executeRows<{ displayName: string }>(db, sql`select display_name as "displayName" from users where id = ${pending.userId} and not disabled`);
    if (!thread || !user) return { status: 'invalid' };
    // Compare-and-set: of two accounts sending the same code at once, one links.
    if (!(await settings.compareAndSet(codeKey(input.code), pending, { ...pending, used: true }))) return { status: 'invalid' };
    const targets = (await settings.get<Targets>(targetsKey(pending.userId))) ?? {};
    targets[input.channel] = { platformUserId: thread.platformUserId, threadId: thread.threadKey, linkedAt: input.now.toISOString() };
    await settings.set(targetsKey(pending.userId), targets);
    return { status: 'linked', displayName: user.displayName };
  }

  const repository = {
    async createCode(userId: string, channel: ChannelId, now: Date): Promise<{ code: string; expiresAt: Date }> {
      const code = String(randomInt(10_000_000, 100_000_000));
      const expiresAt = new Date(now.getTime() + OFFICER_LINK_CODE_MINUTES * 60_000);
      const previous = await settings.get<string>(liveCodeKey(userId, channel));
      if (previous) await settings.set(codeKey(previous), { userId, channel, expiresAt: now.toISOString(), used: true } satisfies PendingCode);
      await settings.set(codeKey(code), { userId, channel, expiresAt: expiresAt.toISOString() } satisfies PendingCode);
      await settings.set(liveCodeKey(userId, channel), code);
      return { code, expiresAt };
    },

    async redeem(input: { code: string; channel: ChannelId; conversationId: string; memberId: string; address: string | null; now: Date }): Promise<OfficerLinkResult> {
      const keys = limitKeys(input.memberId, input.address);
      if (await limiter.blocked(keys, input.now)) return { status: 'too_many_attempts' };
      const outcome = await redeemCode(input);
      // An expired code counts too: otherwise old codes are free guesses.
      if (outcome.status !== 'linked') await limiter.fail(keys, input.now);
      return outcome;
    },

    async targets(userId: string): Promise<Targets> {
      return (await settings.get<Targets>(targetsKey(userId))) ?? {};
    },

    async unlink(userId: string, channel: ChannelId): Promise<void> {
      const targets = (await settings.get<Targets>(targetsKey(userId))) ?? {};
      delete targets[channel];
      await settings.set(targetsKey(userId), targets);
    },
  };
  return repository satisfies OfficerLinks;
}
