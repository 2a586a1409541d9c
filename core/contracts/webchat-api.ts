import { z } from 'zod';

import { WEBCHAT_MAX_TEXT } from './webchat-limits.js';

/** The web chat channel's HTTP contract, shared by the server and the /chat page. */
export { WEBCHAT_MAX_TEXT };

export const WebchatSendSchema = z.object({
  /** Random id the page keeps in localStorage: the member's web identity and conversation thread. */
  sessionId: z.uuid('sessionId must be a UUID'),
  /** Random id per message: a retried POST of the same message is recorded once. */
  clientMessageId: z.uuid('clientMessageId must be a UUID'),
  text: z.string().trim().min(1, 'text must not be empty').max(WEBCHAT_MAX_TEXT, `text must be at most ${WEBCHAT_MAX_TEXT} characters`).optional(),
  /** A button the member pressed. */
  postback: z.object({ payload: z.string().min(1).max(200), title: z.string().max(200).optional() }).optional(),
  /** Grassroots union code from `/chat?unit=CODE`. */
  unitCode: z.string().trim().max(32).optional(),
  displayName: z.string().trim().max(100).optional(),
}).refine((body) => body.text !== undefined || body.postback !== undefined, { message: 'either text or postback is required', path: ['text'] });
export type WebchatSend = z.infer<typeof WebchatSendSchema>;

export const WebchatMessageSchema = z.object({
  id: z.string(),
  seq: z.number(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['member', 'bot', 'officer', 'system']),
  text: z.string(),
  choices: z.array(z.object({ title: z.string(), payload: z.string() })).optional(),
  /** Shown once, as a list: the text carries no "Căn cứ" paragraph when this is present; `href` opens the article. */
  citations: z.array(z.object({ label: z.string(), href: z.string().optional() })).optional(),
  createdAt: z.string(),
});
export type WebchatMessage = z.infer<typeof WebchatMessageSchema>;
