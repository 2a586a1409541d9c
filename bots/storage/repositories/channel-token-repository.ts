import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import type { SecretBox } from '../../secrets/secret-box.js';
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
 *
 * Both tokens are sealed with the secrets key (bots/secrets) before they are written and opened when read:
 * the table never holds a usable token (issue #13 finding 11).
 */
export function createChannelTokenRepository(db: Db, secrets: SecretBox) {
  const where = (channel: string, accountId: string) => and(eq(channelOauthTokens.channel, channel), eq(channelOauthTokens.accountId, accountId));
  const context = (channel: string, accountId: string, column: 'access_token' | 'refresh_token') => `channel_oauth_tokens:${channel}:${accountId}:${column}`;

  const toStored = (row: typeof channelOauthTokens.$inferSelect): StoredOauthToken => ({
    accessToken: row.accessToken === null ? null : secrets.open(row.accessToken, context(row.channel, row.accountId, 'access_token')),
    accessExpiresAt: row.accessExpiresAt,
    refreshToken: secrets.open(row.refreshToken, context(row.channel, row.accountId, 'refresh_token')),
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
      const refreshToken = secrets.seal(input.refreshToken, context(input.channel, input.accountId, 'refresh_token'));
      await db
        .insert(channelOauthTokens)
        .values({ channel: input.channel, accountId: input.accountId, refreshToken, seedHash: input.seedHash, updatedAt: input.now })
        .onConflictDoUpdate({
          target: [channelOauthTokens.channel, channelOauthTokens.accountId],
          set: {
            refreshToken,
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
              accessToken: secrets.seal(update.accessToken, context(channel, accountId, 'access_token')),
              accessExpiresAt: update.accessExpiresAt,
              refreshToken: secrets.seal(update.refreshToken, context(channel, accountId, 'refresh_token')),
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

    /** Every row's stored (sealed or legacy plain) token values, for the start-up migration and `congdoan secrets`. */
    async listStoredValues(): Promise<StoredSecretValue[]> {
      const rows = await db.select({ channel: channelOauthTokens.channel, accountId: channelOauthTokens.accountId, accessToken: channelOauthTokens.accessToken, refreshToken: channelOauthTokens.refreshToken }).from(channelOauthTokens);
      return rows.flatMap((row) => [
        { place: context(row.channel, row.accountId, 'refresh_token'), stored: row.refreshToken, ref: { channel: row.channel, accountId: row.accountId, column: 'refresh_token' as const } },
        ...(row.accessToken === null ? [] : [{ place: context(row.channel, row.accountId, 'access_token'), stored: row.accessToken, ref: { channel: row.channel, accountId: row.accountId, column: 'access_token' as const } }]),
      ]);
    },

    /**
     * Replaces one stored value only if it is still `expected` (compare-and-set): a token rotated meanwhile
     * by a worker is newer and already sealed with that worker's key, so it is left alone.
     */
    async replaceStoredValue(ref: TokenValueRef, expected: string, replacement: string): Promise<boolean> {
      const column = ref.column === 'access_token' ? channelOauthTokens.accessToken : channelOauthTokens.refreshToken;
      const updated = await db
        .update(channelOauthTokens)
        .set(ref.column === 'access_token' ? { accessToken: replacement } : { refreshToken: replacement })
        .where(and(where(ref.channel, ref.accountId), eq(column, expected)))
        .returning({ channel: channelOauthTokens.channel });
      return updated.length > 0;
    },
  };
}

export interface TokenValueRef {
  channel: string;
  accountId: string;
  column: 'access_token' | 'refresh_token';
}

export interface StoredSecretValue {
  /** Where the value lives; also the associated data it is sealed with. */
  place: string;
  stored: string;
  ref: TokenValueRef;
}
