import type { SendFailureCode, SendResult } from '../../../core/channels/channel-adapter.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import { deliveryTextHash, type ChannelDeliveryRepository } from '../../storage/repositories/channel-delivery-repository.js';
import type { SendThrottle } from './send-throttle.js';

export type PartOutcome =
  | { ok: true; platformMessageId: string }
  | {
      ok: false;
      retryable: boolean;
      code: SendFailureCode;
      detail: string;
      retryAfterMs?: number;
      /** No answer was received (timeout, connection lost): the platform may have accepted the part. */
      outcomeUnknown?: boolean;
      /** The channel is down for everyone (see SendResult): the reply waits for the channel to recover. */
      outage?: boolean;
    };

export interface RenderedPart<P> {
  payload: P;
  /** The text the member will see, hashed to recognise the platform's echo of this part. */
  text: string;
}

export interface DeliverPartsDeps {
  deliveries: Pick<ChannelDeliveryRepository, 'partsOf' | 'beginPart' | 'completePart' | 'abortPart' | 'markPossibleDuplicate'>;
  throttle: SendThrottle;
  clock: Clock;
  /** Where a resend after an unknown outcome is told (D-hardening-7); absent = not logged. */
  logger?: Logger;
}

/**
 * Sends the parts of one outbound message in order, idempotently: parts the platform already accepted
 * (in an earlier attempt, or recognised from their echo) are skipped, so a retry after a failure on part 3
 * never repeats parts 1 and 2. Each part waits for its rate-limit token. The first failure stops the
 * message: later parts must not overtake it.
 *
 * A part still `sending` from an earlier attempt is an ambiguous attempt: it was handed to the platform and no answer
 * was recorded (the worker died during the call or just after it, or the call timed out) and no echo claimed it. Our
 * platforms take no idempotency key, so nothing can tell whether the member got it. The rule (D-hardening-7): it is
 * sent again — a member may rarely see a reply twice, never miss one — and the resend is logged as
 * `AMBIGUOUS_RESEND`; once the resend is accepted the message is marked `possibleDuplicateAt` for the inbox. What keeps it rare: the lease heartbeat (a live worker's send is never taken over) and the
 * window being one platform call per crash.
 */
export async function deliverParts<P>(
  deps: DeliverPartsDeps,
  message: OutboundMessage,
  parts: RenderedPart<P>[],
  sendPart: (payload: P, index: number) => Promise<PartOutcome>,
): Promise<SendResult> {
  const known = new Map((await deps.deliveries.partsOf(message.id)).map((row) => [row.part, row]));
  const ids: string[] = [];
  for (const [index, part] of parts.entries()) {
    const previous = known.get(index);
    if (previous?.status === 'sent' && previous.platformMessageId) {
      ids.push(previous.platformMessageId);
      continue;
    }
    const resend = previous?.status === 'sending';
    if (resend) {
      deps.logger?.warn({ code: 'AMBIGUOUS_RESEND', messageId: message.id, part: index, channel: message.channel }, 'a part whose earlier send had no known outcome is sent again (a duplicate is possible, a lost reply is not)');
    }
    const slot = await deps.throttle.acquire(message.recipient.threadId);
    if (!slot.ok) {
      return { ok: false, retryable: true, code: 'RATE_LIMITED', detail: `local rate limit for ${message.channel}`, retryAfterMs: slot.retryAfterMs };
    }
    await deps.deliveries.beginPart({
      outboundMessageId: message.id,
      part: index,
      channel: message.channel,
      recipient: message.recipient.platformUserId,
      textHash: deliveryTextHash(part.text),
      now: deps.clock.now(),
    });
    const outcome = await sendPart(part.payload, index);
    if (!outcome.ok) {
      // A refusal means nothing was delivered; an unanswered call may have been, so its row stays `sending`
      // and a late echo can still complete it.
      if (!outcome.outcomeUnknown) await deps.deliveries.abortPart(message.id, index);
      const { ok: _ok, outcomeUnknown: _unknown, ...failure } = outcome;
      const detail = parts.length > 1 ? `part ${index + 1}/${parts.length}: ${failure.detail}` : failure.detail;
      const outage = failure.outage ? { outage: true } : {};
      return failure.retryable
        ? { ok: false, retryable: true, code: failure.code, detail, ...outage, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) }
        : { ok: false, retryable: false, code: failure.code, detail, ...outage };
    }
    await deps.deliveries.completePart(message.id, index, outcome.platformMessageId, deps.clock.now());
    // Only an accepted resend can have doubled the part; a refused one left at most the first copy.
    if (resend) await deps.deliveries.markPossibleDuplicate(message.id, deps.clock.now());
    ids.push(outcome.platformMessageId);
  }
  return { ok: true, platformMessageIds: ids };
}
