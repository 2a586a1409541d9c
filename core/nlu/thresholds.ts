/**
 * Confidence thresholds for acting on a classification. Below `route` the bot asks a clarifying question
 * instead of guessing and the message goes to the learning queue (DESIGN.md §6). They are configuration
 * (NLU_MIN_ROUTE_CONFIDENCE...), these are the defaults.
 */
export interface NluThresholds {
  route: number;
  topic: number;
  /** A negative message on a serious topic offers hand-off only when sentiment is at least this sure. */
  seriousNegative: number;
}

export const DEFAULT_NLU_THRESHOLDS: NluThresholds = {
  route: 0.55,
  topic: 0.4,
  seriousNegative: 0.6,
};
