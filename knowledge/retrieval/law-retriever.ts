import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';
import { assembleLawCorpus } from '../law/parse-law-corpus.js';
import { accumulateBm25 } from './bm25-field.js';
import type { ArticlePhrasings } from './article-phrasings.js';
import { bestPhrasingPerArticle, buildExpansionIndex, type PhrasingMatch } from './expansion-field.js';
import { findSuccessorDocuments, mapExpiredToReplacements } from './expired-successors.js';
import { clauseSimilarity, inForceInstead } from './in-force-instead.js';
import { buildLexicalIndex, type LexicalIndex, type ViewFields } from './lexical-index.js';
import { matchStrength } from './match-strength.js';
import { createOldLawQuestionTest } from './old-law-question.js';
import { addArticleReferenceBonus, applyTitleCoverage } from './score-adjustments.js';
import { onlyExpiredIsStrong, rankByStatus } from './status-ranking.js';
import { DEFAULT_RETRIEVAL_TUNING, type RetrievalTuning } from './retrieval-tuning.js';
import type { LawRetriever, PassageHit, SearchOptions } from './retriever.js';

import { buildArticleTranslation, type ArticleTranslation } from './article-translation.js';
import { createSignalRecorder, type SignalRecorder } from './retrieval-signals.js';
import { createSynonymExpander } from './synonym-expander.js';
import type { SynonymGroup } from './synonym-groups.js';
import { createTextAnalyzer } from './text-views.js';
import { buildWeightedQuery, type WeightedQuery } from './weighted-query.js';

export { RECOMMENDED_MIN_STRENGTH } from './match-strength.js';

export interface LawRetrieverConfig {
  articles: readonly LawArticle[];
  /** Document metadata (status, version notes); derived from the articles when absent. */
  documents?: readonly LawDocument[];
  /** Member ↔ legal word groups (see loadDefaultSynonymGroups); none when absent. */
  synonyms?: readonly SynonymGroup[];
  /** Teencode / tone normaliser supplied by the composition root; identity by default. */
  normalizeQuery?: (text: string) => string;
  /**
   * Applied to article titles and texts before indexing (never to what hits return). When `normalizeQuery`
   * rewrites tone marks (`thỏa` → `thoả`), pass the same tone canonicaliser here so both sides agree.
   */
  normalizeIndexText?: (text: string) => string;
  tuning?: Partial<RetrievalTuning>;
  /**
   * Questions members ask that an article answers (the FAQ's phrasings of the articles it cites, the phrasing files):
   * indexed per article as its document expansion (D-answers-44); those of expired articles are dropped. Those with a
   * `clauseNo` (the clause phrasings, D-answers-47) are indexed apart, and the hit says which khoản matched.
   */
  phrasings?: readonly ArticlePhrasings[];
}

/** The lexical retriever, with the extra entry points the hybrid (dense) retriever builds on. */
export interface LexicalLawRetriever extends LawRetriever {
  readonly articles: readonly LawArticle[];
  /** Hits for the given articles in the given order, with their lexical passages and strength. */
  explain(query: string, articleIds: readonly string[]): PassageHit[];
  isExpired(articleId: string): boolean;
  /** The id of the in-force article that replaced an expired one, when known. */
  replacementOf(articleId: string): string | null;
  /** The injected query normaliser (identity by default), for other retrievers that share this one's input. */
  normalize(text: string): string;
}

export function createLawRetriever(config: LawRetrieverConfig): LexicalLawRetriever {
  const tuning: RetrievalTuning = { ...DEFAULT_RETRIEVAL_TUNING, ...config.tuning };
  const analyzer = createTextAnalyzer();
  const articles = [...config.articles];
  const index = buildLexicalIndex(articles, analyzer, { k1: tuning.k1, b: tuning.b }, config.normalizeIndexText);
  const expander = config.synonyms && config.synonyms.length > 0 ? createSynonymExpander(config.synonyms, analyzer) : null;
  const normalizeQuery = config.normalizeQuery ?? ((text: string) => text);
  const documents = config.documents ?? assembleLawCorpus(articles).documents;

  const expiredLaws = new Set(documents.filter((doc) => doc.status === 'expired').map((doc) => doc.lawId));
  const expired = articles.map((article) => article.status === 'expired' || expiredLaws.has(article.lawId));
  const replacement = mapExpiredToReplacements(articles, (i) => expired[i] === true, findSuccessorDocuments(documents, analyzer), analyzer);
  const inForce = (position: number) => expired[position] !== true;
  const phrasings = config.phrasings ?? [];
  const expansion = buildExpansionIndex(articles, phrasings.filter((entry) => entry.clauseNo === undefined), inForce, analyzer, { k1: tuning.k1, b: tuning.b }, normalizeQuery);
  // Clause phrasings in an index of their own: their thousands of short questions would otherwise change the BM25
  // statistics (IDF, mean length) the article phrasings were weighed with (D-answers-47).
  const clauseExpansion = buildExpansionIndex(articles, phrasings.filter((entry) => entry.clauseNo !== undefined), inForce, analyzer, { k1: tuning.k1, b: tuning.b }, normalizeQuery);
  // The word-translation model learned from the same phrasings (D-answers-52): trained with the index when the search
  // uses it (a server's first question after a FAQ reload does not wait for it), else on first use (the reranker's
  // signals), so a retriever built with the lift off does not pay for training it never needs.
  let translationModel: ArticleTranslation | null = null;
  const translation = (): ArticleTranslation =>
    (translationModel ??= buildArticleTranslation(articles, phrasings, inForce, { question: normalizeQuery, law: config.normalizeIndexText ?? ((text) => text) }));
  if (tuning.translationWeight > 0) translation();
  const positionById = new Map(articles.map((article, position) => [article.id, position]));
  const asksAboutOldLaw = createOldLawQuestionTest(documents);
  const passageSyllables = new Map<number, Set<string>>();
  const syllablesOf = (passage: number): Set<string> => {
    let set = passageSyllables.get(passage);
    if (!set) {
      set = new Set(analyzer.view((index.passages[passage] as { text: string }).text).folded);
      passageSyllables.set(passage, set);
    }
    return set;
  };
  /**
   * The passage of `to` that states what the best-matching passage of `from` said: alike (Jaccard), or holding
   * nearly all of it (the provision kept, the new clause longer: the 2019 code's "Bảo vệ thai sản" khoản 2 holds
   * 0.84 of the 2012 one's words at a Jaccard of 0.37). -1 when none does.
   */
  const correspondingPassage = (from: number, to: number, passageScores: Float64Array): number => {
    let matched = -1;
    for (let passage = index.passageStart[from] as number; passage < (index.passageStart[from + 1] as number); passage += 1) {
      if ((passageScores[passage] as number) > 0 && (matched < 0 || (passageScores[passage] as number) > (passageScores[matched] as number))) matched = passage;
    }
    if (matched < 0) return -1;
    let best = -1;
    let bestSimilarity = 0;
    for (let passage = index.passageStart[to] as number; passage < (index.passageStart[to + 1] as number); passage += 1) {
      const similarity = clauseSimilarity(syllablesOf(matched), syllablesOf(passage));
      if (similarity > bestSimilarity) {
        best = passage;
        bestSimilarity = similarity;
      }
    }
    return best;
  };

  const scoreQuery = (query: WeightedQuery, recorder?: SignalRecorder, spoken?: string): { articleScores: Float64Array; passageScores: Float64Array; phrased: Map<number, PhrasingMatch> } => {
    const articleScores = new Float64Array(articles.length);
    const passageScores = new Float64Array(index.passages.length);
    addFieldScores(index.title, query, tuning, tuning.titleWeight, articleScores);
    recorder?.stage('title', articleScores);
    addFieldScores(index.body, query, tuning, 1, articleScores);
    recorder?.stage('body', articleScores);
    addFieldScores(index.passageFields, query, tuning, 1, passageScores);
    // The expansion picks the article; the clauses to quote are still chosen on the law's own words below, except that
    // a clause phrasing matching closely puts its khoản first (toHit).
    const phrased = addPhrasingScores(query, articleScores);
    recorder?.stage('expansion', articleScores);
    if (tuning.passageWeight > 0) {
      const best = new Float64Array(articles.length);
      passageScores.forEach((score, passage) => {
        const article = index.passageArticle[passage] as number;
        if (score > (best[article] as number)) best[article] = score;
      });
      best.forEach((score, article) => {
        if (score > 0) articleScores[article] = (articleScores[article] as number) + tuning.passageWeight * score;
      });
    }
    recorder?.stage('passage', articleScores);
    if (tuning.titleCoverageBoost > 0) applyTitleCoverage(index, query, tuning.titleCoverageBoost, articleScores);
    recorder?.stage('coverage', articleScores);
    // Before the named-article bonus, which is a share of the best score and must still lift `điều 7` above any other.
    if (spoken !== undefined && tuning.translationWeight > 0) addTranslationLift(spoken, articleScores);
    recorder?.stage('translation', articleScores);
    addArticleReferenceBonus(query, articles, articleScores);
    recorder?.stage('reference', articleScores);
    return { articleScores, passageScores, phrased };
  };

  /**
   * The word-translation model's lift (D-answers-52): an article whose text the question's words are likely drawn from,
   * translated or as they are, gains a share of the best score so far, the likeliest the most. It lifts articles the
   * BM25 fields found only weakly (members' words the law never uses); scaled by the best score so it is neither lost on a long
   * question nor everything on a short one.
   */
  const addTranslationLift = (spoken: string, articleScores: Float64Array): void => {
    const likelihood = translation().scoreAll(spoken);
    let best = 0;
    let likeliest = -Infinity;
    articleScores.forEach((score, position) => {
      if (score > best) best = score;
      if ((likelihood[position] as number) > likeliest) likeliest = likelihood[position] as number;
    });
    if (best <= 0 || !Number.isFinite(likeliest)) return;
    const lift = tuning.translationWeight * best;
    // Only articles something already matched: a question sharing no word with the law still finds nothing.
    likelihood.forEach((value, position) => {
      if ((articleScores[position] as number) > 0) articleScores[position] = (articleScores[position] as number) + lift * Math.exp(tuning.translationSharpness * (value - likeliest));
    });
  };

  /**
   * Adds each article's document expansion: its best article phrasing's part and its best clause phrasing's part (each
   * `weight × BM25 × match^exponent`; the sum found the right article first more often than the larger of the two,
   * D-answers-47). A clause phrasing counts only when it asks what the question asks (match ≥ `clauseLeadMatch`):
   * thousands of short questions each share a word or two with any question, and counted at 0.52 one tipped "hãy nói
   * lương tối thiểu là …" from the decree's regional figures to the code's definition. Returns each article's best
   * clause phrasing.
   */
  const addPhrasingScores = (query: WeightedQuery, articleScores: Float64Array): Map<number, PhrasingMatch> => {
    const scoreField = (fields: ViewFields, weight: number, into: Float64Array) => addFieldScores(fields, query, tuning, weight, into);
    const byArticle = tuning.expansionWeight > 0 ? bestPhrasingPerArticle(expansion, query, tuning.expansionCoverageExponent, scoreField) : new Map<number, PhrasingMatch>();
    const byClause = tuning.clauseExpansionWeight > 0 ? bestPhrasingPerArticle(clauseExpansion, query, tuning.expansionCoverageExponent, scoreField, tuning.clauseLeadMatch) : new Map<number, PhrasingMatch>();
    for (const article of new Set([...byArticle.keys(), ...byClause.keys()])) {
      const lift = tuning.expansionWeight * (byArticle.get(article)?.value ?? 0) + tuning.clauseExpansionWeight * (byClause.get(article)?.value ?? 0);
      articleScores[article] = (articleScores[article] as number) + lift;
    }
    return byClause;
  };

  /** The khoản of the article's best clause phrasing and its match, when the article's text has that khoản. */
  const phrasedClauseOf = (phrased: ReadonlyMap<number, PhrasingMatch>, position: number): PassageHit['phrasedClause'] => {
    const best = phrased.get(position);
    const clauseNo = best ? clauseExpansion.phrasingClause[best.phrasing] : null;
    if (!best || !clauseNo) return undefined;
    for (let passage = index.passageStart[position] as number; passage < (index.passageStart[position + 1] as number); passage += 1) {
      if ((index.passages[passage] as { clauseNo: string | null }).clauseNo === clauseNo) return { clauseNo, match: best.match };
    }
    return undefined;
  };

  const toHit = (query: WeightedQuery, passageScores: Float64Array, phrased: ReadonlyMap<number, PhrasingMatch>, position: number, score: number, recorder?: SignalRecorder, spoken?: string): PassageHit => {
    const phrasedClause = phrasedClauseOf(phrased, position);
    // A khoản whose members' question asks what this question asks is quoted first, whatever its own words share.
    const lead = phrasedClause && phrasedClause.match >= tuning.clauseLeadMatch ? phrasedClause.clauseNo : null;
    return {
      article: articles[position] as LawArticle,
      passages: passagesOf(index, passageScores, position, tuning.passagesPerHit, lead),
      score,
      // Strength is still judged on the article's own words (a floor from the phrasing's match answered one more dev
      // question and let a run-on story of household troubles reach the model, D-answers-47).
      strength: matchStrength(index, query, position),
      ...(phrasedClause ? { phrasedClause } : {}),
      ...(recorder ? { signals: recorder.signalsOf(position) } : {}),
      ...(recorder && spoken !== undefined ? { translation: translation().score(spoken, position) } : {}),
    };
  };

  return {
    articles,
    get size() {
      return articles.length;
    },
    isExpired: (articleId) => {
      const position = positionById.get(articleId);
      return position !== undefined && expired[position] === true;
    },
    replacementOf: (articleId) => {
      const position = positionById.get(articleId);
      const successor = position === undefined ? -1 : (replacement[position] as number);
      return successor >= 0 ? (articles[successor] as LawArticle).id : null;
    },
    normalize: normalizeQuery,
    search(text: string, options: SearchOptions): PassageHit[] {
      const k = Math.max(0, Math.floor(options.k));
      const story = options.story === undefined ? undefined : normalizeQuery(options.story);
      const asked = normalizeQuery(text);
      const query = buildWeightedQuery(asked, analyzer, expander, tuning, story);
      if (k === 0 || query.view.folded.length === 0) return [];
      const recorder = options.signals === true ? createSignalRecorder() : undefined;
      // What the translation model reads: the asked part only. With the story around it, "bố em đóng bảo hiểm mấy chục
      // năm, công ty nợ tiền bảo hiểm, giờ bố em mất thì nhà em được trợ cấp gì" was drawn by the contributions story to
      // the pension's suspension and severance pay instead of the survivors' benefits (complaint-questions.test.ts).
      const spoken = asked;
      const { articleScores, passageScores, phrased } = scoreQuery(query, recorder, spoken);
      const strengthOf = (position: number) => matchStrength(index, query, position);
      const oldLawAsked = options.includeExpired === true || asksAboutOldLaw(options.story === undefined ? text : `${options.story}\n${text}`);
      const includeExpired = oldLawAsked || onlyExpiredIsStrong(articleScores, expired, strengthOf);
      const ranked = rankByStatus(articleScores, expired, replacement, includeExpired, tuning.expiredPenalty, oldLawAsked);
      if (oldLawAsked) return ranked.slice(0, k).map(({ position, score }) => toHit(query, passageScores, phrased, position, score, recorder, spoken));
      const context = { expired, replacement, strengthOf, correspondingPassage: (from: number, to: number) => correspondingPassage(from, to, passageScores) };
      return inForceInstead(ranked, k, context).map(({ position, score, inherited, leadPassage }) => {
        const hit = toHit(query, passageScores, phrased, position, score, recorder, spoken);
        if (inherited <= hit.strength) return hit;
        // The member asked about the provision the old clause states: its counterpart in the law in force leads.
        const lead = index.passages[leadPassage] as { clauseNo: string | null; text: string };
        const rest = hit.passages.filter((passage) => passage.clauseNo !== lead.clauseNo);
        const leadScore = Math.max(passageScores[leadPassage] as number, ...hit.passages.map((passage) => passage.score));
        return { ...hit, strength: inherited, passages: [{ ...lead, score: leadScore }, ...rest].slice(0, Math.max(1, tuning.passagesPerHit)) };
      });
    },
    explain(text: string, articleIds: readonly string[]): PassageHit[] {
      const asked = normalizeQuery(text);
      const query = buildWeightedQuery(asked, analyzer, expander, tuning);
      const { articleScores, passageScores, phrased } = scoreQuery(query, undefined, asked);
      return articleIds.flatMap((id) => {
        const position = positionById.get(id);
        return position === undefined ? [] : [toHit(query, passageScores, phrased, position, articleScores[position] as number)];
      });
    },
  };
}

function addFieldScores(fields: ViewFields, query: WeightedQuery, tuning: RetrievalTuning, weight: number, scores: Float64Array): void {
  if (query.accentedQuery) {
    accumulateBm25(fields.accented, query.accentedTerms, weight, scores);
    accumulateBm25(fields.folded, query.foldedTerms, weight * tuning.foldedWeight, scores);
  } else {
    // Without diacritics the accented field would only match the syllables that happen to have none.
    accumulateBm25(fields.folded, query.foldedTerms, weight * (1 + tuning.foldedWeight), scores);
  }
}

/** The article's best-matching khoản, `lead` first when given (a clause phrasing asked it, D-answers-47). */
function passagesOf(index: LexicalIndex, passageScores: Float64Array, article: number, limit: number, lead: string | null = null): PassageHit['passages'] {
  const start = index.passageStart[article] as number;
  const end = index.passageStart[article + 1] as number;
  const scored: PassageHit['passages'] = [];
  for (let passage = start; passage < end; passage += 1) {
    const { clauseNo, text } = index.passages[passage] as { clauseNo: string | null; text: string };
    scored.push({ clauseNo, text, score: passageScores[passage] as number });
  }
  const leads = (passage: { clauseNo: string | null }) => lead !== null && passage.clauseNo === lead;
  const matching = scored.filter((passage) => passage.score > 0 || leads(passage)).sort((a, b) => Number(leads(b)) - Number(leads(a)) || b.score - a.score);
  // An article found by its title alone still needs text to quote: fall back to its first passage.
  if (matching.length === 0) return scored.slice(0, 1);
  return matching.slice(0, limit);
}
