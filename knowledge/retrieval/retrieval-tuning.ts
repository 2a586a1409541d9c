/**
 * Knobs of the lexical ranker. The defaults were chosen on knowledge/eval/questions.jsonl
 * (see evaluate-retrieval.ts); change them only with a before/after run of that evaluation.
 */
export interface RetrievalTuning {
  k1: number;
  b: number;
  /** Weight of the title fields relative to the body fields. */
  titleWeight: number;
  /** Weight of the folded fields relative to the accented ones, for questions typed with diacritics. */
  foldedWeight: number;
  /** Query weight of a syllable bigram relative to a unigram. */
  bigramWeight: number;
  /** How much of the best clause's score is added to its article's score. */
  passageWeight: number;
  /** Multiplier on every synonym group's weight (1 keeps the weights written in the synonym list). */
  synonymScale: number;
  /** Query weight of member words that a synonym group recognised (the legal words carry the meaning). */
  memberTermWeight: number;
  /**
   * Lift for articles whose title the question asks about almost word for word: the score is multiplied by
   * `1 + titleCoverageBoost × coverage²`, where coverage is the IDF-weighted share of the title's terms found
   * in the question (or its synonyms). Short titles such as `Thử việc` or `Nghỉ hằng năm` are precise answers.
   */
  titleCoverageBoost: number;
  /**
   * Query weight, and weight in match strength, of the words of a story told around the question (SearchOptions
   * `story`): they still say what the case is about, but what is asked leads.
   */
  storyTermWeight: number;
  /**
   * Weight of the document expansion (members' phrasings of each article, D-answers-44): the best phrasing's BM25
   * score times its overlap with the question (IDF-weighted coverage, the larger way round) to the power
   * `expansionCoverageExponent`; 0 turns it off.
   */
  expansionWeight: number;
  expansionCoverageExponent: number;
  /**
   * Weight of the clause phrasings (members' questions per khoản, D-answers-47), scored as the article phrasings are
   * but in an index of their own (same match exponent; 3 and 4 measured the same): an article adds its best clause
   * phrasing's part to its best article phrasing's; 0 turns them off.
   */
  clauseExpansionWeight: number;
  /**
   * A clause phrasing counts only when it matches the question at least this much (match in [0, 1]); then it also puts
   * its khoản first in the hit.
   */
  clauseLeadMatch: number;
  /**
   * The learned word-translation model (article-translation.ts, D-answers-52) at the retrieval stage: every article
   * adds `translationWeight × the best score so far × r^translationSharpness`, r = exp(its mean log-likelihood − the
   * likeliest article's) in (0, 1], the per-word likelihood ratio to the likeliest; scaled by the best score so the
   * lift means the same whatever the question's BM25 scale. 0 turns it off (the reranker still reads the likelihood).
   */
  translationWeight: number;
  translationSharpness: number;
  /** Multiplier on expired articles when they are searched at all. */
  expiredPenalty: number;
  /** Clauses returned per hit. */
  passagesPerHit: number;
}

export const DEFAULT_RETRIEVAL_TUNING: RetrievalTuning = {
  // 0.9, not BM25's usual 1.2 (D-answers-34): a member's question is a few distinct words, and the law's long articles
  // repeat the common ones ("người lao động", "hợp đồng"); saturating term frequency sooner lets the article that
  // holds more of the question's words lead. Every k1 from 0.5 to 1.0 answered more dev questions than 1.2 when swept
  // (the blind batches too); 0.8 lost the issue's own survivors'-benefit complaint. Rank 1 and MRR gain most.
  k1: 0.9,
  b: 0.75,
  titleWeight: 2,
  foldedWeight: 1,
  bigramWeight: 1,
  passageWeight: 1,
  synonymScale: 1,
  memberTermWeight: 1,
  titleCoverageBoost: 0.75,
  // D-answers-39: 0.7 with the story's opening clause read with the question: dev +2, none lost; 0.5 lost more than it won.
  storyTermWeight: 0.7,
  // D-answers-44: per phrasing, not one bag of all phrasings (the bag lost dev answers at every weight tried); the match
  // is the larger of the phrasing's and the question's coverage of each other, squared: weights 1.5–2.5 gave 943–944,
  // off-topic and FAQ-negative figures unchanged; without squaring, one more off-topic question was answered.
  expansionWeight: 2,
  expansionCoverageExponent: 2,
  // D-answers-47: weights 1–3 and max-or-sum tried on dev; 2, summed, answered most, the fresh batches included.
  clauseExpansionWeight: 2,
  clauseLeadMatch: 0.6,
  translationWeight: 0.6,
  translationSharpness: 3,
  expiredPenalty: 0.8,
  passagesPerHit: 3,
};
