import { z } from 'zod';
import { ACCESS_PURPOSES } from '../privacy/personal-data-access.js';

/** `GET /api/admin/members/:id/access-log`: who read or changed a member's personal data (admins, within their subtree). */
export const AccessLogQuerySchema = z
  .object({
    /** Rows before this audit id (the previous page's `nextBefore`). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const AccessLogEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  /** The account's e-mail, or `cli`, `member` (the member's own request in chat), `system`. */
  actor: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  purpose: z.enum(ACCESS_PURPOSES),
  route: z.string(),
  /** The conversation it was about, when it was one. */
  conversationId: z.string().nullable(),
  /** True when the member appeared in a list (name and latest message) rather than being opened. */
  listed: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

export const AccessLogResponseSchema = z.object({
  member: z.object({ id: z.string(), erased: z.boolean() }),
  items: z.array(AccessLogEntrySchema),
  nextBefore: z.number().nullable(),
});
export type AccessLogResponse = z.infer<typeof AccessLogResponseSchema>;
