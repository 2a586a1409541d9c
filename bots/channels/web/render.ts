import type { OutboundContent } from '../../../core/messages/content.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';

export function webchatTopic(sessionId: string): string {
  return `web:${sessionId}`;
}

/** The live event the page receives; the same shape as the history endpoint's messages. */
export function renderWebchat(message: OutboundMessage, parts: OutboundContent[]) {
  return {
    type: 'message' as const,
    id: message.id,
    author: message.author,
    citations: (message.citations ?? []).map((citation) => ({ label: citation.label })),
    parts: parts.map((part) =>
      part.type === 'choices'
        ? { text: part.text, choices: part.choices }
        : { text: part.type === 'text' ? part.text : part.type === 'media' ? [part.caption, part.url].filter(Boolean).join('\n') : part.title },
    ),
  };
}
