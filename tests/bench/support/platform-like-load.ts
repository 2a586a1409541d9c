/**
 * The fault benches' load and its tally: web chat messages sent like a platform sends them (a message not
 * acknowledged with a 2xx — a refused connection, a 503, a timeout — is delivered again with the same id), then
 * counted in the database: stored, answered, lost and duplicated. Each bench keeps its own fault, its own idea of
 * "answered" and "the same reply twice" (the SQL it passes) and its own output line.
 */
import { randomUUID } from 'node:crypto';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PlatformLikeLoad {
  baseUrl: string;
  text: string;
  messages: number;
  /** Messages started per second. */
  rate: number;
  /** Deliveries of one message before the client gives up on it (one every 500 ms after the first). */
  maxAttempts: number;
  /**
   * Runs (and is awaited) a quarter into the sending, before that message is sent: the fault starts there. What it
   * may return is awaited with the deliveries (the fault's end, where the bench must not go on before it).
   */
  atQuarter: () => Promise<FaultUnderway | void> | FaultUnderway | void;
}

export interface FaultUnderway {
  over: Promise<void>;
}

export interface Acknowledgements {
  /** The platform ids of the messages sent (clientMessageId). */
  ids: string[];
  firstTry: number;
  afterRedelivery: number;
  /** Deliveries not acknowledged, 503s included. */
  failedAttempts: number;
  responses503: number;
  /** Deliveries that got no answer at all (refused connection, client time-out). */
  noAnswer: number;
  /** How long each delivery started during the fault took to get its answer (or to fail), in ms. */
  outageLatenciesMs: number[];
}

/** The q-quantile (0..1) of some figures, nearest rank; 0 for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export async function sendLikeAPlatform(load: PlatformLikeLoad): Promise<Acknowledgements> {
  const ids = Array.from({ length: load.messages }, () => randomUUID());
  const sessions = Array.from({ length: 25 }, () => randomUUID());
  const tally: Acknowledgements = { ids, firstTry: 0, afterRedelivery: 0, failedAttempts: 0, responses503: 0, noAnswer: 0, outageLatenciesMs: [] };
  let faultActive = false;
  const deliver = async (id: string, index: number): Promise<void> => {
    for (let attempt = 0; attempt < load.maxAttempts; attempt++) {
      let status = 0;
      const duringFault = faultActive;
      const startedAt = performance.now();
      try {
        const response = await fetch(`${load.baseUrl}/api/webchat/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: sessions[index % sessions.length], clientMessageId: id, text: load.text }),
          signal: AbortSignal.timeout(5000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      if (duringFault) tally.outageLatenciesMs.push(performance.now() - startedAt);
      if (status === 0) tally.noAnswer++;
      if (status >= 200 && status < 300) {
        if (attempt === 0) tally.firstTry++;
        else tally.afterRedelivery++;
        return;
      }
      tally.failedAttempts++;
      if (status === 503) tally.responses503++;
      await pause(500);
    }
  };
  const pending: Promise<void>[] = [];
  for (const [index, id] of ids.entries()) {
    if (index === Math.floor(load.messages / 4)) {
      faultActive = true;
      const fault = await load.atQuarter();
      if (fault) pending.push(fault.over.finally(() => (faultActive = false)));
    }
    pending.push(deliver(id, index));
    await pause(1000 / load.rate);
  }
  await Promise.all(pending);
  return tally;
}

export interface StoredOutcomeQuery {
  /** Runs one `select … as n` query and returns n. */
  count: (query: string, values: unknown[]) => Promise<number>;
  ids: string[];
  /** How long to wait for every message to be answered (the sweep re-enqueues what a fault left behind). */
  waitMs: number;
  /** Counts the messages of `$1` (platform ids) that have an answer. */
  answeredSql: string;
  /** Counts the messages of `$1` (platform ids) answered twice. */
  duplicatedRepliesSql: string;
}

export interface StoredOutcome {
  stored: number;
  answered: number;
  lost: number;
  duplicated: number;
}

export async function countStoredOutcome(query: StoredOutcomeQuery): Promise<StoredOutcome> {
  const { count, ids } = query;
  const answeredNow = () => count(query.answeredSql, [ids]);
  const deadline = Date.now() + query.waitMs;
  while ((await answeredNow()) < ids.length && Date.now() < deadline) await pause(500);
  const stored = await count(`select count(distinct platform_message_id) as n from messages where direction = 'in' and platform_message_id = any($1)`, [ids]);
  const duplicatedInbound = await count(`select count(*) as n from (select platform_message_id from messages where direction = 'in' and platform_message_id = any($1) group by 1 having count(*) > 1) d`, [ids]);
  const duplicatedReplies = await count(query.duplicatedRepliesSql, [ids]);
  const answered = await answeredNow();
  return { stored, answered, lost: ids.length - answered, duplicated: duplicatedInbound + duplicatedReplies };
}
