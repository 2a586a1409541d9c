import type { InboxEvent, InboxEventType } from '../../core/contracts/inbox-api.js';
import { INBOX_TOPIC } from '../../core/ports/inbox-events.js';
import type { Logger } from '../../core/ports/logger.js';
import type { RealtimeHub } from '../realtime/realtime-hub.js';
import type { InboxRow } from '../storage/repositories/inbox-read-repository.js';

/** One hub topic for every inbox change (shared with the member side's hand-off events); each SSE connection filters by its viewer's subtree. */
export { INBOX_TOPIC };

/**
 * What travels through the hub: the public event plus the unit paths the SSE route filters on (never sent).
 * The member side's hand-off events (core/ports/inbox-events.ts) have the same fields, without `unitPath`.
 */
export interface InboxHubEvent extends InboxEvent {
  unitPath?: string | null;
  queueUnitPath: string | null;
}

export type InboxPublisher = (type: InboxEventType, row: InboxRow) => Promise<void>;

/**
 * Publishes through the realtime hub (Redis pub/sub on the distributed backend, so a browser connected to
 * another server process sees it). Best effort: a lost event only delays a list refresh, so it never fails
 * the action that caused it.
 */
export function createInboxPublisher(hub: RealtimeHub, logger: Logger, now: () => Date): InboxPublisher {
  return async (type, row) => {
    const event: InboxHubEvent = {
      type,
      conversationId: row.id,
      state: row.state,
      urgent: row.urgent,
      assignedOfficerId: row.assignedOfficerId,
      queueUnitCode: row.queueUnitCode,
      at: now().toISOString(),
      unitPath: row.unitPath,
      queueUnitPath: row.queueUnitPath,
    };
    await hub.publish(INBOX_TOPIC, event).catch((error: unknown) => logger.warn({ err: error, type }, 'inbox event not published'));
  };
}

/** Whether a viewer with `scopePath` may see the event (same rule as the list: member's unit or queue unit). */
export function eventVisibleTo(event: InboxHubEvent, scopePath: string, national: boolean): boolean {
  if (national) return true;
  return (event.unitPath?.startsWith(scopePath) ?? false) || (event.queueUnitPath?.startsWith(scopePath) ?? false);
}

export function publicEvent(event: InboxHubEvent): InboxEvent {
  return {
    type: event.type,
    conversationId: event.conversationId,
    state: event.state,
    urgent: event.urgent,
    assignedOfficerId: event.assignedOfficerId,
    queueUnitCode: event.queueUnitCode,
    at: event.at,
  };
}
