import { asc, eq, sql } from 'drizzle-orm';
import type { Route, Sentiment, Topic } from '../../../core/nlu/labels.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import type { Db } from '../database.js';
import { nluReviewedLabels } from '../schema/index.js';

/** One reviewed example in the shape `congdoan nlu train` reads: `{"text","route","topic","sentiment"}`. */
export interface ReviewedLabel {
  text: string;
  route: Route;
  topic: Topic;
  sentiment: Sentiment;
}

export interface ReviewedLabelRecord extends ReviewedLabel {
  learningItemId: string | null;
  reviewer: string;
  createdAt: string;
  updatedAt: string;
}

export type ReviewedLabelRepository = ReturnType<typeof createReviewedLabelRepository>;

/**
 * Officers' corrected labels for learning-queue messages: reviewed training data for the next model build.
 * The text is the learning queue's, redacted before it was stored. A second relabel of the same item replaces
 * the first, so the export holds one example per message.
 */
export function createReviewedLabelRepository(db: Db, clock: Clock = systemClock) {
  return {
    async upsert(input: ReviewedLabel & { learningItemId: string; reviewerUserId: string | null; reviewer: string }): Promise<void> {
      const now = clock.now();
      await db
        .insert(nluReviewedLabels)
        .values({ ...input, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: nluReviewedLabels.learningItemId,
          set: { route: input.route, topic: input.topic, sentiment: input.sentiment, reviewerUserId: input.reviewerUserId, reviewer: input.reviewer, updatedAt: now },
        });
    },

    async forItem(learningItemId: string): Promise<ReviewedLabel | null> {
      const [row] = await db.select().from(nluReviewedLabels).where(eq(nluReviewedLabels.learningItemId, learningItemId)).limit(1);
      return row ? { text: row.text, route: row.route as Route, topic: row.topic as Topic, sentiment: row.sentiment as Sentiment } : null;
    },

    /** Every reviewed example, oldest first (the training merge is deterministic over this order). */
    async reviewedLabels(): Promise<ReviewedLabelRecord[]> {
      const rows = await db.select().from(nluReviewedLabels).orderBy(asc(nluReviewedLabels.createdAt), asc(nluReviewedLabels.id));
      return rows.map((row) => ({
        text: row.text,
        route: row.route as Route,
        topic: row.topic as Topic,
        sentiment: row.sentiment as Sentiment,
        learningItemId: row.learningItemId,
        reviewer: row.reviewer,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(nluReviewedLabels);
      return Number(row?.n ?? 0);
    },
  };
}
