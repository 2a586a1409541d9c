import { z } from 'zod';
import { FAQ_STATUSES } from '../../core/knowledge/faq.js';
import { TOPICS } from '../../core/nlu/labels.js';
import { toNfc } from '../../core/text/vietnamese-fold.js';

/** Every stored string is NFC: officers paste from Word, members type on phones with decomposed input. */
const nfcText = (min: number, max: number) =>
  z
    .string()
    .transform((value) => toNfc(value).trim())
    .pipe(
      z
        .string()
        .min(min, `phải có ít nhất ${min} ký tự`)
        .max(max, `tối đa ${max} ký tự`)
        // PostgreSQL cannot store NUL in text: refuse it here (422) rather than fail at the database (500).
        .refine((value) => !value.includes('\u0000'), 'không được chứa ký tự NUL'),
    );

export const FaqCitationRefSchema = z.object({
  lawId: z
    .string()
    .transform((value) => toNfc(value).trim())
    .pipe(z.string().regex(/^\d+\/\d{4}\/[A-ZĐ0-9-]+$/u, 'số hiệu văn bản dạng 45/2019/QH14 hoặc 145/2020/NĐ-CP')),
  articleNo: z.string().trim().regex(/^\d{1,3}[a-z]?$/, 'số điều, ví dụ 98'),
});

export const FAQ_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/**
 * One entry as it crosses an edge (JSON import, admin API). `status` and `updatedAt` are optional on input:
 * the importer fills them. A published entry must cite at least one article: the assistant never states a
 * rule without its source (DESIGN.md §7).
 */
export const FaqEntryFieldsSchema = z.object({
  id: z.string().trim().regex(FAQ_ID_PATTERN, 'chữ thường không dấu, số và gạch nối, 2-64 ký tự'),
  topic: z.enum(TOPICS),
  question: nfcText(5, 500),
  variants: z.array(nfcText(2, 500)).max(60).default([]),
  answer: nfcText(20, 4000),
  citations: z.array(FaqCitationRefSchema).max(12).default([]),
  status: z.enum(FAQ_STATUSES).default('published'),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  /** A higher level's entry this local entry replaces for its unit's subtree (the owner is set by the store). */
  overridesId: z.string().trim().regex(FAQ_ID_PATTERN, 'mã câu hỏi được thay thế không hợp lệ').nullable().optional(),
});

export const FaqEntryInputSchema = FaqEntryFieldsSchema.superRefine((entry, context) => {
  if (entry.status === 'published' && entry.citations.length === 0) {
    context.addIssue({ code: 'custom', path: ['citations'], message: 'câu trả lời đã công bố phải trích dẫn ít nhất một điều luật' });
  }
});

/** An admin edit: any subset of the editable fields (the id never changes; the store stamps the time). */
export const FaqEntryPatchSchema = z
  .object({
    topic: FaqEntryFieldsSchema.shape.topic,
    question: FaqEntryFieldsSchema.shape.question,
    variants: z.array(nfcText(2, 500)).max(60),
    answer: FaqEntryFieldsSchema.shape.answer,
    citations: z.array(FaqCitationRefSchema).max(12),
    status: z.enum(FAQ_STATUSES),
  })
  .partial()
  .strict();

export type FaqEntryInput = z.input<typeof FaqEntryInputSchema>;

/** A file is either a bare array of entries or the export envelope produced by `exportFaqJson`. */
export const FaqFileSchema = z.union([
  z.array(z.unknown()),
  z.object({ format: z.literal('congdoan-faq').optional(), version: z.literal(1).optional(), entries: z.array(z.unknown()) }),
]);
