import type { AnswerEvalCase } from './answer-evaluation.js';

/**
 * Where a question is lost (D-answers-34): did the law search put an acceptable article in its leading hits at all,
 * and was the reply right? One row per answer-evaluation case; the search is the one the answer path makes (the
 * redacted, focused, normalised question, reordered by side and scheme), so a miss here is a miss members get.
 */
export const RECALL_DEPTHS = [1, 3, 5, 10] as const;
/** The confusion's cut: an acceptable article among this many leading hits counts as found. */
export const FOUND_DEPTH = 5;

export interface RetrievalCaseResult {
  id: string;
  batch: string;
  style: AnswerEvalCase['style'];
  /** 1-based rank of the first acceptable article among the hits, null when none is there. */
  rank: number | null;
  /** The reply stated the fact and cited an acceptable article. */
  right: boolean;
  /** What answered: an FAQ entry, or the law (extractive, or "not covered"); absent in older rows. */
  kind?: 'faq' | 'legal' | 'not_covered';
}

/** The rank (1-based) of the first hit that is one of the acceptable articles, null when none is. */
export function firstAcceptableRank(
  hits: readonly { lawId: string; articleNo: string }[],
  acceptable: readonly { law_id: string; article_no: string }[],
): number | null {
  const index = hits.findIndex((hit) => acceptable.some((ok) => ok.law_id === hit.lawId && ok.article_no === hit.articleNo));
  return index < 0 ? null : index + 1;
}

export interface RecallFigures {
  n: number;
  /** Share of cases with an acceptable article within the first k hits, by k. */
  recall: Record<`at${(typeof RECALL_DEPTHS)[number]}`, number>;
  /** Mean reciprocal rank within the first 10 hits (0 for a case with none there). */
  mrr: number;
  right: number;
}

export interface RetrievalDiagnostic extends RecallFigures {
  by_batch: Record<string, RecallFigures>;
  by_style: Record<string, RecallFigures>;
  /** Typed questions against unaccented and teencode ones together. */
  by_typing: Record<'typed' | 'untyped', RecallFigures>;
  /** The questions an FAQ entry answered against those that reached the law (extractive or "not covered"). */
  by_route: Record<'faq' | 'law', RecallFigures>;
  /** {acceptable article in the first FOUND_DEPTH hits} × {reply right}: where the fix belongs. */
  confusion: { found_right: number; found_wrong: number; missed_right: number; missed_wrong: number };
}

const MRR_DEPTH = 10;

export function recallFigures(results: readonly RetrievalCaseResult[]): RecallFigures {
  const n = results.length;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  const within = (depth: number) => share(results.filter((r) => r.rank !== null && r.rank <= depth).length);
  const reciprocal = results.reduce((sum, r) => sum + (r.rank !== null && r.rank <= MRR_DEPTH ? 1 / r.rank : 0), 0);
  return {
    n,
    recall: { at1: within(1), at3: within(3), at5: within(5), at10: within(10) },
    mrr: share(reciprocal),
    right: results.filter((r) => r.right).length,
  };
}

function groupBy(results: readonly RetrievalCaseResult[], key: (r: RetrievalCaseResult) => string): Record<string, RecallFigures> {
  const groups = new Map<string, RetrievalCaseResult[]>();
  for (const result of results) groups.set(key(result), [...(groups.get(key(result)) ?? []), result]);
  return Object.fromEntries([...groups].map(([name, members]) => [name, recallFigures(members)]));
}

export function summariseRetrieval(results: readonly RetrievalCaseResult[]): RetrievalDiagnostic {
  const found = (r: RetrievalCaseResult) => r.rank !== null && r.rank <= FOUND_DEPTH;
  const count = (test: (r: RetrievalCaseResult) => boolean) => results.filter(test).length;
  return {
    ...recallFigures(results),
    by_batch: groupBy(results, (r) => r.batch),
    by_style: groupBy(results, (r) => r.style),
    by_typing: {
      typed: recallFigures(results.filter((r) => r.style === 'typed')),
      untyped: recallFigures(results.filter((r) => r.style !== 'typed')),
    },
    by_route: {
      faq: recallFigures(results.filter((r) => r.kind === 'faq')),
      law: recallFigures(results.filter((r) => r.kind !== undefined && r.kind !== 'faq')),
    },
    confusion: {
      found_right: count((r) => found(r) && r.right),
      found_wrong: count((r) => found(r) && !r.right),
      missed_right: count((r) => !found(r) && r.right),
      missed_wrong: count((r) => !found(r) && !r.right),
    },
  };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

/** One line of figures: `n`, recall at each depth, MRR and replies right. */
export function formatRecallLine(label: string, figures: RecallFigures): string {
  const recall = RECALL_DEPTHS.map((depth) => `@${depth} ${percent(figures.recall[`at${depth}`])}`).join(', ');
  return `${label}: ${figures.n} câu, recall ${recall}, MRR ${figures.mrr.toFixed(3)}, trả lời đúng ${figures.right}`;
}

/** The diagnostic for the terminal: overall, by typing and style, by batch, then the confusion. */
export function formatRetrievalDiagnostic(report: RetrievalDiagnostic): string[] {
  const { found_right, found_wrong, missed_right, missed_wrong } = report.confusion;
  return [
    formatRecallLine('tìm điều luật', report),
    formatRecallLine('  gõ có dấu', report.by_typing.typed),
    formatRecallLine('  không dấu / teencode', report.by_typing.untyped),
    ...(report.by_route.faq.n + report.by_route.law.n > 0
      ? [formatRecallLine('  FAQ trả lời', report.by_route.faq), formatRecallLine('  trả lời từ luật', report.by_route.law)]
      : []),
    ...Object.entries(report.by_style).filter(([style]) => style !== 'typed').map(([style, figures]) => formatRecallLine(`    ${style}`, figures)),
    ...Object.entries(report.by_batch).map(([batch, figures]) => formatRecallLine(`  ${batch}`, figures)),
    `điều luật chấp nhận được trong ${FOUND_DEPTH} kết quả đầu × trả lời đúng:`,
    `  có × đúng ${found_right}, có × sai ${found_wrong}, không × đúng ${missed_right}, không × sai ${missed_wrong}`,
  ];
}
