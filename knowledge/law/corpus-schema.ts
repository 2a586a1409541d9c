import { z } from 'zod';

/**
 * Wire format of the law corpus (shared/data/law/README.md): one article per JSONL line and an optional
 * `laws.json` with one metadata record per document. Unknown extra fields are ignored so that a newer
 * corpus with more columns still imports.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const corpusArticleLineSchema = z.object({
  id: nonEmpty,
  law_id: nonEmpty,
  law_name: nonEmpty,
  law_type: nonEmpty,
  article_no: z.union([nonEmpty, z.number().int().positive().transform(String)]),
  title: z.string(),
  text: nonEmpty,
  chapter: z.string().nullable().optional(),
  section: z.string().nullable().optional(),
  effective_date: isoDate.nullable().optional(),
  status: z.string().nullable().optional(),
});
export type CorpusArticleLine = z.infer<typeof corpusArticleLineSchema>;

export const corpusDocumentSchema = z.object({
  law_id: nonEmpty,
  law_name: nonEmpty,
  law_type: nonEmpty.optional(),
  type: nonEmpty.optional(),
  issuer: z.string().nullable().optional(),
  effective_date: isoDate.nullable().optional(),
  expired_date: isoDate.nullable().optional(),
  status: z.string().nullable().optional(),
  version_note: z.string().nullable().optional(),
});
export type CorpusDocument = z.infer<typeof corpusDocumentSchema>;

export const corpusDocumentListSchema = z.array(corpusDocumentSchema);
