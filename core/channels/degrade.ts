import type { OutboundContent } from '../messages/content.js';
import type { ChannelCapabilities } from './channel-adapter.js';

/**
 * Rewrites content a channel cannot show into content it can (choices → numbered list, card → text) and
 * splits text longer than the channel allows. The numbered list keeps payload order, so a member replying
 * "2" can be mapped back to the second choice (core/pipeline/resolve-choice.ts).
 */
export function degradeContent(content: OutboundContent, capabilities: ChannelCapabilities): OutboundContent[] {
  const adapted = adaptType(content, capabilities);
  if (adapted.type !== 'text') return [adapted];
  return splitText(adapted.text, capabilities.maxTextLength).map((text) => ({ type: 'text' as const, text }));
}

function adaptType(content: OutboundContent, capabilities: ChannelCapabilities): OutboundContent {
  switch (content.type) {
    case 'text':
      return content;
    case 'choices': {
      const limits = capabilities.choices;
      const fits =
        limits !== false &&
        content.choices.length <= limits.max &&
        content.choices.every((choice) => choice.title.length <= limits.maxTitleLength) &&
        content.text.length <= capabilities.maxTextLength;
      return fits ? content : { type: 'text', text: numberedList(content.text, content.choices.map((c) => c.title)) };
    }
    case 'card': {
      if (capabilities.card) return content;
      const lines = [content.title, content.subtitle, content.url].filter((line): line is string => Boolean(line));
      const text = lines.join('\n');
      return content.choices?.length
        ? adaptType({ type: 'choices', text, choices: content.choices }, capabilities)
        : { type: 'text', text };
    }
    case 'media':
      if (capabilities.media.includes(content.kind)) return content;
      return { type: 'text', text: [content.caption, content.url].filter(Boolean).join('\n') };
  }
}

export function numberedList(text: string, titles: string[]): string {
  const items = titles.map((title, index) => `${index + 1}. ${title}`);
  return [text, ...items, 'Bạn trả lời bằng số thứ tự nhé.'].join('\n');
}

/**
 * Splits at paragraph, then line, then sentence, then word boundaries so that no part exceeds `max`
 * characters. Citations are at the end of answers, so splitting never separates a quote from its source
 * mid-sentence unless one sentence alone is longer than the limit.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut =
      lastBoundary(window, '\n\n', max) ??
      lastBoundary(window, '\n', max) ??
      lastSentenceEnd(window, max) ??
      lastBoundary(window, ' ', max) ??
      max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts.filter((part) => part.length > 0);
}

function lastBoundary(window: string, separator: string, max: number): number | null {
  const index = window.lastIndexOf(separator, max);
  // Ignore boundaries in the first third: they would produce a tiny part followed by many more.
  return index > max / 3 ? index + separator.length : null;
}

function lastSentenceEnd(window: string, max: number): number | null {
  const matches = [...window.slice(0, max).matchAll(/[.!?…](\s)/g)];
  const last = matches.at(-1);
  return last?.index !== undefined && last.index > max / 3 ? last.index + 1 : null;
}
