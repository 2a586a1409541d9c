import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { channelOauthTokens } from '../schema/index.js';

export interface StoredOauthToken {
  accessToken: string | null;
  accessExpiresAt: Date | null;
  refreshToken: string;
  needsReauthorization: boolean;
  lastError: string | null;
  refreshedAt: Date | null;
  refreshCount: number;
  updatedAt: Date;
}

export type OauthTokenUpdate =
  | { kind: 'rotated'; accessToken: string; accessExpiresAt: Date; refreshToken: string; now: Date }
  /**
   * The platform refused the refresh token for good: keep it, flag the account for re-authorisation.
   * `clearAccessToken`: the access token was rejected too, so nobody may use it any more.
   */
  | { kind: 'refused'; error: string; now: Date; clearAccessToken?: boolean }
  /** A passing failure (rate limit, platform error): the chain is intact, only the error is recorded. */
  | { kind: 'failed'; error: string; now: Date; clearAccessToken?: boolean };

export type ChannelTokenRepository = ReturnType<typeof createChannelTokenRepository>;

/**
 * OAuth token rows (channel_oauth_tokens). `withLockedToken` is the only way to rotate a token: it holds
 * the row lock (`select … for update`) for the whole refresh, so a second worker waits, then sees the new
 * token and does not spend the single-use refresh token again.
 */
export function createChannelTokenRepository(db: Db) {
  const where = (channel: string, accountId: string) => and(eq(channelOauthTokens.channel, channel), eq(channelOauthTokens.accountId, accountId));

  const toStored = (row: typeof channelOauthTokens.$inferSelect): StoredOauthToken => ({
    accessToken: row.accessToken,
    accessExpiresAt: row.accessExpiresAt,
    refreshToken: row.refreshToken,
    needsReauthorization: row.needsReauthorization,
    lastError: row.lastError,
    refreshedAt: row.refreshedAt,
    refreshCount: row.refreshCount,
    updatedAt: row.updatedAt,
  });

  return {
    async read(channel: string, accountId: string): Promise<StoredOauthToken | null> {
      const [row] = await db.select().from(channelOauthTokens).where(where(channel, accountId)).limit(1);
      return row ? toStored(row) : null;
    },

    /**
     * Starts the chain from a configured refresh token. A token configured before (same hash) changes
     * nothing: the database holds the newer links of the chain. A different one (an administrator
     * authorised the app again) replaces the chain.
     */
    async seed(input: { channel: string; accountId: string; refreshToken: string; seedHash: string; now: Date }): Promise<void> {
      await db
        .insert(channelOauthTokens)
        .values({ channel: input.channel, accountId: input.accountId, refreshToken: input.refreshToken, seedHash: input.seedHash, updatedAt: input.now })
        .onConflictDoUpdate({
          target: [channelOauthTokens.channel, channelOauthTokens.accountId],
          set: {
            refreshToken: input.refreshToken,
            seedHash: input.seedHash,
            accessToken: null,
            accessExpiresAt: null,
            needsReauthorization: false,
            lastError: null,
            updatedAt: input.now,
          },
          setWhere: sql`${channelOauthTokens.seedHash} <> ${input.seedHash}`,
        });
    },

    /**
     * Runs `work` with the row locked. `work` gets the current row and returns the update to store (or
     * null to store nothing) plus its own result. The platform call happens inside `work`, under the lock.
     */
    async withLockedToken<T>(
      channel: string,
      accountId: string,
      work: (current: StoredOauthToken) => Promise<{ update: OauthTokenUpdate | null; result: T }>,
    ): Promise<T | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(channelOauthTokens).where(where(channel, accountId)).for('update');
        if (!row) return null;
        const { update, result } = await work(toStored(row));
        if (update?.kind === 'rotated') {
          await tx
            .update(channelOauthTokens)
            .set({
              accessToken: update.accessToken,
              accessExpiresAt: update.accessExpiresAt,
              refreshToken: update.refreshToken,
              needsReauthorization: false,
              lastError: null,
              refreshedAt: update.now,
              refreshCount: sql`${channelOauthTokens.refreshCount} + 1`,
              updatedAt: update.now,
            })
            .where(where(channel, accountId));
        } else if (update?.kind === 'refused') {
          await tx
            .update(channelOauthTokens)
            .set({ needsReauthorization: true, lastError: update.error, updatedAt: update.now, ...(update.clearAccessToken ? { accessToken: null, accessExpiresAt: null } : {}) })
            .where(where(channel, accountId));
        } else if (update?.kind === 'failed') {
          await tx
            .update(channelOauthTokens)
            .set({ lastError: update.error, ...(update.clearAccessToken ? { accessToken: null, accessExpiresAt: null } : {}) })
            .where(where(channel, accountId));
        }
        return result;
      });
    },
  };
}
