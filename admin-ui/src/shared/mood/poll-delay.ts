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
