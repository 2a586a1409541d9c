// The shapes a mood read is asked and answers in, apart from the repository so that the reads it is built of
// (mood-aggregate-read.ts) can name them without importing it back (no import cycles).

/** Where and when a dashboard question looks: a subtree (materialized path prefix) and whole Vietnam days. */
export interface MoodScope {
  scopePath: string;
  from: string;
  to: string;
  channel?: string | undefined;
  topic?: string | undefined;
}

/** One row of the grouping-sets aggregate: `level` says which grouping it belongs to. */
export interface MoodAggregateRow {
  level: 'total' | 'child' | 'topic' | 'sentiment' | 'child_topic' | 'cell';
  /** Id of the child unit of the scope the figures roll up to; '' for members attached to the scope unit itself. */
  child: string | null;
  topic: string | null;
  sentiment: string | null;
  members: number;
  negativeMembers: number;
  messages: number;
  positiveWeight: number;
  negativeWeight: number;
  totalWeight: number;
  /** Members in the cell's first and last non-empty segment of the period, and in its smallest (see core/mood/period-grid.ts). */
  firstSegmentMembers: number;
  lastSegmentMembers: number;
  minSegmentMembers: number;
  /** Members who appear first in the cell's latest such segment, and last in its earliest (see `hiddenByPeriodEdges`). */
  newcomersInLastSegment: number;
  leaversInFirstSegment: number;
}
