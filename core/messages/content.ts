import { z } from 'zod';

const MediaKindSchema = z.enum(['image', 'audio', 'video', 'file', 'sticker', 'gif']);

/** What a member sent, after the channel adapter decoded it. Text is NFC-normalised by the adapter. */
export const InboundContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  /** A button or quick reply: `payload` is ours (set when we rendered the choice), `text` what the member saw. */
  z.object({ type: z.literal('postback'), payload: z.string(), text: z.string().optional() }),
  z.object({
    type: z.literal('media'),
    kind: MediaKindSchema,
    url: z.string().optional(),
    name: z.string().optional(),
    caption: z.string().optional(),
    /** Every attachment of a message that carried several (the first one is also `kind`/`url`): one message, one reply. */
    items: z.array(z.object({ kind: MediaKindSchema, url: z.string().optional(), name: z.string().optional() })).optional(),
  }),
  z.object({ type: z.literal('location'), latitude: z.number(), longitude: z.number() }),
  /** A shared contact card (Telegram contact, Zalo business card); the phone stays out of logs (redactor). */
  z.object({ type: z.literal('contact'), name: z.string().optional(), phone: z.string().optional() }),
  z.object({ type: z.literal('unsupported'), platformType: z.string() }),
]);
export type InboundContent = z.infer<typeof InboundContentSchema>;
export type MediaKind = z.infer<typeof MediaKindSchema>;

/**
 * The words the member wrote, where the message has any: a text, or the caption of a photo or file. These
 * are what the assistant classifies and answers; a message without words gets a reply about what it is.
 */
export function memberWords(content: InboundContent): string | null {
  if (content.type === 'text') return content.text;
  if (content.type === 'media' && content.caption && content.caption.trim().length > 0) return content.caption;
  return null;
}

export const ChoiceSchema = z.object({ title: z.string().min(1), payload: z.string().min(1) });
export type Choice = z.infer<typeof ChoiceSchema>;

/** What the platform sends. Channels that lack a type degrade it (core/channels/degrade.ts). */
export const OutboundContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1) }),
  z.object({ type: z.literal('choices'), text: z.string().min(1), choices: z.array(ChoiceSchema).min(1) }),
  z.object({
    type: z.literal('card'),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    imageUrl: z.string().optional(),
    url: z.string().optional(),
    choices: z.array(ChoiceSchema).optional(),
  }),
  z.object({
    type: z.literal('media'),
    kind: z.enum(['image', 'file']),
    url: z.string().min(1),
    caption: z.string().optional(),
  }),
]);
export type OutboundContent = z.infer<typeof OutboundContentSchema>;

/** The plain text of any content: stored beside the JSON for search, display and the inbox preview. */
export function contentText(content: InboundContent | OutboundContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'postback':
      return content.text ?? content.payload;
    case 'choices':
      return content.text;
    case 'card':
      return [content.title, content.subtitle].filter(Boolean).join('\n');
    case 'media':
      return content.caption ?? `[${content.kind}${'items' in content && content.items && content.items.length > 1 ? ` ×${content.items.length}` : ''}]`;
    case 'location':
      return `[vị trí ${content.latitude}, ${content.longitude}]`;
    case 'contact':
      return `[danh thiếp${content.name ? ` ${content.name}` : ''}]`;
    case 'unsupported':
      return `[${content.platformType}]`;
  }
}
