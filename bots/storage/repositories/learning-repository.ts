import { and, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Route, Sentiment, Topic } from '../../../core/nlu/labels.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import type { Db } from '../database.js';
import { nluReviewedLabels, unansweredQuestions, units } from '../schema/index.js';

export type LearningStatus = 'open' | 'resolved' | 'dismissed';

export interface LearningItem {
  id: string;
  text: string;
  reason: string;
  route: string | null;
  topic: string | null;
  confidence: number | null;
  status: LearningStatus;
  unitCode: string | null;
  /** The item's unit path (null: a member without a unit), for scope checks. */
  unitPath: string | null;
  faqEntryId: string | null;
  reviewedLabels: { route: Route; topic: Topic; sentiment: Sentiment } | null;
  createdAt: Date;
}

export interface LearningScope {
  path: string;
  isRoot: boolean;
}

export type LearningRepository = ReturnType<typeof createLearningRepository>;

/**
 * The learning queue: messages the bot was unsure about or could not answer (text already redacted).
 * Scoped like everything else: an officer sees the items of their unit subtree; items of members without
 * a unit are visible only from the top of the hierarchy.
 */
export function createLearningRepository(db: Db, clock: Clock = systemClock) {
  const columns = {
    id: unansweredQuestions.id,
    text: unansweredQuestions.text,
    reason: unansweredQuestions.reason,
    route: unansweredQuestions.route,
    topic: unansweredQuestions.topic,
    confidence: unansweredQuestions.confidence,
    status: unansweredQuestions.status,
    unitCode: units.code,
    unitPath: units.path,
    faqEntryId: unansweredQuestions.faqEntryId,
    labelRoute: nluReviewedLabels.route,
    labelTopic: nluReviewedLabels.topic,
    labelSentiment: nluReviewedLabels.sentiment,
    createdAt: unansweredQuestions.createdAt,
  };
  type Row = { [K in keyof typeof columns]: unknown } & { id: string; text: string; reason: string; createdAt: Date };
  const toItem = (row: Row): LearningItem => ({
    id: row.id,
    text: row.text,
    reason: row.reason,
    route: (row.route as string | null) ?? null,
    topic: (row.topic as string | null) ?? null,
    confidence: (row.confidence as number | null) ?? null,
    status: row.status as LearningStatus,
    unitCode: (row.unitCode as string | null) ?? null,
    unitPath: (row.unitPath as string | null) ?? null,
    faqEntryId: (row.faqEntryId as string | null) ?? null,
    reviewedLabels: row.labelRoute ? { route: row.labelRoute as Route, topic: row.labelTopic as Topic, sentiment: row.labelSentiment as Sentiment } : null,
    createdAt: row.createdAt,
  });
  const select = () =>
    db
      .select(columns)
      .from(unansweredQuestions)
      .leftJoin(units, eq(units.id, unansweredQuestions.unitId))
      .leftJoin(nluReviewedLabels, eq(nluReviewedLabels.learningItemId, unansweredQuestions.id));
  const inScope = (scope: LearningScope) =>
    scope.isRoot ? or(like(units.path, `${scope.path}%`), isNull(unansweredQuestions.unitId)) : like(units.path, `${scope.path}%`);

  return {
    async list(scope: LearningScope, status: LearningStatus, limit: number): Promise<LearningItem[]> {
      const rows = await select()
        .where(and(eq(unansweredQuestions.status, status), inScope(scope)))
        .orderBy(desc(unansweredQuestions.createdAt))
        .limit(limit);
      return rows.map((row) => toItem(row as Row));
    },

    /** One item within the scope, or null (out of scope looks exactly like missing). */
    async get(scope: LearningScope, id: string): Promise<LearningItem | null> {
      const [row] = await select()
        .where(and(eq(unansweredQuestions.id, id), inScope(scope)))
        .limit(1);
      return row ? toItem(row as Row) : null;
    },

    async setStatus(id: string, status: LearningStatus, faqEntryId?: string | null): Promise<void> {
      await db
        .update(unansweredQuestions)
        .set({ status, resolvedAt: status === 'open' ? null : clock.now(), ...(faqEntryId !== undefined ? { faqEntryId } : {}) })
        .where(eq(unansweredQuestions.id, id));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unansweredQuestions);
      return row?.n ?? 0;
    },
  };
}
