import { runTurn } from '../pipeline/run-turn.js';
import type { TurnInput, TurnOutcome } from '../pipeline/turn.js';
import { afterCommit, failClaimed, handleClaimed, turnCommitOf, type ProcessInboundDeps } from './process-inbound.js';
import type { PendingInbound } from './processing-store.js';

/** A job waiting for its conversation to be drained. */
interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface InboundBatcher {
  /**
   * What `processConversationInbound` does for one conversation — handle its pending messages oldest first, stop
   * when none is left or another worker holds one — with the turns of every conversation asked for meanwhile
   * claimed, loaded and committed together (at most `maxBatch` at a time).
   */
  drain(conversationId: string): Promise<void>;
}

/**
 * The batched worker loop (issue #12, D-embedded-speed-2). Each round takes up to `maxBatch` conversations whose
 * jobs are waiting, leases the oldest pending message of each with one statement, loads their inputs with one query,
 * runs the turns in JavaScript and writes every outcome in one transaction. A conversation is in at most one round
 * at a time and contributes one message per round, so its messages are still handled one by one in arrival order;
 * exactly-once still comes from the commit (status and version guards). What the set-based path does not cover goes
 * through the single-message code, alone: an album (it waits for its parts), a turn whose conversation changed
 * meanwhile (computed again), a turn that threw (counted toward the dead letters as before), and every turn of a
 * round whose batch commit failed (so one message the database refuses fails only its own conversation).
 * Rounds run one at a time: on the embedded database there is one connection anyway.
 */
export function createInboundBatcher(deps: ProcessInboundDeps, maxBatch: number): InboundBatcher {
  /** Conversations asked for and not in a round, with their waiting jobs (insertion order: first asked, first served). */
  const asked = new Map<string, Waiter[]>();
  /** Conversations in the current round or handled alone: not taken again until they are done. */
  const busy = new Set<string>();
  let running = false;

  function finish(conversationId: string, waiters: readonly Waiter[], error?: unknown): void {
    busy.delete(conversationId);
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
    void pump();
  }

  /** More may wait: the conversation goes back in line with its jobs (and any that asked meanwhile). */
  function again(conversationId: string, waiters: readonly Waiter[]): void {
    busy.delete(conversationId);
    asked.set(conversationId, [...waiters, ...(asked.get(conversationId) ?? [])]);
    void pump();
  }

  /** The single-message path for one claimed message, then (if more wait) back into the batches. */
  function alone(conversationId: string, messageId: string, waiters: readonly Waiter[]): void {
    void handleClaimed(deps, messageId).then(
      (outcome) => (outcome === 'drained' ? finish(conversationId, waiters) : again(conversationId, waiters)),
      (error: unknown) => finish(conversationId, waiters, error),
    );
  }

  async function failed(conversationId: string, messageId: string, waiters: readonly Waiter[], error: unknown): Promise<void> {
    try {
      await failClaimed(deps, messageId, error);
      again(conversationId, waiters); // set aside as failed: the conversation goes on
    } catch (thrown) {
      finish(conversationId, waiters, thrown);
    }
  }

  async function round(batch: Map<string, Waiter[]>): Promise<void> {
    const now = deps.ports.clock.now();
    const claimed = await deps.store.claimOldestPendingOf([...batch.keys()], new Date(now.getTime() + deps.leaseMs), now);
    const claimedOf = new Map<string, PendingInbound>(claimed.map((pending) => [pending.conversationId, pending]));
    for (const [conversationId, waiters] of batch) {
      // Nothing pending, or another worker holds the oldest message (it drains the rest).
      if (!claimedOf.has(conversationId)) take(batch, conversationId, waiters, () => finish(conversationId, waiters));
    }
    if (claimed.length === 0) return;
    let inputs: TurnInput[];
    try {
      inputs = await deps.store.loadTurnInputs(claimed.map((pending) => pending.id));
    } catch {
      for (const pending of claimed) take(batch, pending.conversationId, batch.get(pending.conversationId) ?? [], (w) => alone(pending.conversationId, pending.id, w));
      return;
    }
    const loaded = new Set(inputs.map((input) => input.message.id));
    for (const pending of claimed) {
      // Not found (handled alone, it fails as it would have) or an album (it waits for its parts): alone.
      const input = inputs.find((candidate) => candidate.message.id === pending.id);
      if (!loaded.has(pending.id) || input?.message.mediaGroup) take(batch, pending.conversationId, batch.get(pending.conversationId) ?? [], (w) => alone(pending.conversationId, pending.id, w));
    }
    const computed = await Promise.all(
      inputs
        .filter((input) => batch.has(input.conversation.id))
        .map(async (input) => {
          try {
            return { input, outcome: await runTurn(input, deps.ports) };
          } catch (error) {
            return { input, error };
          }
        }),
    );
    const turns: { input: TurnInput; outcome: TurnOutcome }[] = [];
    for (const turn of computed) {
      const conversationId = turn.input.conversation.id;
      if (turn.outcome) {
        turns.push({ input: turn.input, outcome: turn.outcome });
        continue;
      }
      const waiters = batch.get(conversationId) ?? [];
      batch.delete(conversationId);
      await failed(conversationId, turn.input.message.id, waiters, turn.error);
    }
    if (turns.length === 0) return;
    const commits = turns.map((turn) => turnCommitOf(deps, turn.input, turn.outcome));
    let results;
    try {
      results = await deps.store.commitTurns(commits);
    } catch (error) {
      deps.ports.logger.warn({ err: error, turns: commits.length }, 'batched turn commit failed; handling each turn alone');
      for (const commit of commits) take(batch, commit.conversationId, batch.get(commit.conversationId) ?? [], (w) => alone(commit.conversationId, commit.messageId, w));
      return;
    }
    for (const [index, result] of results.entries()) {
      const commit = commits[index]!;
      const waiters = batch.get(commit.conversationId) ?? [];
      batch.delete(commit.conversationId);
      if (!result.ok) {
        // Someone handled it first: claim again. The conversation changed meanwhile: computed again, alone.
        if (result.reason === 'already_done') again(commit.conversationId, waiters);
        else alone(commit.conversationId, commit.messageId, waiters);
        continue;
      }
      try {
        await afterCommit(deps, commit, turns[index]!.outcome, result);
      } catch (error) {
        finish(commit.conversationId, waiters, error);
        continue;
      }
      if (result.morePending === false) finish(commit.conversationId, waiters);
      else again(commit.conversationId, waiters);
    }
  }

  /** Takes a conversation out of the round (its fate is decided) and hands its jobs to `then`. */
  function take(batch: Map<string, Waiter[]>, conversationId: string, waiters: Waiter[], then: (waiters: Waiter[]) => void): void {
    batch.delete(conversationId);
    then(waiters);
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const batch = new Map<string, Waiter[]>();
        for (const [conversationId, waiters] of asked) {
          if (batch.size >= maxBatch) break;
          if (busy.has(conversationId)) continue;
          asked.delete(conversationId);
          busy.add(conversationId);
          batch.set(conversationId, waiters);
        }
        if (batch.size === 0) return;
        try {
          await round(batch);
        } catch (error) {
          // The claim failed (the database away): every job of the round fails and is retried by its queue.
          for (const [conversationId, waiters] of batch) finish(conversationId, waiters, error);
          continue;
        }
        // Whatever the round left undecided (nothing should be): not lost, back in line.
        for (const [conversationId, waiters] of batch) again(conversationId, waiters);
      }
    } finally {
      running = false;
    }
  }

  return {
    drain(conversationId) {
      return new Promise<void>((resolve, reject) => {
        asked.set(conversationId, [...(asked.get(conversationId) ?? []), { resolve, reject }]);
        void pump();
      });
    },
  };
}
