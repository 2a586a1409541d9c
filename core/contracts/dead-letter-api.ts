import { z } from 'zod';

/**
 * GET /api/admin/dead-letters and POST /api/admin/dead-letters/:id/retry (admins only), shared with admin-ui:
 * member messages the bot gave up on after INBOUND_MAX_ATTEMPTS failed turns, and replies that failed for good
 * (OUTBOUND_MAX_ATTEMPTS, or a permanent refusal by the platform).
 */
export const DeadLetterQuerySchema = z
  .object({
    direction: z.enum(['in', 'out', 'all']).default('all'),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'con trỏ trang không hợp lệ')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type DeadLetterQuery = z.input<typeof DeadLetterQuerySchema>;

export const DeadLetterDtoSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  channel: z.string(),
  conversationId: z.uuid(),
  unitCode: z.string().nullable(),
  attempts: z.number().int(),
  /** Why it failed: the error's code and message, personal data redacted. */
  lastError: z.string().nullable(),
  /** The message text with personal data redacted (the full text is in the conversation, whose opening is audited). */
  preview: z.string(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
});
export type DeadLetterDto = z.infer<typeof DeadLetterDtoSchema>;

export const DeadLetterPageSchema = z.object({ items: z.array(DeadLetterDtoSchema), nextCursor: z.string().nullable() });
export type DeadLetterPage = z.infer<typeof DeadLetterPageSchema>;
