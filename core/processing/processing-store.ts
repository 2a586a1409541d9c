import type { AlbumPart } from './album.js';
import type { ConversationState } from '../conversations/conversation-state.js';
import type { ChannelId } from '../messages/channels.js';
import type { OutboundMessage, ReplyDraft } from '../messages/outbound.js';
import type { DeliveryContext } from '../channels/channel-adapter.js';
import type { NluResult } from '../nlu/nlu-result.js';
import type { LearningReason, TurnInput } from '../pipeline/turn.js';
import type { ConsentDecision } from '../privacy/consent.js';

/** An inbound message waiting to be handled (status `received`). */
export interface PendingInbound {
  id: string;
  conversationId: string;
}

/** Everything a turn decided, written in ONE transaction so a message is handled exactly once. */
export interface TurnCommit {
  messageId: string;
  conversationId: string;
  /** The conversation version the turn was computed on; a different current version means a race. */
  expectedVersion: number;
  nlu: NluResult | null;
  /** `processed` when the bot handled it, `forwarded` when an officer owns the conversation. */
  messageStatus: 'processed' | 'forwarded';
  newState: ConversationState | null;
  lowConfidenceStreak: number;
  replies: ReplyDraft[];
  learning: { reason: LearningReason; text: string } | null;
  notes: Record<string, unknown>;
  /**
   * A hand-off asked for in this turn: a fresh one stamps handed_off_at, urgency and the queue (the member's
   * unit); an urgent one on a conversation already waiting or held by an officer marks it urgent.
   */
  handoff?: { urgent: boolean; queueUnitId: string | null } | null;
  /** The turn sent the rate-limited "an officer will answer" acknowledgement: stamp member_ack_at. */
  memberAcked?: boolean;
  /** The member answered the privacy notice: store the decision, its time and the notice version (a refusal also drops the profile). */
  consent?: ConsentDecision | null;
  /** The privacy notice was sent: stamp when, so it is not repeated within the day. */
  consentAsked?: boolean;
  /** A member without consent: keep the message row but not its words (nor, per PRIVACY_NO_CONSENT_KEEP, its labels), no mood figures. */
  anonymous?: boolean;
  now: Date;
}

/** The conversation's queue facts after a hand-off was committed, for the inbox event. */
export interface CommittedHandoff {
  state: ConversationState;
  urgent: boolean;
  /** True when this turn started the hand-off (the conversation was with the bot). */
  fresh: boolean;
  assignedOfficerId: string | null;
  queueUnitId: string | null;
  queueUnitCode: string | null;
  queueUnitPath: string | null;
}

export type CommitResult =
  | {
      ok: true;
      outboundIds: string[];
      handoff?: CommittedHandoff | null;
      /**
       * Whether another member message of the conversation is waiting, read in the commit. Only given where the
       * database runs one transaction at a time (PGlite): there no message can slip in unseen between the commit
       * and the end of the drain, so `false` lets the drain stop without one more (empty) claim. Absent: claim again.
       */
      morePending?: boolean;
    }
  /** Someone else handled this message first (a duplicate job): drop this outcome. */
  | { ok: false; reason: 'already_done' }
  /** The conversation changed meanwhile (an officer took it over): compute the turn again. */
  | { ok: false; reason: 'version_conflict' };

/** Storage port of inbound processing; implemented with SQL in bots/storage. */
export interface InboundProcessingStore {
  /** The oldest inbound message of the conversation still `received`, in arrival order. */
  oldestPendingInbound(conversationId: string): Promise<PendingInbound | null>;
  /**
   * `oldestPendingInbound` and `leaseMessage` in one round trip: leases the oldest pending message until `until`
   * and returns it, or null when there is none or another worker holds a live lease on it (that worker drains).
   */
  claimOldestPending(conversationId: string, until: Date, now: Date): Promise<PendingInbound | null>;
  /** Takes a lease on the message until `until`; false when another worker holds a live lease. */
  leaseMessage(messageId: string, until: Date, now: Date): Promise<boolean>;
  releaseMessage(messageId: string): Promise<void>;
  /** Heartbeat of a running turn: moves a still-pending message's lease from `leasedUntil` to `until` (see RenewLease). */
  renewLease(messageId: string, leasedUntil: Date, until: Date): Promise<boolean>;
  loadTurnInput(messageId: string): Promise<TurnInput>;
  commitTurn(commit: TurnCommit): Promise<CommitResult>;
  /**
   * The batched turn (issue #12): leases the oldest pending message of each of these conversations in one statement,
   * skipping those another worker holds; returns the leased ones (at most one per conversation).
   */
  claimOldestPendingOf(conversationIds: readonly string[], until: Date, now: Date): Promise<PendingInbound[]>;
  /** The inputs of several turns in one query (any order). */
  loadTurnInputs(messageIds: readonly string[]): Promise<TurnInput[]>;
  /**
   * Several turns of different conversations in ONE transaction; a result per commit, in the same order. Each is
   * guarded as `commitTurn` is (status, expected version): a conflicting one is not written and says so.
   */
  commitTurns(commits: readonly TurnCommit[]): Promise<CommitResult[]>;
  releaseMessages(messageIds: readonly string[]): Promise<void>;
  /** The parts of the album this message belongs to (same conversation and `mediaGroup`), in arrival order. */
  albumParts(conversationId: string, mediaGroup: string): Promise<AlbumPart[]>;
  /** A turn that threw: counts the attempt, keeps the (redacted) reason, releases the lease; returns the new count. */
  recordInboundFailure(messageId: string, reason: string): Promise<number>;
  /**
   * Gives up on a message that failed every attempt (status `failed`): it leaves the conversation's way, so the
   * member's later messages are answered, and waits in the admins' dead-letter view to be retried.
   */
  markInboundFailed(messageId: string, reason: string, now: Date): Promise<void>;
}

/** An outbound message waiting for delivery (status `queued`), with what the channel needs. */
export interface PendingOutbound {
  message: OutboundMessage;
  delivery: DeliveryContext;
  attempts: number;
  /**
   * The lease as the claim wrote it, when not the `until` asked for (a grouped claim leases with its first request's
   * value): the heartbeat's compare-and-set needs the stored value.
   */
  leasedUntil?: Date;
}

export interface OutboundDeliveryStore {
  /**
   * The oldest queued reply, leased until `until` in the same statement (null when none or when another worker holds
   * it), with its delivery context read at `now` (the caller's clock, also the policy's `now`): one round trip a reply.
   */
  claimNextOutbound(conversationId: string, until: Date, now: Date): Promise<PendingOutbound | null>;
  leaseMessage(messageId: string, until: Date, now: Date): Promise<boolean>;
  releaseMessage(messageId: string): Promise<void>;
  /** Heartbeat of a running send: moves a still-queued reply's lease from `leasedUntil` to `until` (see RenewLease). */
  renewLease(messageId: string, leasedUntil: Date, until: Date): Promise<boolean>;
  /**
   * Returns whether another reply of the conversation is still queued, read in the same statement — only where the
   * database runs one transaction at a time (PGlite; see CommitResult.morePending): `false` lets the drain stop
   * without one more (empty) claim. Absent: claim again.
   */
  markSent(messageId: string, platformMessageIds: string[], channelState: Record<string, unknown> | null, now: Date): Promise<{ morePending?: boolean }>;
  /** Permanent failure: stays visible to officers with the reason. */
  markFailed(messageId: string, code: string, detail: string, now: Date): Promise<void>;
  /** Not allowed now by the channel's policy (window closed, quota used): held for an officer to decide. */
  markHeld(messageId: string, code: string, reason: string, now: Date): Promise<void>;
  /** A retryable failure: counts the attempt and returns the new count. */
  recordFailedAttempt(messageId: string, code: string, detail: string): Promise<number>;
}

export type { ChannelId };
