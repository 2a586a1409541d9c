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

/** Platforms' refusals are results, not exceptions: the worker decides retry or fail from `retryable`. */
export type SendResult =
  | { ok: true; platformMessageIds: string[] }
  | { ok: false; retryable: true; code: SendFailureCode; detail: string; retryAfterMs?: number }
  | { ok: false; retryable: false; code: SendFailureCode; detail: string };

/** What the outbound policy knows about the conversation when deciding whether a message may be sent now. */
export interface DeliveryContext {
  now: Date;
  lastInboundAt: Date | null;
  /** Channel-owned state stored on the conversation (quota counters, window info). */
  channelState: Readonly<Record<string, unknown>>;
}

export type PolicyDecision =
  | { allow: true; channelState?: Record<string, unknown> }
  /** Held messages are stored with status `held` and shown to officers; never silently dropped. */
  | { allow: false; code: SendFailureCode; reason: string };

/**
 * One per platform, same file shape under bots/channels/<name>/ (verify, decode, render, client, policy).
 * `verify` and `decode` are pure; `send` is the only network call.
 */
export interface ChannelAdapter {
  readonly channel: ChannelId;
  readonly capabilities: ChannelCapabilities;
  verify(request: WebhookRequest): WebhookVerdict;
  /** Throws AppError CHANNEL_DECODE_FAILED for a malformed body; unknown event types decode to `ignored`. */
  decode(request: WebhookRequest, receivedAt: Date): InboundEvent[];
  /** Windows, quotas: may hold a message instead of sending it. Absent = always allowed. */
  checkPolicy?(message: OutboundMessage, context: DeliveryContext): PolicyDecision;
  send(message: OutboundMessage): Promise<SendResult>;
}
