import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';
import { AppError, type FieldIssue } from '../../core/errors/app-error.js';
import { toNfc } from '../../core/text/vietnamese-fold.js';
import {
  corpusArticleLineSchema,
  corpusDocumentListSchema,
  type CorpusArticleLine,
  type CorpusDocument,
} from './corpus-schema.js';
import { mapLawStatus } from './law-status.js';

export interface ParsedLawCorpus {
  documents: LawDocument[];
  articles: LawArticle[];
}

/** Enough issues to fix a broken file in one pass without flooding the terminal. */
const MAX_REPORTED_ISSUES = 20;

/**
 * Parses the JSONL article file. Every line is checked before anything is returned, so a caller that writes
 * only after this succeeds can never import half a file.
 */
export function parseArticleLines(jsonl: string): LawArticle[] {
  const issues: FieldIssue[] = [];
  const articles: LawArticle[] = [];
  const seenIds = new Map<string, number>();
  const lines = jsonl.replace(/^\uFEFF/, '').split(/\r?\n/);

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    if (rawLine.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(rawLine);
    } catch {
      issues.push({ path: `line ${lineNo}`, message: 'not valid JSON' });
      return;
    }
    const parsed = corpusArticleLineSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.') || '(line)';
        issues.push({ path: `line ${lineNo}.${field}`, message: issue.message });
      }
      return;
    }
    const firstSeen = seenIds.get(parsed.data.id);
    if (firstSeen !== undefined) {
      issues.push({ path: `line ${lineNo}.id`, message: `duplicate article id ${parsed.data.id} (first on line ${firstSeen})` });
      return;
    }
    seenIds.set(parsed.data.id, lineNo);
    articles.push(toLawArticle(parsed.data));
  });

  if (issues.length > 0) throw importError(issues);
  if (articles.length === 0) {
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', 'the corpus file holds no article lines', {
      fields: [{ path: 'file', message: 'no article lines' }],
    });
  }
  return articles;
}

/** Parses `laws.json` (document metadata). */
export function parseDocumentMetadata(json: string): CorpusDocument[] {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', 'laws.json is not valid JSON', {
      fields: [{ path: 'laws.json', message: 'not valid JSON' }],
    });
  }
  const parsed = corpusDocumentListSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: `laws.json[${issue.path.map(String).join('.')}]`,
      message: issue.message,
    }));
    throw importError(issues);
  }
  return parsed.data;
}

/**
 * Joins articles with the document metadata. Documents that `laws.json` does not describe (or all of them,
 * when there is no `laws.json`) are derived from their articles' own columns.
 */
export function assembleLawCorpus(articles: LawArticle[], metadata: CorpusDocument[] = []): ParsedLawCorpus {
  const metadataById = new Map(metadata.map((doc) => [toNfc(doc.law_id), doc]));
  const documents: LawDocument[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.lawId)) continue;
    seen.add(article.lawId);
    const meta = metadataById.get(article.lawId);
    documents.push(meta ? documentFromMetadata(meta, article) : documentFromArticle(article));
  }
  return { documents, articles };
}

export function parseLawCorpus(input: { articlesJsonl: string; lawsJson?: string | null }): ParsedLawCorpus {
  const articles = parseArticleLines(input.articlesJsonl);
  const metadata = input.lawsJson ? parseDocumentMetadata(input.lawsJson) : [];
  return assembleLawCorpus(articles, metadata);
}

function toLawArticle(line: CorpusArticleLine): LawArticle {
  return {
    id: toNfc(line.id),
    lawId: toNfc(line.law_id),
    lawName: toNfc(line.law_name),
    lawType: toNfc(line.law_type),
    articleNo: toNfc(line.article_no),
    title: toNfc(line.title).trim(),
    text: toNfc(line.text).replace(/\r\n/g, '\n').trim(),
    chapter: nullableNfc(line.chapter),
    section: nullableNfc(line.section),
    effectiveDate: line.effective_date ?? null,
    status: mapLawStatus(line.status),
  };
}

function documentFromMetadata(meta: CorpusDocument, article: LawArticle): LawDocument {
  return {
    lawId: article.lawId,
    name: toNfc(meta.law_name),
    type: toNfc(meta.law_type ?? meta.type ?? article.lawType),
    issuer: nullableNfc(meta.issuer),
    effectiveDate: meta.effective_date ?? article.effectiveDate,
    expiredDate: meta.expired_date ?? null,
    status: meta.status ? mapLawStatus(meta.status) : article.status,
    versionNote: nullableNfc(meta.version_note),
  };
}

function documentFromArticle(article: LawArticle): LawDocument {
  return {
    lawId: article.lawId,
    name: article.lawName,
    type: article.lawType,
    issuer: null,
    effectiveDate: article.effectiveDate,
    expiredDate: null,
    status: article.status,
    versionNote: null,
  };
}

function nullableNfc(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = toNfc(value).trim();
  return trimmed === '' ? null : trimmed;
}

function importError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const message = first ? `invalid law corpus: ${first.path}: ${first.message}${more}` : 'invalid law corpus';
  return new AppError('KNOWLEDGE_IMPORT_INVALID', message, { fields: issues.slice(0, MAX_REPORTED_ISSUES) });
}
