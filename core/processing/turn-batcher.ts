import { runTurn } from '../pipeline/run-turn.js';
import type { TurnInput, TurnOutcome } from '../pipeline/turn.js';
import type { LeaseHeartbeat } from './lease-heartbeat.js';
import { afterCommit, failClaimed, handleClaimed, keepLease, turnCommitOf, type ProcessInboundDeps } from './process-inbound.js';
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

  /** The single-message path for one claimed message (its heartbeat goes with it), then (if more wait) back into the batches. */
  function alone(conversationId: string, messageId: string, lease: LeaseHeartbeat, waiters: readonly Waiter[]): void {
    void handleClaimed(deps, messageId, lease).then(
      (outcome) => (outcome === 'drained' ? finish(conversationId, waiters) : again(conversationId, waiters)),
      (error: unknown) => finish(conversationId, waiters, error),
    );
  }

  async function failed(conversationId: string, messageId: string, lease: LeaseHeartbeat, waiters: readonly Waiter[], error: unknown): Promise<void> {
    await lease.stop();
    if (lease.lost) {
      // Another worker took the message over: its failure is not this worker's to count or release.
      again(conversationId, waiters);
      return;
    }
    try {
      await failClaimed(deps, messageId, error);
      again(conversationId, waiters); // set aside as failed: the conversation goes on
    } catch (thrown) {
      finish(conversationId, waiters, thrown);
    }
  }

  async function round(batch: Map<string, Waiter[]>): Promise<void> {
    const now = deps.ports.clock.now();
    const leasedUntil = new Date(now.getTime() + deps.leaseMs);
    const claimed = await deps.store.claimOldestPendingOf([...batch.keys()], leasedUntil, now);
    // Each claimed message's lease is kept alive while the round (or the single path it is handed to) works on it.
    const leases = new Map(claimed.map((pending) => [pending.id, keepLease(deps, pending.id, leasedUntil)]));
    /** Hands a message's heartbeat to the path that now owns it (it stops it); the round stops the others at its end. */
    const handOver = (messageId: string): LeaseHeartbeat => {
      const lease = leases.get(messageId)!;
      leases.delete(messageId);
      return lease;
    };
    try {
      await roundOf(batch, claimed, { handOver, lost: (messageId) => leases.get(messageId)?.lost === true });
    } finally {
      await Promise.all([...leases.values()].map((lease) => lease.stop()));
    }
  }

  async function roundOf(
    batch: Map<string, Waiter[]>,
    claimed: PendingInbound[],
    { handOver, lost }: { handOver: (messageId: string) => LeaseHeartbeat; lost: (messageId: string) => boolean },
  ): Promise<void> {
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
      for (const pending of claimed) take(batch, pending.conversationId, batch.get(pending.conversationId) ?? [], (w) => alone(pending.conversationId, pending.id, handOver(pending.id), w));
      return;
    }
    const loaded = new Set(inputs.map((input) => input.message.id));
    for (const pending of claimed) {
      // Not found (handled alone, it fails as it would have) or an album (it waits for its parts): alone.
      const input = inputs.find((candidate) => candidate.message.id === pending.id);
      if (!loaded.has(pending.id) || input?.message.mediaGroup) take(batch, pending.conversationId, batch.get(pending.conversationId) ?? [], (w) => alone(pending.conversationId, pending.id, handOver(pending.id), w));
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
      await failed(conversationId, turn.input.message.id, handOver(turn.input.message.id), waiters, turn.error);
    }
    // A turn whose lease was taken over meanwhile is not committed (see handleOneMessage): claimed again, it is found
    // leased by the other worker, which drains the conversation.
    for (const turn of [...turns]) {
      const messageId = turn.input.message.id;
      if (!lost(messageId)) continue;
      await handOver(messageId).stop();
      deps.ports.logger.warn({ messageId }, 'turn dropped before its commit: its lease was taken over');
      turns.splice(turns.indexOf(turn), 1);
      const conversationId = turn.input.conversation.id;
      take(batch, conversationId, batch.get(conversationId) ?? [], (w) => again(conversationId, w));
    }
    if (turns.length === 0) return;
    const commits = turns.map((turn) => turnCommitOf(deps, turn.input, turn.outcome));
    let results;
    try {
      results = await deps.store.commitTurns(commits);
    } catch (error) {
      deps.ports.logger.warn({ err: error, turns: commits.length }, 'batched turn commit failed; handling each turn alone');
      for (const commit of commits) take(batch, commit.conversationId, batch.get(commit.conversationId) ?? [], (w) => alone(commit.conversationId, commit.messageId, handOver(commit.messageId), w));
      return;
    }
    for (const [index, result] of results.entries()) {
      const commit = commits[index]!;
      // Settled (ours or someone else's): nothing left to keep alive. A conflict keeps its lease for the single path.
      if (result.ok || result.reason === 'already_done') await handOver(commit.messageId).stop();
      const waiters = batch.get(commit.conversationId) ?? [];
      batch.delete(commit.conversationId);
      if (!result.ok) {
        // Someone handled it first: claim again. The conversation changed meanwhile: computed again, alone.
        if (result.reason === 'already_done') again(commit.conversationId, waiters);
        else alone(commit.conversationId, commit.messageId, handOver(commit.messageId), waiters);
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
