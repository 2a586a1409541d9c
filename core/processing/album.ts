import type { InboundContent } from '../messages/content.js';

/** One stored part of an album, in arrival order. */
export interface AlbumPart {
  id: string;
  content: InboundContent;
  /** The parts the first part answered for (stored in its notes when it was handled); null until then. */
  answeredParts: string[] | null;
}

/**
 * How long a worker waits after an album's first part arrived before answering it: Telegram sends the photos of
 * an album as separate updates within a moment, and they must be answered once, together.
 */
export const ALBUM_SETTLE_MS = 1500;

type MediaItem = NonNullable<Extract<InboundContent, { type: 'media' }>['items']>[number];

/**
 * The parts as one message: every photo or file as an item (the first also as `kind`/`url`), the captions joined
 * (Telegram puts the album's caption on one photo, members sometimes on several). Parts without media keep their
 * words in the caption.
 */
export function mergeAlbum(parts: readonly InboundContent[]): InboundContent {
  const items: MediaItem[] = [];
  const captions: string[] = [];
  for (const part of parts) {
    if (part.type === 'media') {
      items.push(...(part.items ?? [{ kind: part.kind, ...(part.url ? { url: part.url } : {}), ...(part.name ? { name: part.name } : {}) }]));
      if (part.caption?.trim()) captions.push(part.caption.trim());
    } else if (part.type === 'text' && part.text.trim()) {
      captions.push(part.text.trim());
    }
  }
  const first = items[0];
  if (!first) return parts[0] ?? { type: 'unsupported', platformType: 'empty album' };
  return { type: 'media', ...first, ...(captions.length > 0 ? { caption: captions.join('\n') } : {}), ...(items.length > 1 ? { items } : {}) };
}
