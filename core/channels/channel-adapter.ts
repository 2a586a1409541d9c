import type { AppErrorCode } from '../errors/error-codes.js';
import type { ChannelId } from '../messages/channels.js';
import type { InboundEvent } from '../messages/inbound.js';
import type { OutboundMessage } from '../messages/outbound.js';

/** An HTTP request as a channel adapter sees it: signatures are computed over `rawBody`, never re-serialised JSON. */
export interface WebhookRequest {
  method: string;
  headers: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
  /** The client's network address as the server saw it (never a header the client could set). */
  remoteAddress?: string;
}

export type WebhookVerdict =
  /** A subscription handshake (Messenger `hub.challenge`): answer with `body`, record nothing. */
  | { kind: 'handshake'; status: 200; body: string }
  | { kind: 'rejected'; status: 401 | 403; code: AppErrorCode; message: string }
  | { kind: 'accepted' };

/** What a channel can display; core degrades the rest (core/channels/degrade.ts). */
export interface ChannelCapabilities {
  maxTextLength: number;
  choices: { max: number; maxTitleLength: number } | false;
  card: boolean;
  media: readonly ('image' | 'file')[];
}

export type SendFailureCode =
  | 'RATE_LIMITED'
  | 'PLATFORM_UNAVAILABLE'
  | 'NETWORK'
  | 'WINDOW_CLOSED'
  | 'QUOTA_EXHAUSTED'
  | 'USER_BLOCKED'
  | 'INVALID_RECIPIENT'
  | 'AUTH_FAILED'
  | 'INVALID_PAYLOAD';

/**
 * Platforms' refusals are results, not exceptions: the worker decides retry or fail from `retryable`.
 * `outage`: the channel itself is down (token chain broken, platform erroring for everyone), not this
 * message: instead of failing, the reply is held (`CHANNEL_UNAVAILABLE`) and re-sent once the channel
 * works again.
 */
export type SendResult =
  | { ok: true; platformMessageIds: string[] }
  | { ok: false; retryable: true; code: SendFailureCode; detail: string; retryAfterMs?: number; outage?: boolean }
  | { ok: false; retryable: false; code: SendFailureCode; detail: string; outage?: boolean };

/** The hold code of replies that waited out a channel outage (released when the channel recovers). */
export const OUTAGE_HOLD_CODE = 'CHANNEL_UNAVAILABLE';

/**
 * What the outbound policy knows about the conversation when deciding whether a message may be sent now.
 * Read once per delivery attempt, at `now` (the platform's clock), and the only view of the window that
 * the policy and the send see.
 */
export interface DeliveryContext {
  now: Date;
  lastInboundAt: Date | null;
  /** The platform id of the member's latest message (Zalo's free replies must quote it). */
  lastInboundPlatformMessageId: string | null;
  /** Channel-owned state stored on the conversation (quota counters, window info). */
  channelState: Readonly<Record<string, unknown>>;
}

export type PolicyDecision<Plan = unknown> =
  /** `plan`: how to send (endpoint, tag, rendered parts), carried to `send` so that it never plans again. */
  | { allow: true; channelState?: Record<string, unknown>; plan?: Plan }
  /** Held messages are stored with status `held` and shown to officers; never silently dropped. */
  | { allow: false; code: SendFailureCode; reason: string };

/**
 * The one send decision of a delivery attempt, made by core/processing/deliver-outbound.ts with the
 * channel's policy and handed to `send` as is: a send never re-reads the window or plans again, so the
 * policy and the send cannot disagree at a window's edge.
 */
export interface SendDecision<Plan = unknown> {
  /** What `checkPolicy` decided for this attempt; undefined for channels without a policy. */
  plan: Plan | undefined;
  context: DeliveryContext;
}

/**
 * One per platform, same file shape under bots/channels/<name>/ (verify, decode, render, client, policy).
 * `verify`, `decode` and `checkPolicy` are pure; `send` is the only network call. `Plan` is the channel's
 * own delivery plan, passed from `checkPolicy` to `send`.
 */
export interface ChannelAdapter<Plan = unknown> {
  readonly channel: ChannelId;
  readonly capabilities: ChannelCapabilities;
  verify(request: WebhookRequest): WebhookVerdict;
  /** Throws AppError CHANNEL_DECODE_FAILED for a malformed body; unknown event types decode to `ignored`. */
  decode(request: WebhookRequest, receivedAt: Date): InboundEvent[];
  /** Windows, quotas: may hold a message instead of sending it, and decides how to send it. Absent = always allowed. */
  checkPolicy?(message: OutboundMessage, context: DeliveryContext): PolicyDecision<Plan>;
  /** Sends as decided (see SendDecision). */
  send(message: OutboundMessage, decision: SendDecision<Plan>): Promise<SendResult>;
}
