import { AppError } from '../../core/errors/app-error.js';

/**
 * Word-translation probabilities between the members' words and the law's (D-answers-52): IBM Model 1, learned by EM
 * from pairs of a members' question and the law text that answers it, so that "tiền lời" can reach "lãi" and "ngã
 * mất" "chết" without a synonym list. The question is the target, the law text the source (plus the empty word, which
 * absorbs the question's words no law word explains), so t(member term | law term) is what a document's words say
 * about a question's: the translation language model of translation-scorer.ts reads it that way round.
 */
export interface TranslationPair {
  /** The law text's terms (repeats kept: Model 1 aligns each question term to a source position). */
  source: readonly string[];
  /** The members' question's terms. */
  target: readonly string[];
}

export interface TranslationTraining {
  /** EM iterations (Model 1's likelihood is convex; a handful get close to its optimum on a few thousand pairs). */
  iterations: number;
  /** Translations below this probability are dropped from the table (noise that only costs time when scoring). */
  minProbability: number;
}

export const DEFAULT_TRANSLATION_TRAINING: TranslationTraining = { iterations: 8, minProbability: 0.005 };

/** t(target | source) for every source term seen in training, the larger ones only (see `minProbability`). */
export interface TranslationTable {
  /** Each law term → the member terms it translates to, with t(member term | law term). */
  readonly targetsOf: ReadonlyMap<string, readonly { term: string; p: number }[]>;
  /** How many pairs it learned from (0: an empty table, the scorer is then a plain query-likelihood model). */
  readonly pairs: number;
}

/**
 * Trains the table. The vocabularies are small (unigram syllables of the law texts that have phrasings, about 900,
 * and of the members' questions, about 700), so t and the expected counts are dense arrays indexed source × target:
 * eight iterations over ~7,000 pairs take a fraction of a second, which is why the retriever trains it at build from
 * whatever phrasings it is given rather than shipping a model file.
 */
export function trainTranslationTable(pairs: readonly TranslationPair[], training: Partial<TranslationTraining> = {}): TranslationTable {
  const options = { ...DEFAULT_TRANSLATION_TRAINING, ...training };
  if (!Number.isInteger(options.iterations) || options.iterations < 1 || options.iterations > 100) {
    throw new AppError('VALIDATION_FAILED', 'translation training needs 1 to 100 iterations', { fields: [{ path: 'iterations', message: 'integer in [1, 100]' }] });
  }
  if (!(options.minProbability >= 0 && options.minProbability < 1)) {
    throw new AppError('VALIDATION_FAILED', 'translation minProbability must be in [0, 1)', { fields: [{ path: 'minProbability', message: 'in [0, 1)' }] });
  }
  pairs.forEach((pair, i) => {
    if (!Array.isArray(pair?.source) || !Array.isArray(pair?.target) || [...pair.source, ...pair.target].some((term) => typeof term !== 'string' || term === '')) {
      throw new AppError('VALIDATION_FAILED', `translation pair ${i} must hold non-empty string terms`, { fields: [{ path: `pairs[${i}]`, message: 'source and target: arrays of non-empty strings' }] });
    }
  });
  const usable = pairs.filter((pair) => pair.source.length > 0 && pair.target.length > 0);
  // Source id 0 is the empty word.
  const sourceIds = new Map<string, number>([['', 0]]);
  const targetIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = ids.size;
      ids.set(term, id);
    }
    return id;
  };
  const counted = (ids: Map<string, number>, terms: readonly string[], withEmpty: boolean) => {
    const counts = new Map<number, number>(withEmpty ? [[0, 1]] : []);
    for (const term of terms) {
      const id = idOf(ids, term);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { ids: Int32Array.from(counts.keys()), counts: Float64Array.from(counts.values()) };
  };
  // Many pairs share one source (an article's text is the source of all its phrasings): counted once per array.
  const sources = new Map<readonly string[], ReturnType<typeof counted>>();
  const sourceOf = (terms: readonly string[]) => {
    let source = sources.get(terms);
    if (!source) sources.set(terms, (source = counted(sourceIds, terms, true)));
    return source;
  };
  const encoded = usable.map((pair) => ({ source: sourceOf(pair.source), target: counted(targetIds, pair.target, false) }));
  const width = targetIds.size;
  const t = new Float64Array(sourceIds.size * width);
  const expected = new Float64Array(t.length);
  const total = new Float64Array(sourceIds.size);
  // Uniform start: every target equally likely from every source (Model 1 converges to the same optimum from any
  // start with no zero; the uniform one is the usual choice).
  t.fill(1 / Math.max(1, width));
  for (let iteration = 0; iteration < options.iterations; iteration += 1) {
    expected.fill(0);
    total.fill(0);
    for (const { source, target } of encoded) {
      for (let f = 0; f < target.ids.length; f += 1) {
        const column = target.ids[f] as number;
        let denominator = 0;
        for (let e = 0; e < source.ids.length; e += 1) denominator += (source.counts[e] as number) * (t[(source.ids[e] as number) * width + column] as number);
        if (denominator <= 0) continue;
        const share = (target.counts[f] as number) / denominator;
        for (let e = 0; e < source.ids.length; e += 1) {
          const cell = (source.ids[e] as number) * width + column;
          const amount = share * (source.counts[e] as number) * (t[cell] as number);
          expected[cell] = (expected[cell] as number) + amount;
          total[source.ids[e] as number] = (total[source.ids[e] as number] as number) + amount;
        }
      }
    }
    for (let e = 0; e < sourceIds.size; e += 1) {
      const sum = total[e] as number;
      for (let f = 0; f < width; f += 1) t[e * width + f] = sum > 0 ? (expected[e * width + f] as number) / sum : 0;
    }
  }
  const targetTerms = [...targetIds.keys()];
  const targetsOf = new Map<string, { term: string; p: number }[]>();
  for (const [term, e] of sourceIds) {
    if (e === 0) continue;
    const row: { term: string; p: number }[] = [];
    for (let f = 0; f < width; f += 1) {
      const p = t[e * width + f] as number;
      if (p >= options.minProbability && p > 0) row.push({ term: targetTerms[f] as string, p });
    }
    if (row.length > 0) targetsOf.set(term, row.sort((a, b) => b.p - a.p));
  }
  return { targetsOf, pairs: usable.length };
}
