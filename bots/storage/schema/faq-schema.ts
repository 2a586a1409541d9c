import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { FaqCitationRef } from '../../../core/knowledge/faq.js';

/**
 * Curated FAQ (DESIGN.md §5): questions officers maintain, each with the ways members ask it and the articles
 * its answer rests on. The id is a readable slug (`wt-overtime-pay`) so exports, logs and the learning loop can
 * name an entry. `version` guards concurrent edits in the admin UI (optimistic locking).
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
    /** `published | draft`: only published entries answer members. */
    status: text('status').notNull().default('published'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('faq_entries_topic_status_idx').on(t.topic, t.status)],
);
