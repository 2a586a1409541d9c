import { z } from 'zod';
import { AppError, type FieldIssue } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';
import type { KnowledgeAnswer } from '../../core/knowledge/answer.js';
import type { LawArticle } from '../../core/knowledge/law.js';

/**
 * Issue #11 item 5: does the member get the fact, from the right article, and nothing invented? One case per
 * member question, written from the law: the facts the reply must state (any one of the listed forms) and the
 * articles it may cite. A reply is `right` when it states a fact and cites an acceptable article; `fact_only`,
 * `cite_only` and `neither` otherwise. `invented` counts replies citing an article that is not in the corpus or
 * stating a figure that none of their cited articles contains; `lead` counts facts stated in the first paragraph.
 */
const CaseSchema = z.object({
  id: z.string().min(1),
  q: z.string().trim().min(1),
  facts: z.array(z.string().min(1)).min(1),
  cite: z.array(z.object({ law_id: z.string().min(1), article_no: z.string().min(1) })).min(1),
  style: z.enum(['typed', 'unaccented', 'teencode']).default('typed'),
});
export type AnswerEvalCase = z.infer<typeof CaseSchema>;

export function parseAnswerEvalJsonl(text: string): AnswerEvalCase[] {
  const cases: AnswerEvalCase[] = [];
  const issues: FieldIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      issues.push({ path: `line ${index + 1}`, message: 'not valid JSON' });
      return;
    }
    const parsed = CaseSchema.safeParse(json);
    if (parsed.success) cases.push(parsed.data);
    else issues.push(...fieldIssuesFromZod(parsed.error, `line ${index + 1}`));
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `invalid answer evaluation file: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { fields: issues });
  return cases;
}

/** The law writes `03 ngày`, members and answers `3 ngày`: compare without leading zeros, case-insensitively. */
export function comparable(text: string): string {
  return text.normalize('NFC').replace(/(?<![\d.,])0+(\d)/g, '$1').toLowerCase();
}

const QUANTITY = /(\d{1,3}(?:\.\d{3})+)(?![.,]?\d)|(\d+(?:,\d+)?)\s*(%|ngày|giờ|tháng|năm|tuần|phút|lần|tuổi)(?!\p{L})/gu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Figures (money, %, counted quantities) of `body` that none of `sources` contains. */
export function ungroundedFigures(body: string, sources: readonly string[]): string[] {
  const cited = comparable(sources.join('\n'));
  const missing: string[] = [];
  for (const match of comparable(body).matchAll(QUANTITY)) {
    const [raw, money, number, unit] = match;
    const pattern = money
      ? new RegExp(`(?<![\\d.])${escape(money)}(?![.,]?\\d)`)
      : new RegExp(`(?<![\\d.,])${escape(number ?? '')}\\s*${escape(unit ?? '')}`, 'u');
    if (!pattern.test(cited)) missing.push(raw);
  }
  return missing;
}

export type AnswerOutcome = 'right' | 'fact_only' | 'cite_only' | 'neither';

export interface AnswerCaseResult {
  id: string;
  style: AnswerEvalCase['style'];
  outcome: AnswerOutcome;
  lead: boolean;
  invented: string[];
  kind: KnowledgeAnswer['kind'];
}

export interface AnswerEvalReport {
  n: number;
  right: number;
  fact_only: number;
  cite_only: number;
  neither: number;
  /** Share of cases whose fact is in the reply's first paragraph (the direct answer leads). */
  lead: number;
  invented: number;
  by_style: Record<string, { n: number; right: number }>;
  failures: AnswerCaseResult[];
}

/** Scores one reply against its case. `articles` resolves cited articles (the corpus). */
export function scoreAnswer(item: AnswerEvalCase, answer: KnowledgeAnswer, articles: (lawId: string, articleNo: string) => LawArticle | undefined): AnswerCaseResult {
  const body = answer.text.split('\n\nCăn cứ:')[0] ?? answer.text;
  const text = comparable(body);
  const fact = item.facts.some((f) => text.includes(comparable(f)));
  const firstParagraph = comparable(body.split('\n\n')[0] ?? '');
  const lead = item.facts.some((f) => firstParagraph.includes(comparable(f)));
  const cited = answer.citations.map((c) => ({ c, article: articles(c.lawId, c.articleNo) }));
  const cite = cited.some(({ c }) => item.cite.some((ok) => ok.law_id === c.lawId && ok.article_no === c.articleNo));
  const invented = [
    ...cited.filter(({ article }) => !article).map(({ c }) => `Điều ${c.articleNo} ${c.lawId} not in the corpus`),
    ...(answer.kind === 'not_covered' ? [] : ungroundedFigures(body, cited.flatMap(({ article }) => (article ? [article.text] : []))).map((f) => `"${f}" not in the cited articles`)),
  ];
  const outcome: AnswerOutcome = fact && cite ? 'right' : fact ? 'fact_only' : cite ? 'cite_only' : 'neither';
  return { id: item.id, style: item.style, outcome, lead, invented, kind: answer.kind };
}

export function summariseAnswers(results: readonly AnswerCaseResult[]): AnswerEvalReport {
  const count = (outcome: AnswerOutcome) => results.filter((r) => r.outcome === outcome).length;
  const byStyle: Record<string, { n: number; right: number }> = {};
  for (const r of results) {
    const bucket = (byStyle[r.style] ??= { n: 0, right: 0 });
    bucket.n += 1;
    if (r.outcome === 'right') bucket.right += 1;
  }
  return {
    n: results.length,
    right: count('right'),
    fact_only: count('fact_only'),
    cite_only: count('cite_only'),
    neither: count('neither'),
    lead: results.filter((r) => r.lead).length,
    invented: results.filter((r) => r.invented.length > 0).length,
    by_style: byStyle,
    failures: results.filter((r) => r.outcome !== 'right' || r.invented.length > 0),
  };
}
