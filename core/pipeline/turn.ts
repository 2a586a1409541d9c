import type { ConversationEvent, ConversationState } from '../conversations/conversation-state.js';
import type { KnowledgeService } from '../knowledge/answer.js';
import type { ChannelId } from '../messages/channels.js';
import type { Choice, InboundContent } from '../messages/content.js';
import type { ReplyDraft, ReplyKind } from '../messages/outbound.js';
import type { MessageClassifier, NluResult } from '../nlu/nlu-result.js';
import type { NluThresholds } from '../nlu/thresholds.js';
import type { Clock } from '../ports/clock.js';
import type { Hotline } from './crisis-reply.vi.js';
import type { HandoffFactsSource } from '../ports/handoff-facts.js';
import type { Logger } from '../ports/logger.js';
import type { JoinNote, MemberDirectory } from '../ports/member-directory.js';
import type { MemberPrivacy } from '../ports/member-privacy.js';
import type { OfficerLinks } from '../ports/officer-links.js';
import type { ConsentDecision, ConsentState, PrivacyNotice } from '../privacy/consent.js';

/** Everything the pipeline needs to decide about one member message; loaded by the worker before the turn. */
export interface TurnInput {
  /** `join`: what became of the unit code the member arrived with (a join link), when there was one. */
  /** `mediaGroup`: the message is one part of an album (see core/processing/album.ts). */
  message: { id: string; platformMessageId: string; content: InboundContent; receivedAt: Date; join?: JoinNote; address?: string; mediaGroup?: string };
  conversation: {
    id: string;
    channel: ChannelId;
    state: ConversationState;
    version: number;
    lowConfidenceStreak: number;
    /** The officer who holds it (inbox claim); null while waiting or when a page admin holds it by echo. */
    assignedOfficerId?: string | null;
    /** The last "an officer will answer" acknowledgement, to send one at most once per interval. */
    memberAckAt?: Date | null;
    /** A page admin's reply in the platform's own inbox holds the conversation until then. */
    echoTakeoverUntil?: Date | null;
    /** The 1–5 mood check: the topic of a concern counted since the last check, when it was offered and answered. */
    moodTopic?: string | null;
    moodCheckAt?: Date | null;
    moodRatedAt?: Date | null;
  };
  /** `unitPath` (the unit's materialized path) lets the FAQ answer with the entries of the member's units. */
  /**
   * `consent`, `consentVersion`, `consentAt`, `consentAskedAt`: the member's answer to the privacy notice, the notice
   * version and time of that answer, and when the notice was last shown (absent = unknown, never). What counts is
   * `currentConsent` (core/privacy/consent.ts): a consent to an older notice version is asked again.
   */
  /**
   * `unitPromptAskedAt`: when the union question was asked (null: never), loaded with the member so the unit-name
   * search needs no statement of its own (issue #12); absent = not loaded, the search asks the member directory.
   */
  member: {
    id: string;
    unitId: string | null;
    unitPath?: string | null;
    consent?: ConsentState;
    consentVersion?: string | null;
    consentAt?: Date | null;
    consentAskedAt?: Date | null;
    unitPromptAskedAt?: Date | null;
  };
  /** The bot's previous reply in this conversation, to understand "có", "2" or a button press. */
  lastBotReply: { kind: ReplyKind; choices: Choice[]; expects?: 'question' | 'feedback' } | null;
}

/** The ports a turn may use. Interfaces only: the worker passes concrete implementations in. */
export interface TurnPorts {
  classifier: MessageClassifier;
  knowledge: KnowledgeService;
  clock: Clock;
  logger: Logger;
  thresholds: NluThresholds;
  /** Units and linked identities for the member commands (/donvi, /lienket); absent = commands off. */
  memberDirectory?: MemberDirectory;
  /** Officers linking their own Telegram/Zalo account for inbox notices (`/canbo CODE`); absent = not offered. */
  officerLinks?: OfficerLinks;
  /** The deployment's mental-health lines for the crisis reply (CRISIS_HOTLINES); absent = 115 only. */
  crisisHotlines?: readonly Hotline[];
  /** At most one acknowledgement per this many minutes while an officer is awaited or answering (default 10). */
  handoffAckIntervalMinutes?: number;
  /** Office hours and expected wait of the member's unit for the hand-off replies; absent = generic texts. */
  handoffFacts?: HandoffFactsSource;
  /** The member's own data requests in chat (/taidulieu, /xoadulieu); absent = those commands say they are unavailable. */
  memberPrivacy?: MemberPrivacy;
  /** The deployment's privacy notice: members are asked for consent on first contact; absent = not asked (PRIVACY_CONSENT=off). */
  privacyNotice?: PrivacyNotice;
}

/** `flagged`: spam or an injection attempt (NluResult.flags), kept out of the concern figures. */
export type LearningReason = 'low_confidence' | 'not_covered' | 'flagged';

/** What the turn decided. The worker stores it atomically (message status, replies, conversation state). */
export interface TurnOutcome {
  nlu: NluResult | null;
  replies: ReplyDraft[];
  event: ConversationEvent | null;
  lowConfidenceStreak: number;
  learning: { reason: LearningReason } | null;
  /** Set when the bot left the answer to an officer (it may still have sent a short acknowledgement). */
  silentReason: 'human_owned' | null;
  /** A "your message reached the officers" acknowledgement was sent: the commit stamps member_ack_at. */
  memberAcked: boolean;
  /** Facts for the stored message and the officer's context (answer kind, composer, choice taken...). */
  notes: Record<string, unknown>;
  /** The member answered the privacy notice in this turn: stored on the member with the time and notice version. */
  consent?: ConsentDecision | null;
  /** The privacy notice was sent in this turn: stamp `members.consent_asked_at`. */
  consentAsked?: boolean;
  /**
   * The member has not consented and nothing made the message an officer's business (a crisis, a forwarded message):
   * the commit keeps only the minimum (PRIVACY_NO_CONSENT_KEEP): no words, no mood figures, no learning-queue copy.
   */
  anonymous?: boolean;
}

/** The mutable context that middleware share during one turn (grammY-style). */
export interface Turn extends TurnOutcome {
  readonly input: TurnInput;
  readonly ports: TurnPorts;
  /** The text the member typed, or the title of the button they pressed. */
  readonly text: string;
  /** A payload chosen with a button or by answering with its number. */
  choicePayload: string | null;
  reply(draft: ReplyDraft): void;
}

export type NextFn = () => Promise<void>;
export type Middleware = (turn: Turn, next: NextFn) => Promise<void>;
