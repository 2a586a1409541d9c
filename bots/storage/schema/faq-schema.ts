import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FaqCitationRef } from '../../../core/knowledge/faq.js';

/**
 * Curated FAQ (DESIGN.md §5): questions officers maintain, each with the ways members ask it and the articles
 * its answer rests on. The id is a readable slug (`wt-overtime-pay`) so exports, logs and the learning loop can
 * name an entry. `version` guards concurrent edits in the admin UI (optimistic locking).
 *
 * Ownership (issue #13): `owner_unit_id` null means the national level; a unit's entries answer the members of
 * its subtree only. `overrides_id` names an entry of a higher level that this local entry replaces for that
 * subtree (members there get the local answer instead).
 */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: text('id').primaryKey(),
    /** A topic key of core/nlu/labels.ts (never `other` in practice, but not enforced here). */
    topic: text('topic').notNull(),
    question: text('question').notNull(),
    variants: jsonb('variants').$type<string[]>().notNull().default([]),
    answer: text('answer').notNull(),
    citations: jsonb('citations').$type<FaqCitationRef[]>().notNull().default([]),
    /** `published | draft | retired`: only published entries answer members. */
    status: text('status').notNull().default('published'),
    ownerUnitId: uuid('owner_unit_id'),
    overridesId: text('overrides_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('faq_entries_topic_status_idx').on(t.topic, t.status), index('faq_entries_owner_idx').on(t.ownerUnitId)],
);

/**
 * One change to the FAQ (an edit, a retirement, an import of many entries, an undo). Its entry versions hold
 * the state before and after, so the whole change can be undone in one click. Append-only apart from `undone_by`.
 */
export const faqChanges = pgTable(
  'faq_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actor: text('actor').notNull(),
    /** create | update | retire | delete | import | undo */
    action: text('action').notNull(),
    undoOf: uuid('undo_of'),
    undoneBy: uuid('undone_by'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('faq_changes_at_idx').on(t.at)],
);

/** A stored entry's state before and after one change; null before = created, null after = deleted. */
export const faqEntryVersions = pgTable(
  'faq_entry_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    changeId: uuid('change_id').notNull(),
    entryId: text('entry_id').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('faq_entry_versions_entry_idx').on(t.entryId, t.id), index('faq_entry_versions_change_idx').on(t.changeId)],
);

/**
 * An officer's proposed FAQ change (create, update, retire), reviewed by a leader or admin whose scope covers
 * the proposer's unit. Accepting applies it as the reviewer, with the reviewer's rights.
 */
export const faqProposals = pgTable(
  'faq_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    entryId: text('entry_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    baseVersion: integer('base_version'),
    unitId: uuid('unit_id').notNull(),
    proposerUserId: uuid('proposer_user_id').notNull(),
    proposer: text('proposer').notNull(),
    note: text('note'),
    learningItemId: uuid('learning_item_id'),
    status: text('status').notNull().default('open'),
    reviewerUserId: uuid('reviewer_user_id'),
    reviewer: text('reviewer'),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('faq_proposals_status_idx').on(t.status, t.createdAt)],
);

/**
 * Officers' corrections of the NLU's labels for a message from the learning queue: reviewed training data that
 * `congdoan nlu train` merges. The text is the learning queue's, already redacted. One row per learning item
 * (a second relabel replaces the first).
 */
export const nluReviewedLabels = pgTable(
  'nlu_reviewed_labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learningItemId: uuid('learning_item_id'),
    text: text('text').notNull(),
    route: text('route').notNull(),
    topic: text('topic').notNull(),
    sentiment: text('sentiment').notNull(),
    reviewerUserId: uuid('reviewer_user_id'),
    reviewer: text('reviewer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('nlu_reviewed_labels_item_uq').on(t.learningItemId), index('nlu_reviewed_labels_created_idx').on(t.createdAt)],
);
