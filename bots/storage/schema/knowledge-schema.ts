import { date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The law corpus (DESIGN.md §5, §7): documents with their validity, articles with their text. Rows are written
 * only by the importer (knowledge/law/import-law-corpus.ts); `content_hash` lets a re-import tell changed
 * articles from unchanged ones. Retrieval loads the articles and ranks them in Node (vietnamese-nlp.md §5.3).
 */
export const lawDocuments = pgTable('law_documents', {
  lawId: text('law_id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  issuer: text('issuer'),
  effectiveDate: date('effective_date', { mode: 'string' }),
  expiredDate: date('expired_date', { mode: 'string' }),
  /** `in_force | expired | partly_amended | unknown` (core/knowledge/law.ts LawStatus). */
  status: text('status').notNull(),
  versionNote: text('version_note'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lawArticles = pgTable(
  'law_articles',
  {
    /** The corpus id, e.g. `45_2019_QH14__D113`. */
    id: text('id').primaryKey(),
    lawId: text('law_id')
      .notNull()
      .references(() => lawDocuments.lawId),
    lawName: text('law_name').notNull(),
    lawType: text('law_type').notNull(),
    articleNo: text('article_no').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    chapter: text('chapter'),
    section: text('section'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    status: text('status').notNull(),
    contentHash: text('content_hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('law_articles_law_article_uq').on(t.lawId, t.articleNo), index('law_articles_law_idx').on(t.lawId)],
);
