import { AppError } from '../../core/errors/app-error.js';
import type { TranslationTable } from './translation-model.js';

/**
 * The translation language model of a question given a document (D-answers-52): each question term q is drawn from
 * the document either as itself or translated from one of its words,
 *   P(q | D) = (α·c(q, D) + (1 − α)·Σ_w t(q | w)·c(w, D) + μ·P(q | C)) / (|D| + μ),
 * the self-translation α keeping the exact match the learned table (trained on a few thousand pairs) would otherwise
 * blur, and Dirichlet smoothing (μ) with the collection's term frequencies for the terms neither explains. Scored as
 * the mean log P(q | D) over the question's terms, so questions of any length read on one scale.
 */
export interface TranslationScoring {
  /** α: the share of a question term's probability that is the term itself (1: plain query likelihood). */
  selfWeight: number;
  /** μ: the Dirichlet prior's weight, in terms (the articles are tens to thousands of syllables). */
  mu: number;
}

// Chosen on the fresh dev batches' first-hit recall of the likelihood alone (dev-13…18, 360 questions): α 0.5, μ 100
// → 172 right first; α 0.3, μ 50 → 182; α 0.15, μ 30 → about the same as 0.3 once fused with the retriever's score.
export const DEFAULT_TRANSLATION_SCORING: TranslationScoring = { selfWeight: 0.3, mu: 50 };

export interface TranslationScorer {
  readonly size: number;
  /** The mean log-likelihood of the question's terms given each document, by document position. */
  scoreAll(questionTerms: readonly string[]): Float64Array;
  /** The same for one document. */
  score(questionTerms: readonly string[], document: number): number;
}

export function createTranslationScorer(table: TranslationTable, documents: readonly (readonly string[])[], scoring: Partial<TranslationScoring> = {}): TranslationScorer {
  const { selfWeight, mu } = { ...DEFAULT_TRANSLATION_SCORING, ...scoring };
  if (!(selfWeight >= 0 && selfWeight <= 1)) throw new AppError('VALIDATION_FAILED', 'selfWeight must be in [0, 1]', { fields: [{ path: 'selfWeight', message: 'in [0, 1]' }] });
  if (!(mu > 0)) throw new AppError('VALIDATION_FAILED', 'mu must be positive', { fields: [{ path: 'mu', message: 'positive' }] });
  const size = documents.length;
  const lengths = Float64Array.from(documents, (terms) => terms.length);
  // Own terms: postings (document, count); the translated mass: a dense row per question term of the table.
  const postings = new Map<string, Map<number, number>>();
  const collection = new Map<string, number>();
  let collectionLength = 0;
  const translated = new Map<string, Float64Array>();
  documents.forEach((terms, document) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new Map()));
      list.set(document, count);
      collection.set(term, (collection.get(term) ?? 0) + count);
      collectionLength += count;
      for (const { term: target, p } of table.targetsOf.get(term) ?? []) {
        let row = translated.get(target);
        if (!row) translated.set(target, (row = new Float64Array(size)));
        row[document] = (row[document] as number) + p * count;
      }
    }
  });
  // Add-half smoothing of the collection model, so a question term no document holds still has a probability.
  const background = (term: string) => ((collection.get(term) ?? 0) + 0.5) / (collectionLength + 0.5 * (collection.size + 1));
  const weighted = (questionTerms: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const term of questionTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  };

  const probability = (term: string, document: number, prior: number) => {
    const own = postings.get(term)?.get(document) ?? 0;
    const moved = translated.get(term)?.[document] ?? 0;
    return (selfWeight * own + (1 - selfWeight) * moved + mu * prior) / ((lengths[document] as number) + mu);
  };

  return {
    size,
    scoreAll(questionTerms) {
      const scores = new Float64Array(size);
      const counts = weighted(questionTerms);
      const total = questionTerms.length;
      if (total === 0) return scores;
      for (const [term, count] of counts) {
        const prior = background(term);
        const own = postings.get(term);
        const moved = translated.get(term);
        for (let document = 0; document < size; document += 1) {
          const p = (selfWeight * (own?.get(document) ?? 0) + (1 - selfWeight) * (moved?.[document] ?? 0) + mu * prior) / ((lengths[document] as number) + mu);
          scores[document] = (scores[document] as number) + (count * Math.log(p)) / total;
        }
      }
      return scores;
    },
    score(questionTerms, document) {
      if (!(document >= 0 && document < size)) throw new AppError('VALIDATION_FAILED', `no document ${document}`, { fields: [{ path: 'document', message: `in [0, ${size})` }] });
      const total = questionTerms.length;
      if (total === 0) return 0;
      let sum = 0;
      for (const [term, count] of weighted(questionTerms)) sum += count * Math.log(probability(term, document, background(term)));
      return sum / total;
    },
  };
}
