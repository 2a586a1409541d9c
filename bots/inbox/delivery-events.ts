import type { SettledDelivery } from '../../core/processing/deliver-outbound.js';
import type { InboxReadRepository } from '../storage/repositories/inbox-read-repository.js';
import type { InboxPublisher } from './inbox-events.js';

export interface DeliveryEventDeps {
  read: Pick<InboxReadRepository, 'findAny'>;
  publish: InboxPublisher;
}

/**
 * Tells the officers' inbox that a reply's delivery settled (`conversation.delivery`), so the list row and the open
 * thread show sent / held / failed without polling. Every officer reply's outcome is announced; the bot's only when it
 * did not go out (held or failed: an officer must see it), so the assistant's routine answers cause no traffic. The
 * row is read for its unit paths: the events route shows the event only to officers whose subtree holds it.
 */
export function createDeliveryAnnouncer(deps: DeliveryEventDeps): (settled: SettledDelivery) => Promise<void> {
  return async (settled) => {
    if (settled.author !== 'officer' && settled.status === 'sent') return;
    const row = await deps.read.findAny(settled.conversationId);
    if (row) await deps.publish('conversation.delivery', row);
  };
}
