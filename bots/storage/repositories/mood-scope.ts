// The shapes a mood read is asked and answers in, apart from the repository so that the reads it is built of
// (mood-aggregate-read.ts) can name them without importing it back (no import cycles).

import type { AggregateRow } from '../../../core/mood/summary-document.js';

/** Where and when a dashboard question looks: a subtree (materialized path prefix) and whole Vietnam days. */
export interface MoodScope {
  scopePath: string;
  from: string;
  to: string;
  channel?: string | undefined;
  topic?: string | undefined;
}

/**
 * One row of the grouping-sets aggregate: `level` says which grouping it belongs to; `child` is the id of the scope's
 * child unit the figures roll up to ('' for members attached to the scope unit itself). The read fills every figure
 * the summary document's row may carry, so it is that row with nothing optional (and never forced hidden: that is
 * the document's choice).
 */
export type MoodAggregateRow = Required<Omit<AggregateRow, 'forceHidden'>>;
