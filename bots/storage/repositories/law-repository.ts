import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LawArticle, LawDocument, LawStatus } from '../../../core/knowledge/law.js';
import type { LawCorpusStore, LawImportPlan, StoredArticleFingerprint } from '../../../knowledge/index.js';
import type { Db } from '../database.js';
import { lawArticles, lawDocuments } from '../schema/index.js';

export type LawRepository = ReturnType<typeof createLawRepository>;

/** Rows per INSERT: article texts reach several KB, and Postgres caps a statement at 65,535 parameters. */
const INSERT_CHUNK = 200;

const LAW_STATUSES: readonly LawStatus[] = ['in_force', 'expired', 'partly_amended', 'unknown'];
const asStatus = (value: string): LawStatus => (LAW_STATUSES.includes(value as LawStatus) ? (value as LawStatus) : 'unknown');

/** The law corpus tables. Implements the importer's port (LawCorpusStore) and the reads retrieval needs. */
export function createLawRepository(db: Db) {
  const repository = {
    async loadArticleFingerprints(): Promise<Map<string, StoredArticleFingerprint>> {
      const rows = await db
        .select({ id: lawArticles.id, lawId: lawArticles.lawId, contentHash: lawArticles.contentHash })
        .from(lawArticles);
      return new Map(rows.map((row) => [row.id, { lawId: row.lawId, contentHash: row.contentHash }]));
    },

    /** Writes one import atomically: documents, removals, then added/changed articles. */
    async applyImport(plan: LawImportPlan): Promise<void> {
      await db.transaction(async (tx) => {
        for (const document of plan.documents) {
          const values = {
            lawId: document.lawId,
            name: document.name,
            type: document.type,
            issuer: document.issuer,
            effectiveDate: document.effectiveDate,
            expiredDate: document.expiredDate,
            status: document.status,
            versionNote: document.versionNote,
          };
          await tx
            .insert(lawDocuments)
            .values(values)
            .onConflictDoUpdate({ target: lawDocuments.lawId, set: { ...values, updatedAt: new Date() } });
        }
        if (plan.removedArticleIds.length > 0) {
          await tx.delete(lawArticles).where(inArray(lawArticles.id, plan.removedArticleIds));
        }
        for (let start = 0; start < plan.upserts.length; start += INSERT_CHUNK) {
          const rows = plan.upserts.slice(start, start + INSERT_CHUNK).map(({ article, contentHash }) => ({
            id: article.id,
            lawId: article.lawId,
            lawName: article.lawName,
            lawType: article.lawType,
            articleNo: article.articleNo,
            title: article.title,
            text: article.text,
            chapter: article.chapter,
            section: article.section,
            effectiveDate: article.effectiveDate,
            status: article.status,
            contentHash,
          }));
          await tx
            .insert(lawArticles)
            .values(rows)
            .onConflictDoUpdate({
              target: lawArticles.id,
              set: {
                lawId: sql`excluded.law_id`,
                lawName: sql`excluded.law_name`,
                lawType: sql`excluded.law_type`,
                articleNo: sql`excluded.article_no`,
                title: sql`excluded.title`,
                text: sql`excluded.text`,
                chapter: sql`excluded.chapter`,
                section: sql`excluded.section`,
                effectiveDate: sql`excluded.effective_date`,
                status: sql`excluded.status`,
                contentHash: sql`excluded.content_hash`,
                updatedAt: new Date(),
              },
            });
        }
      });
    },

    async listDocuments(): Promise<LawDocument[]> {
      const rows = await db.select().from(lawDocuments).orderBy(asc(lawDocuments.lawId));
      return rows.map((row) => ({
        lawId: row.lawId,
        name: row.name,
        type: row.type,
        issuer: row.issuer,
        effectiveDate: row.effectiveDate,
        expiredDate: row.expiredDate,
        status: asStatus(row.status),
        versionNote: row.versionNote,
      }));
    },

    /** Every article, in a stable order (law, then numeric article number) so rebuilt indexes rank identically. */
    async listArticles(): Promise<LawArticle[]> {
      const rows = await db
        .select()
        .from(lawArticles)
        .orderBy(asc(lawArticles.lawId), sql`length(${lawArticles.articleNo})`, asc(lawArticles.articleNo));
      return rows.map(toArticle);
    },

    async findArticle(lawId: string, articleNo: string): Promise<LawArticle | null> {
      const [row] = await db
        .select()
        .from(lawArticles)
        .where(and(eq(lawArticles.lawId, lawId), eq(lawArticles.articleNo, articleNo)))
        .limit(1);
      return row ? toArticle(row) : null;
    },

    async countArticles(): Promise<number> {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(lawArticles);
      return row?.count ?? 0;
    },
  };
  // Compile-time check that the repository is a valid store for the importer.
  const store: LawCorpusStore = repository;
  void store;
  return repository;
}

function toArticle(row: typeof lawArticles.$inferSelect): LawArticle {
  return {
    id: row.id,
    lawId: row.lawId,
    lawName: row.lawName,
    lawType: row.lawType,
    articleNo: row.articleNo,
    title: row.title,
    text: row.text,
    chapter: row.chapter,
    section: row.section,
    effectiveDate: row.effectiveDate,
    status: asStatus(row.status),
  };
}
