import { z } from 'zod';

/** GET /api/admin/audit and /api/admin/audit/export.csv (admins only), shared with admin-ui. */
/** Query text PostgreSQL can compare: no NUL. */
const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'không được chứa ký tự NUL');

export const AuditQuerySchema = z
  .object({
    /** Part of the actor's e-mail (or `system`, `cli`). */
    actor: queryText(254).optional(),
    action: queryText(64).optional(),
    targetType: queryText(64).optional(),
    targetId: queryText(200).optional(),
    from: z.iso.datetime({ offset: true, message: 'thời điểm dạng ISO 8601' }).or(z.iso.date('ngày dạng YYYY-MM-DD')).optional(),
    to: z.iso.datetime({ offset: true, message: 'thời điểm dạng ISO 8601' }).or(z.iso.date('ngày dạng YYYY-MM-DD')).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditEntryDtoSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  unitCode: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntryDtoSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  /** Distinct actions seen, for the filter's menu. */
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
