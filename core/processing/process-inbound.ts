import { nextConversationState, type ConversationState } from '../conversations/conversation-state.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { runTurn } from '../pipeline/run-turn.js';
import type { TurnInput, TurnOutcome, TurnPorts } from '../pipeline/turn.js';
import type { InboxEventPublisher } from '../ports/inbox-events.js';
import type { Redactor } from '../ports/redactor.js';
import { contentText } from '../messages/content.js';
import { ALBUM_SETTLE_MS, mergeAlbum } from './album.js';
import type { CommitResult, CommittedHandoff, InboundProcessingStore, TurnCommit } from './processing-store.js';
import { sleep } from './sleep.js';
import { startLeaseHeartbeat, systemTimers, type LeaseHeartbeat, type Timers } from './lease-heartbeat.js';

export interface ProcessInboundDeps {
  store: InboundProcessingStore;
  ports: TurnPorts;
  queue: JobQueue;
  redactor: Redactor;
  /**
   * How long a claimed message stays with its worker without a sign of life: a running turn renews it every
   * leaseMs / 3 (lease-heartbeat.ts), so this bounds how long a dead worker's conversations wait, not a turn's length.
   */
  leaseMs: number;
  /** The heartbeat's timer; default the process's own. */
  timers?: Timers;
  /** Tells the officers' inbox about hand-offs (urgent ones at once); absent = no live events. */
  inboxEvents?: InboxEventPublisher;
  /**
   * Told after each committed turn (the officers' inbox queues hand-offs and shows forwarded messages live).
   * Runs after the commit, best effort: the inbox sweep finds any hand-off whose queue step was missed.
   */
  onCommitted?: (turn: CommittedTurn) => Promise<void>;
  /**
   * After this many failed turns a message is set aside as `failed` (the dead-letter view) instead of blocking
   * its conversation forever; absent = never (it is retried until it succeeds).
   */
  maxAttempts?: number;
  /** Failures that say nothing about the message (the database away, a conflict): never counted as attempts. */
  isTransientFailure?: (error: unknown) => boolean;
}

export interface CommittedTurn {
  conversationId: string;
  messageId: string;
  /** The new state when the turn changed it. */
  newState: ConversationState | null;
  /** The route the NLU chose (`none` when the turn classified nothing: a button, an album, an officer's conversation). */
  route: string;
  /** The message went to the officers (a person owns the conversation) instead of the bot. */
  forwarded: boolean;
  /** The turn handed off urgently (a crisis), possibly on a conversation already waiting or claimed. */
  urgent: boolean;
}

const MAX_VERSION_RETRIES = 5;

/**
 * Handles the pending member messages of one conversation, oldest first, one at a time. A job is a doorbell
 * for its conversation: it drains whatever is pending, so messages are handled in arrival order whatever
 * order the jobs run in. When another worker holds the lease on the oldest message, this job stops: that
 * worker drains the rest. Exactly-once comes from the commit (see TurnCommit), not from the queue.
 */
export async function processConversationInbound(deps: ProcessInboundDeps, conversationId: string): Promise<number> {
  let handled = 0;
  for (;;) {
    const now = deps.ports.clock.now();
    // One round trip: the oldest pending message, leased; none means drained or another worker is on it.
    const leasedUntil = new Date(now.getTime() + deps.leaseMs);
    const pending = await deps.store.claimOldestPending(conversationId, leasedUntil, now);
    if (!pending) return handled;
    const outcome = await handleClaimed(deps, pending.id, keepLease(deps, pending.id, leasedUntil));
    if (outcome === 'set_aside') continue;
    handled++;
    if (outcome === 'drained') return handled;
  }
}

/** Starts the heartbeat of a message this worker just claimed until `leasedUntil` (see lease-heartbeat.ts). */
export function keepLease(deps: ProcessInboundDeps, messageId: string, leasedUntil: Date): LeaseHeartbeat {
  return startLeaseHeartbeat({
    leasedUntil,
    leaseMs: deps.leaseMs,
    renew: (from, until) => deps.store.renewLease(messageId, from, until),
    clock: deps.ports.clock,
    timers: deps.timers ?? systemTimers,
    logger: deps.ports.logger,
    messageId,
  });
}

/**
 * One claimed (leased) message, alone: its turn, computed again on a version conflict. `drained`: the commit said no
 * other message of the conversation waits; `more`: claim again; `set_aside`: it failed its last allowed attempt and
 * went to the dead letters (the conversation goes on). Any other failure releases the lease and is thrown. `lease`:
 * the claim's heartbeat, stopped here whatever happens.
 */
export async function handleClaimed(deps: ProcessInboundDeps, messageId: string, lease: LeaseHeartbeat): Promise<'drained' | 'more' | 'set_aside'> {
  try {
    return (await handleOneMessage(deps, messageId, lease)) ? 'drained' : 'more';
  } catch (error) {
    await lease.stop();
    // A lease lost meanwhile belongs to the worker that took it over: neither counted nor released by this one.
    if (lease.lost) throw error;
    return failClaimed(deps, messageId, error);
  } finally {
    await lease.stop();
  }
}

/** A claimed message whose turn threw: counted (maybe set aside, see setAsideIfPoison), else released and thrown. */
export async function failClaimed(deps: ProcessInboundDeps, messageId: string, error: unknown): Promise<'set_aside'> {
  if (await setAsideIfPoison(deps, messageId, error)) return 'set_aside';
  await deps.store.releaseMessage(messageId).catch(() => undefined);
  throw error;
}

/**
 * A message whose turn keeps failing (a bug its text triggers, a corrupt row) would hold its conversation
 * forever: every later message waits behind it. Each failure is counted; the last allowed one marks it
 * `failed` and the drain goes on with the next message. Transient failures (the database away) are not the
 * message's fault and are not counted. The reason kept is the error's code and redacted message.
 */
async function setAsideIfPoison(deps: ProcessInboundDeps, messageId: string, error: unknown): Promise<boolean> {
  if (deps.maxAttempts === undefined || deps.isTransientFailure?.(error)) return false;
  const reason = deps.redactor.redact(describeFailure(error)).slice(0, 500);
  try {
    const attempts = await deps.store.recordInboundFailure(messageId, reason);
    if (attempts < deps.maxAttempts) return false;
    await deps.store.markInboundFailed(messageId, `gave up after ${attempts} attempts: ${reason}`, deps.ports.clock.now());
    deps.ports.logger.error({ messageId, attempts, reason }, 'member message set aside as failed (dead-letter view); the conversation goes on');
    return true;
  } catch {
    return false;
  }
}

/**
 * The deepest cause's name and message: drivers wrap the real failure in "Failed query: <sql> params: <values>",
 * and those values may be the member's words, which must not be kept as the reason.
 */
function describeFailure(error: unknown): string {
  let deepest = error;
  for (let depth = 0; depth < 5 && deepest instanceof Error && deepest.cause instanceof Error; depth++) deepest = deepest.cause;
  if (deepest instanceof AppError) return `${deepest.code}: ${deepest.message}`;
  if (deepest instanceof Error) return `${deepest.name}: ${deepest.message}`;
  return String(deepest);
}

/**
 * Handles one message; true when its commit said no other message of the conversation waits (see `morePending`).
 * A turn whose lease was lost meanwhile is dropped before its commit: the worker that took the message over handles
 * it (were it committed anyway, the commit's status guard would refuse the second one: this only saves the work).
 */
async function handleOneMessage(deps: ProcessInboundDeps, messageId: string, lease: LeaseHeartbeat): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
    const loaded = await deps.store.loadTurnInput(messageId);
    const album = await albumOf(deps, loaded);
    if (lease.lost) return leaseLost(deps, messageId);
    if (album.kind === 'answered') {
      // The album's first part answered for this one: stored and visible, no second reply.
      const result = await deps.store.commitTurn({
        messageId,
        conversationId: loaded.conversation.id,
        expectedVersion: loaded.conversation.version,
        nlu: null,
        messageStatus: loaded.conversation.state === 'officer' || loaded.conversation.state === 'waiting_officer' ? 'forwarded' : 'processed',
        newState: null,
        lowConfidenceStreak: loaded.conversation.lowConfidenceStreak,
        replies: [],
        learning: null,
        notes: { albumPartOf: album.firstId },
        now: deps.ports.clock.now(),
      });
      if (result.ok) return result.morePending === false;
      if (result.reason === 'already_done') return false;
      continue;
    }
    const input = album.kind === 'first' ? { ...loaded, message: { ...loaded.message, content: mergeAlbum(album.parts.map((p) => p.content)) } } : loaded;
    const outcome = await runTurn(input, deps.ports);
    if (album.kind === 'first') outcome.notes.albumParts = album.parts.map((p) => p.id);
    if (lease.lost) return leaseLost(deps, messageId);
    const commit = turnCommitOf(deps, input, outcome);
    const result = await deps.store.commitTurn(commit);
    // Settled: the lease ends with the commit (a renewal racing it would only find the message processed).
    if (result.ok || result.reason === 'already_done') await lease.stop();
    if (result.ok) {
      await afterCommit(deps, commit, outcome, result);
      return result.morePending === false;
    }
    if (result.reason === 'already_done') return false;
    deps.ports.logger.info({ messageId, attempt }, 'conversation changed during the turn; computing it again');
  }
  throw new AppError('VERSION_CONFLICT', `conversation kept changing while handling message ${messageId}`);
}

/** The message is another worker's now; this one claims again (and finds it leased, so its drain stops). */
function leaseLost(deps: ProcessInboundDeps, messageId: string): false {
  deps.ports.logger.warn({ messageId }, 'turn dropped before its commit: its lease was taken over');
  return false;
}

/** What a computed turn writes (see TurnCommit). */
export function turnCommitOf(deps: ProcessInboundDeps, input: TurnInput, outcome: TurnOutcome): TurnCommit {
  const newState = outcome.event
    ? nextConversationState(input.conversation.state, outcome.event)
    : input.conversation.state === 'closed'
      ? nextConversationState('closed', { type: 'member_message' })
      : null;
  const changedState = newState === input.conversation.state ? null : newState;
  return {
    messageId: input.message.id,
    conversationId: input.conversation.id,
    expectedVersion: input.conversation.version,
    nlu: outcome.nlu,
    messageStatus: outcome.silentReason ? 'forwarded' : 'processed',
    newState: changedState,
    lowConfidenceStreak: outcome.lowConfidenceStreak,
    replies: outcome.replies,
    learning: outcome.learning && !outcome.anonymous
      ? { reason: outcome.learning.reason, text: deps.redactor.redact(contentText(input.message.content)) }
      : null,
    notes: outcome.notes,
    handoff:
      outcome.event?.type === 'request_handoff' ? { urgent: outcome.event.urgent === true, queueUnitId: input.member.unitId } : null,
    memberAcked: outcome.memberAcked,
    consent: outcome.consent ?? null,
    consentAsked: outcome.consentAsked === true,
    anonymous: outcome.anonymous === true,
    now: deps.ports.clock.now(),
  };
}

/** After a turn's commit: the delivery doorbell, the hand-off announcement, the `onCommitted` hook. */
export async function afterCommit(deps: ProcessInboundDeps, commit: TurnCommit, outcome: TurnOutcome, result: Extract<CommitResult, { ok: true }>): Promise<void> {
  // One doorbell for the turn's replies: a delivery job drains every queued reply of its conversation in order,
  // so a job per reply only added claims that found the first reply leased (issue #12).
  const [firstReply] = result.outboundIds;
  if (firstReply) await deps.queue.enqueue('outbound.send', { messageId: firstReply, conversationId: commit.conversationId }, { jobId: firstReply });
  if (result.handoff) await announceHandoff(deps, commit.conversationId, result.handoff);
  await deps.onCommitted?.({ conversationId: commit.conversationId, messageId: commit.messageId, newState: commit.newState, route: outcome.nlu?.route ?? 'none', forwarded: Boolean(outcome.silentReason), urgent: result.handoff?.urgent === true });
}

type AlbumRole = { kind: 'none' } | { kind: 'first'; parts: { id: string; content: TurnInput['message']['content'] }[] } | { kind: 'answered'; firstId: string };

/**
 * Telegram sends an album's photos as separate updates a moment apart. The first part waits until the album has
 * settled (ALBUM_SETTLE_MS after it arrived), then answers for every part stored by then; those parts are
 * recorded without a reply of their own. A part that arrived later than that is answered as its own message,
 * so nothing is lost.
 */
async function albumOf(deps: ProcessInboundDeps, input: TurnInput): Promise<AlbumRole> {
  const group = input.message.mediaGroup;
  if (!group) return { kind: 'none' };
  const wait = input.message.receivedAt.getTime() + ALBUM_SETTLE_MS - deps.ports.clock.now().getTime();
  if (wait > 0) await sleep(Math.min(wait, ALBUM_SETTLE_MS));
  const parts = await deps.store.albumParts(input.conversation.id, group);
  const first = parts[0];
  if (!first || first.id === input.message.id) return parts.length > 1 ? { kind: 'first', parts } : { kind: 'none' };
  return first.answeredParts?.includes(input.message.id) ? { kind: 'answered', firstId: first.id } : { kind: 'none' };
}

/** Best effort: the hand-off is committed whatever happens here; the inbox list shows it on its next fetch. */
async function announceHandoff(deps: ProcessInboundDeps, conversationId: string, handoff: CommittedHandoff): Promise<void> {
  if (!deps.inboxEvents || (!handoff.fresh && !handoff.urgent)) return;
  try {
    await deps.inboxEvents.publish({
      type: handoff.urgent ? 'conversation.urgent' : 'conversation.waiting',
      conversationId,
      state: handoff.state,
      urgent: handoff.urgent,
      assignedOfficerId: handoff.assignedOfficerId,
      queueUnitId: handoff.queueUnitId,
      queueUnitCode: handoff.queueUnitCode,
      queueUnitPath: handoff.queueUnitPath,
      at: deps.ports.clock.now().toISOString(),
    });
  } catch (error) {
    deps.ports.logger.warn({ err: error, conversationId }, 'could not publish the hand-off to the inbox');
  }
}
