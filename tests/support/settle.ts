import { inArray, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../bots/storage/database.js';
import { messages } from '../../bots/storage/schema/index.js';
import { waitUntil } from './test-platform.js';

/** How long a "nothing more happens" check watches, by default. */
export const QUIET_MS = 500;

/**
 * Waits until the platform has no work left in the database: no member message waiting to be handled, no
 * reply waiting to be sent, nothing leased. The database is the truth (docs/decisions.md D3): when it is idle,
 * a job still in the queue can only find nothing to do.
 */
export async function waitForIdle(db: Db, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    async () => {
      const [row] = await db
        .select({ busy: sql<number>`count(*)::int` })
        .from(messages)
        .where(inArray(messages.status, ['received', 'queued']));
      return row?.busy === 0;
    },
    timeoutMs,
    'no message waiting to be handled or sent',
  );
}

/**
 * "It happened only once" checked over time, not after a sleep: reads `probe` until `quietMs` have passed and
 * fails as soon as an answer differs from the first. Call it after a condition wait (the thing happened, the
 * platform is idle); it returns the stable answer for the assertions that follow.
 */
export async function expectStable<T>(probe: () => Promise<T> | T, what: string, quietMs = QUIET_MS): Promise<T> {
  const first = await probe();
  const until = Date.now() + quietMs;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await probe();
    if (!isDeepStrictEqual(next, first)) {
      throw new Error(`${what} changed during the quiet period: ${JSON.stringify(first)} → ${JSON.stringify(next)}`);
    }
  }
  return first;
}
