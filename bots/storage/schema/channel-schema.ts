import { sql } from 'drizzle-orm';
import type { MoodMoves } from './mood-moves.js';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the channel adapters (bots/channels/*). They reference the core tables by id only,
 * so a channel can be dropped without touching the core schema.
 */

/**
 * OAuth tokens of a platform account (Zalo OA: the access token lives 25 h, the refresh token is
 * single-use). The row is locked (`select … for update`) while a worker refreshes, so two workers never
 * spend the same refresh token. `seed_hash` remembers which configured refresh token started the chain,
 * so that an administrator who re-authorises and sets a new one replaces the chain.
 */
export const channelOauthTokens = pgTable(
  'channel_oauth_tokens',
  {
    channel: text('channel').notNull(),
    accountId: text('account_id').notNull(),
    accessToken: text('access_token'),
    accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }),
    refreshToken: text('refresh_token').notNull(),
    seedHash: text('seed_hash').notNull(),
    /** Set when the platform refused the refresh token: an administrator must authorise the app again. */
    needsReauthorization: boolean('needs_reauthorization').notNull().default(false),
    lastError: text('last_error'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    refreshCount: integer('refresh_count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.accountId] })],
);

/**
 * One row per part of an outbound message handed to a platform. A reply split into parts is sent part by
 * part; a retry skips the parts already accepted, so a failure on part 3 never re-sends parts 1 and 2.
 * The row is written as `sending` before the HTTP call (with a hash of the part's text) and completed
 * with the platform's message id after it: an echo webhook that races the send is still recognised as ours.
 */
export const channelDeliveries = pgTable(
  'channel_deliveries',
  {
    outboundMessageId: uuid('outbound_message_id').notNull(),
    part: integer('part').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    textHash: text('text_hash').notNull(),
    status: text('status').notNull(),
    platformMessageId: text('platform_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.outboundMessageId, t.part] }),
    uniqueIndex('channel_deliveries_platform_uq')
      .on(t.channel, t.platformMessageId)
      .where(sql`platform_message_id is not null`),
    index('channel_deliveries_recipient_idx').on(t.channel, t.recipient, t.textHash),
  ],
);

/**
 * Short one-time codes that link two channel identities of one person (`/lienket` on channel A gives the
 * code, `/lienket CODE` on channel B merges B into A). `request_message_id` makes the creation idempotent
 * when a turn is computed twice.
 */
export const channelLinkCodes = pgTable(
  'channel_link_codes',
  {
    code: text('code').primaryKey(),
    memberId: uuid('member_id').notNull(),
    channel: text('channel').notNull(),
    requestMessageId: uuid('request_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByMemberId: uuid('used_by_member_id'),
  },
  (t) => [index('channel_link_codes_member_idx').on(t.memberId)],
);

/** Failed link-code attempts per member in a sliding hour: a 6-digit code must not be guessable. */
export const channelLinkAttempts = pgTable('channel_link_attempts', {
  memberId: uuid('member_id').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
});

/** When a member was asked for their union's code (asked once; Zalo has no deep-link parameter). */
export const channelMemberPrompts = pgTable('channel_member_prompts', {
  memberId: uuid('member_id').primaryKey(),
  unitCodeAskedAt: timestamp('unit_code_asked_at', { withTimezone: true }).notNull(),
  requestMessageId: uuid('request_message_id'),
});

/** Audit of identity merges: which member row was folded into which, and through which channel. */
export const channelMemberMerges = pgTable(
  'channel_member_merges',
  {
    fromMemberId: uuid('from_member_id').primaryKey(),
    intoMemberId: uuid('into_member_id').notNull(),
    channel: text('channel').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
    /** The mood rows the merge moved to the surviving member's pseudonym, so that an undone link gives them back (D-privacy-9). */
    moodMoves: jsonb('mood_moves').$type<MoodMoves>(),
  },
  (t) => [index('channel_member_merges_into_idx').on(t.intoMemberId)],
);

/**
 * What a platform needs to write into a thread later (Bot Framework: the conversation reference with its
 * service URL). Refreshed on every inbound activity.
 */
export const channelThreadRefs = pgTable(
  'channel_thread_refs',
  {
    channel: text('channel').notNull(),
    threadKey: text('thread_key').notNull(),
    ref: jsonb('ref').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.threadKey] })],
);
