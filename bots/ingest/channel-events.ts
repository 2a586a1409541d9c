import { contentText } from '../../core/messages/content.js';
import type { InboundEvent } from '../../core/messages/inbound.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { MemberDirectory } from '../../core/ports/member-directory.js';
import type { Db } from '../storage/database.js';
import { createChannelDeliveryRepository, deliveryTextHash } from '../storage/repositories/channel-delivery-repository.js';
import { createChannelEventRepository } from '../storage/repositories/channel-event-repository.js';
import type { ChannelEventHandler, IngestOutcome } from './ingest-service.js';

export interface ChannelEventDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Pick<MemberDirectory, 'setUnitByCode' | 'unitOf'>;
  /** How long after our send an echo with the same text is still taken for ours (the echo may beat the send's answer). */
  echoMatchWindowMs?: number;
  /** How long a staff reply typed in the platform's console keeps the bot quiet (default 30 minutes). */
  echoTakeoverMinutes?: number;
}

type OtherEvent = Parameters<ChannelEventHandler>[0];

/**
 * Channel events other than member messages, run inside the webhook request (before the platform's 200):
 * - echo: our own send (known platform id, or same text to the same member while our send is in flight) is
 *   ignored; anything else was typed by staff in the platform's console: recorded as an officer message and
 *   the conversation goes to officer mode for `echoTakeoverMinutes` (then the bot answers again);
 * - follow / unfollow: the follow state is kept on the identity; a follow with a join code sets the unit;
 * - receipt: delivered/read stamps on our parts and messages (a receipt without ids is a read watermark,
 *   carried in `sentAt`: everything sent to that member up to then was read).
 */
export function createChannelEventHandler(deps: ChannelEventDeps): ChannelEventHandler {
  const events = createChannelEventRepository(deps.db);
  const deliveries = createChannelDeliveryRepository(deps.db);
  const matchWindowMs = deps.echoMatchWindowMs ?? 120_000;

  async function handleEcho(event: Extract<OtherEvent, { kind: 'echo' }>): Promise<IngestOutcome> {
    const now = deps.clock.now();
    if (await deliveries.isOurs(event.channel, event.platformMessageId)) return { kind: 'ignored', reason: 'own echo' };
    const claimed = await deliveries.claimEcho({
      channel: event.channel,
      recipient: event.sender.platformUserId,
      textHash: deliveryTextHash(contentText(event.content)),
      platformMessageId: event.platformMessageId,
      since: new Date(now.getTime() - matchWindowMs),
      now,
    });
    if (claimed) return { kind: 'ignored', reason: 'own echo' };
    const result = await events.recordOfficerEcho({
      channel: event.channel,
      threadKey: event.sender.threadId,
      recipient: event.sender.platformUserId,
      platformMessageId: event.platformMessageId,
      content: event.content,
      sentAt: event.sentAt,
      now,
      holdUntil: new Date(now.getTime() + (deps.echoTakeoverMinutes ?? 30) * 60_000),
    });
    if (result === 'recorded') deps.logger.info({ channel: event.channel }, 'staff replied in the platform console: conversation now in officer mode');
    return { kind: 'ignored', reason: `officer echo ${result}` };
  }

  async function handleFollow(event: Extract<OtherEvent, { kind: 'follow' | 'unfollow' }>): Promise<IngestOutcome> {
    const memberId = await events.recordFollow({
      channel: event.channel,
      platformUserId: event.sender.platformUserId,
      displayName: event.sender.displayName,
      followed: event.kind === 'follow',
      at: event.sentAt,
    });
    // A link parameter never overrides a union the member already has (issue #15: explicit choice > link > nothing).
    if (memberId && event.kind === 'follow' && event.joinCode && !(await deps.directory.unitOf(memberId))) {
      await deps.directory.setUnitByCode(memberId, event.joinCode, deps.clock.now());
    }
    return { kind: 'ignored', reason: `${event.kind} recorded` };
  }

  async function handleReceipt(event: Extract<OtherEvent, { kind: 'receipt' }>): Promise<IngestOutcome> {
    const stamped =
      event.platformMessageIds.length > 0
        ? await deliveries.recordReceipt({ channel: event.channel, platformMessageIds: event.platformMessageIds, status: event.status, at: deps.clock.now() })
        : await deliveries.recordReadUpTo({ channel: event.channel, recipient: event.sender.platformUserId, watermark: event.sentAt, at: deps.clock.now() });
    return { kind: 'ignored', reason: `${event.status} receipt for ${stamped} part(s)` };
  }

  return async (event: Exclude<InboundEvent, { kind: 'message' }>): Promise<IngestOutcome> => {
    switch (event.kind) {
      case 'echo':
        return handleEcho(event);
      case 'follow':
      case 'unfollow':
        return handleFollow(event);
      case 'receipt':
        return handleReceipt(event);
      case 'ignored':
        return { kind: 'ignored', reason: event.reason };
    }
  };
}
