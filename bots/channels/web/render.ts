import type { OutboundContent } from '../../../core/messages/content.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';
import { lawArticlePath, withoutCitationLine } from '../../../core/knowledge/citation-line.js';
import type { Citation } from '../../../core/knowledge/law.js';

/** The page's citation list: each citation once, with a link to the article text. */
export function webchatCitations(citations: readonly Pick<Citation, 'label' | 'lawId' | 'articleNo'>[]): { label: string; href?: string }[] {
  return citations.map((c) => (c.lawId && c.articleNo ? { label: c.label, href: lawArticlePath(c.lawId, c.articleNo) } : { label: c.label }));
}

export function webchatTopic(sessionId: string): string {
  return `web:${sessionId}`;
}

/** The live event the page receives; the same shape as the history endpoint's messages. */
export function renderWebchat(message: OutboundMessage, parts: OutboundContent[]) {
  const citations = message.citations ?? [];
  // The list below the bubble names the articles: the text's own "Căn cứ" paragraph would show them twice.
  const body = (text: string) => (citations.length > 0 ? withoutCitationLine(text) : text);
  return {
    type: 'message' as const,
    id: message.id,
    author: message.author,
    citations: webchatCitations(citations),
    parts: parts.map((part) =>
      part.type === 'choices'
        ? { text: body(part.text), choices: part.choices }
        : { text: part.type === 'text' ? body(part.text) : part.type === 'media' ? [part.caption, part.url].filter(Boolean).join('\n') : part.title },
    ),
  };
}
