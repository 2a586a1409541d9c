import { and, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { unansweredQuestions, units } from '../schema/index.js';

export interface LearningItem {
  id: string;
  text: string;
  reason: string;
  route: string | null;
  topic: string | null;
  confidence: number | null;
  status: string;
  unitCode: string | null;
  createdAt: Date;
}

export type LearningRepository = ReturnType<typeof createLearningRepository>;

/**
 * The learning queue: messages the bot was unsure about or could not answer (text already redacted).
 * Scoped like everything else: an officer sees the items of their unit subtree; items of members without
 * a unit are visible only from the top of the hierarchy.
 */
export function createLearningRepository(db: Db) {
  return {
    async list(scope: { path: string; isRoot: boolean }, status: 'open' | 'resolved' | 'dismissed', limit: number): Promise<LearningItem[]> {
      const inScope = scope.isRoot ? or(like(units.path, `${scope.path}%`), isNull(unansweredQuestions.unitId)) : like(units.path, `${scope.path}%`);
      const rows = await db
        .select({
          id: unansweredQuestions.id,
          text: unansweredQuestions.text,
          reason: unansweredQuestions.reason,
          route: unansweredQuestions.route,
          topic: unansweredQuestions.topic,
          confidence: unansweredQuestions.confidence,
          status: unansweredQuestions.status,
          unitCode: units.code,
          createdAt: unansweredQuestions.createdAt,
        })
        .from(unansweredQuestions)
        .leftJoin(units, eq(units.id, unansweredQuestions.unitId))
        .where(and(eq(unansweredQuestions.status, status), inScope))
        .orderBy(desc(unansweredQuestions.createdAt))
        .limit(limit);
      return rows;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unansweredQuestions);
      return row?.n ?? 0;
    },
  };
}
