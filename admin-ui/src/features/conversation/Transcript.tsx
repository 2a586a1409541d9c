import { useEffect, useRef } from 'react';
import type { InboxMessageDto } from '../../../../core/contracts/inbox-api';
import { formatDate } from '../../shared/format/format.vi';
import { MessageBubble } from './MessageBubble';

/**
 * The whole conversation across the member's channels, oldest first, with a date line when the day changes.
 * It scrolls to the newest message when one arrives (the officer reads from the bottom, as in a chat app).
 */
export function Transcript({ messages, hasOlder, onRetry, retryingId }: { messages: InboxMessageDto[]; hasOlder: boolean; onRetry: (id: string) => void; retryingId: string | undefined }) {
  const pane = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1]?.id;
  useEffect(() => {
    // Scroll the pane itself (on a laptop it scrolls on its own); never the window, which would hide the header.
    const element = pane.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [last]);
  const channels = new Set(messages.map((message) => message.channel));
  let previousDay = '';
  return (
    <div className="transcript" ref={pane}>
      {hasOlder && <p className="transcript-older">Chỉ hiển thị các tin nhắn gần nhất.</p>}
      <ol className="transcript-list">
        {messages.map((message) => {
          const day = formatDate(message.createdAt);
          const divider = day !== previousDay ? (
            <li className="transcript-day" key={`day-${day}`} aria-hidden="true">
              <span>{day}</span>
            </li>
          ) : null;
          previousDay = day;
          return [divider, <MessageBubble key={message.id} message={message} showChannel={channels.size > 1} onRetry={onRetry} retrying={retryingId === message.id} />];
        })}
      </ol>
    </div>
  );
}
