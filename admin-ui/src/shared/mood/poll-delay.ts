import type { MoodViewPending } from '../../../../core/contracts/mood-api';

/** Longest wait between two asks while a view computes: a national year can take minutes at scale. */
export const POLL_MAX_MS = 15_000;

/**
 * The wait before asking again: the server's suggestion at first, then half as long again each time (2 s, 3 s,
 * 4.5 s … up to 15 s), so a view that takes minutes costs a few dozen small requests, not hundreds (D-mood-18).
 * The summary, the examples and the downloads all back off alike.
 */
export function pollDelayMs(retryAfterMs: number, asked: number): number {
  return Math.min(POLL_MAX_MS, Math.round(retryAfterMs * 1.5 ** Math.max(0, asked - 1)));
}

/** Whether an answer is the server's "computing" (or "failed") note rather than the figures (D-mood-18). */
export const isPending = <T extends object>(answer: T | MoodViewPending | undefined): answer is MoodViewPending => answer !== undefined && 'status' in answer;

/**
 * A query's `refetchInterval` while its answer is the server's note: the backoff above, counted by the answers
 * received so far; false once the figures have come. The summary and the examples panel poll alike.
 */
export function refetchWhilePending<T extends object>(current: { state: { data: T | MoodViewPending | undefined; dataUpdateCount: number } }): number | false {
  const data = current.state.data;
  return isPending(data) ? pollDelayMs(data.retryAfterMs, current.state.dataUpdateCount) : false;
}
