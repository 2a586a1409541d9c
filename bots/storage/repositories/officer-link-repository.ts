import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { OfficerLinkResult, OfficerLinks } from '../../../core/ports/officer-links.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { createSettingsRepository } from './settings-repository.js';

export const OFFICER_LINK_CODE_MINUTES = 10;

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

export type OfficerLinkRepository = ReturnType<typeof createOfficerLinkRepository>;

/**
 * Officers' own Telegram/Zalo accounts for inbox notices, kept in app_settings (a handful of rows per officer,
 * no migration): a one-time 8-digit code valid 10 minutes, then the account the code was sent from.
 */
export function createOfficerLinkRepository(db: Db) {
  const settings = createSettingsRepository(db);

  const repository = {
    async createCode(userId: string, channel: ChannelId, now: Date): Promise<{ code: string; expiresAt: Date }> {
      const code = String(randomInt(10_000_000, 100_000_000));
      const expiresAt = new Date(now.getTime() + OFFICER_LINK_CODE_MINUTES * 60_000);
      await settings.set(codeKey(code), { userId, channel, expiresAt: expiresAt.toISOString() } satisfies PendingCode);
      return { code, expiresAt };
    },

    async redeem(input: { code: string; channel: ChannelId; conversationId: string; now: Date }): Promise<OfficerLinkResult> {
      const pending = await settings.get<PendingCode>(codeKey(input.code));
      if (!pending || pending.used || pending.channel !== input.channel) return { status: 'invalid' };
      if (Date.parse(pending.expiresAt) < input.now.getTime()) return { status: 'expired' };
      const [thread] = await executeRows<{ platformUserId: string; threadKey: string }>(
        db,
        sql`select platform_user_id as "platformUserId", thread_key as "threadKey" from conversations where id = ${input.conversationId}`,
      );
      const [user] = await executeRows<{ displayName: string }>(db, sql`select display_name as "displayName" from users where id = ${pending.userId} and not disabled`);
      if (!thread || !user) return { status: 'invalid' };
      await settings.set(codeKey(input.code), { ...pending, used: true });
      const targets = (await settings.get<Targets>(targetsKey(pending.userId))) ?? {};
      targets[input.channel] = { platformUserId: thread.platformUserId, threadId: thread.threadKey, linkedAt: input.now.toISOString() };
      await settings.set(targetsKey(pending.userId), targets);
      return { status: 'linked', displayName: user.displayName };
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
