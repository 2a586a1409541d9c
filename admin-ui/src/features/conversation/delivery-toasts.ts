import { useCallback, useEffect, useRef } from 'react';
import type { InboxMessageDto } from '../../../../core/contracts/inbox-api';
import { useToast } from '../../shared/components/Toast';
import { deliveryToast } from './delivery-text.vi';

/**
 * Tells the officer what became of the reply they just sent (or sent again): the server only queues it, the worker
 * delivers it later, so "sent" is known only when the conversation shows the reply sent, held or failed. `watch`
 * starts waiting for one message from the moment of the click; the toast comes with the first conversation data
 * fetched after that moment which shows the message settled (live events and the mutation's refetch bring it).
 */
export function useDeliveryToasts(messages: InboxMessageDto[], dataUpdatedAt: number): (messageId: string, since: number) => void {
  const toast = useToast();
  const watched = useRef(new Map<string, number>());
  const announce = useCallback(() => {
    for (const [id, since] of watched.current) {
      if (dataUpdatedAt < since) continue;
      const message = messages.find((m) => m.id === id);
      const outcome = message ? deliveryToast(message) : null;
      if (!outcome) continue;
      watched.current.delete(id);
      toast.show(outcome.text, outcome.tone);
    }
  }, [messages, dataUpdatedAt, toast]);
  useEffect(announce, [announce]);
  return useCallback(
    (messageId: string, since: number) => {
      watched.current.set(messageId, since);
      announce();
    },
    [announce],
  );
}
