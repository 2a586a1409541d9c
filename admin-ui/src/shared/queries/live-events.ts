import { useEffect, useRef, useState } from 'react';

/** What the server says happened (GET /api/admin/events); anything else in the payload is ignored. */
export interface LiveEvent {
  type?: string;
  conversationId?: string;
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Event names the stream may use; EventSource only hands named events to listeners of that name. */
const EVENT_NAMES = ['inbox', 'message'];

/**
 * Subscribes the page to the officers' live stream (SSE over the realtime hub, so events from any server or
 * worker process arrive). The browser reconnects by itself; while it is offline the caller should poll.
 * Events only trigger refetches: the stream carries ids, never member content. Every (re)open is reported
 * as `{ type: 'open' }` so the page refetches what it may have missed.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, url = '/api/admin/events'): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('offline');
      return;
    }
    const source = new EventSource(url, { withCredentials: true });
    const receive = (message: MessageEvent) => {
      let event: LiveEvent = {};
      try {
        const data: unknown = JSON.parse(String(message.data));
        if (data && typeof data === 'object') event = data as LiveEvent;
      } catch {
        // A comment or a non-JSON ping still means "something changed": refetch.
      }
      if (!event.type) event = { ...event, type: message.type };
      handler.current(event);
    };
    // Events sent while the stream was down (or before it first opened) are lost: catch up on every (re)open.
    source.onopen = () => {
      setStatus('live');
      handler.current({ type: 'open' });
    };
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    for (const name of EVENT_NAMES) source.addEventListener(name, receive);
    return () => source.close();
  }, [url]);
  return status;
}
