import { z } from 'zod';
import { parseOrThrow } from '../../core/errors/zod-issues.js';
import type { KnowledgeAnswer, KnowledgeService, QuestionInput } from '../../core/knowledge/answer.js';
import type { Citation } from '../../core/knowledge/law.js';
import { TOPICS } from '../../core/nlu/labels.js';
import type { ChatModel } from '../../core/ports/chat-model.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import type { Redactor } from '../../core/ports/redactor.js';
import { toNfc } from '../../core/text/vietnamese-fold.js';
import type { FaqAudience } from '../faq/faq-audience.js';
import type { FaqMatch } from '../faq/faq-matcher.js';
import type { LawRetriever, PassageHit } from '../retrieval/retriever.js';
import { ANSWER_TEXTS } from './answer-texts.vi.js';
import type { ArticleLookup } from './article-lookup.js';
import { renderCitationLine, toCitation, uniqueCitations } from './citation.js';
import { pickConcernBrief } from './concern-briefs.js';
import { composeExtractiveAnswer, sourcePhrase, trimQuote } from './extractive-answer.js';
import { resolveFaqCitations } from './faq-answer.js';
import { resolveKnowledgeOptions, type KnowledgeOptionsInput } from './knowledge-options.js';
import { answerWithModel } from './llm-answer.js';
import { askedQuantity, asksDeadline, statesAskedFigure } from './asked-quantity.js';
import { asksSpecifically } from './asked-part.js';
import { focusQuestion, storyLastClause, storyOuterClauses } from './query-focus.js';
import { createAnswerLawSearch, createAskerOf, questionSearchText } from './answer-search.js';
import type { ArticleReranker } from './article-reranker.js';
import { leadWithNamedRegion } from './region-focus.js';
import type { Actor } from '../faq/actor-cue.js';
import { isOtherSide } from './article-side.js';
import { leadCuratedAnswer } from './faq-lead.js';
import { selectSources } from './source-selection.js';
import { caseLeftOut, entryFit } from './faq-fit.js';
import { askedParty } from './asked-party.js';
import { wordLead } from './entry-lead.js';
import type { UnitChooser } from './unit-chooser.js';
import type { ChooserSource } from './unit-features.js';

export interface KnowledgeServiceDeps {
  retriever: LawRetriever;
  faq: {
    match(text: string, audience?: FaqAudience): FaqMatch | null;
    /** The nearest entries whatever their score, and the score that answers: when the nearest entry states no figure of the kind asked, the next one may. */
    rank?(text: string, limit: number, audience?: FaqAudience): FaqMatch[];
    readonly threshold?: number;
  };
  /** Absent → every legal answer is extractive (quotes the law), still cited. */
  chatModel?: ChatModel;
  /** Runs on the member's text before anything is sent to the model. */
  redactor: Redactor;
  /** Resolves FAQ citations to full labels with effective dates; see createArticleLookup. */
  articles?: ArticleLookup;
  logger?: Logger;
  /** Teencode / tone normaliser for the retrieval query (the FAQ matcher has its own). */
  queryNormalizer?: (text: string) => string;
  options?: KnowledgeOptionsInput;
  /**
   * Chooses the unit that leads an extractive answer among the units of the leading articles (unit-chooser.ts, a
   * learned model); absent → the hand-tuned scores choose (extractive-answer.ts). Off by default: D-answers-38.
   */
  unitChooser?: UnitChooser;
  /**
   * Reorders the law search's leading articles (article-reranker.ts, a learned model, D-answers-49) before the side
   * and scheme reorderings; absent → the retriever's order.
   */
  articleReranker?: ArticleReranker;
}

/** The edge check on what the pipeline hands over: a bad call fails loudly instead of answering nonsense. */
const QuestionInputSchema = z.object({
  text: z.string().transform((value) => toNfc(value).trim()).pipe(z.string().min(1, 'câu hỏi trống').max(4000, 'câu hỏi quá dài')),
  topic: z.enum(TOPICS),
  entities: z.array(z.unknown()),
  conversationId: z.string().max(200).optional(),
  unitPath: z.string().max(2000).nullable().optional(),
  purpose: z.enum(['question', 'concern']).optional(),
});

function withFooter(body: string, citations: readonly Citation[], officerOffer = true): string {
  // A concern's reply carries its own officer offer (with buttons) right after the answer.
  return [body.trim(), renderCitationLine(citations), officerOffer ? `${ANSWER_TEXTS.disclaimer}\n${ANSWER_TEXTS.officerOffer}` : ANSWER_TEXTS.disclaimer]
    .filter((part) => part !== '')
    .join('\n\n');
}

function notCovered(confidence: number, fallbackReason?: string): KnowledgeAnswer {
  return {
    kind: 'not_covered',
    text: `${ANSWER_TEXTS.notCovered}\n\n${ANSWER_TEXTS.notCoveredOffer}`,
    citations: [],
    confidence,
    composer: 'none',
    ...(fallbackReason ? { fallbackReason } : {}),
  };
}

/**
 * The knowledge port: curated FAQ first, then retrieval over the law; with a chat model the answer is composed
 * from the retrieved passages and checked, otherwise (or when the model fails a check) the law is quoted.
 * Every answer carries citations built from retrieved or curated articles only, the disclaimer and an officer offer.
 */
/**
 * When a question asks for a figure ("hợp đồng làm mấy bản", "người khuyết tật phép năm mấy ngày"), the leading
 * articles that state no figure of that kind (what a contract is, disabled workers' general rights) yield to the
 * well-matched ones among the next few that do ("02 bản", "14 ngày"). Order is kept otherwise.
 */
function preferStatedQuantity(hits: readonly PassageHit[], question: string, window: number, minStrength: number): readonly PassageHit[] {
  if (!askedQuantity(question) || hits.length === 0 || statesAskedFigure(hits[0]?.article.text ?? '', question)) return hits;
  const head = hits.slice(0, window);
  // Only hits strong enough to answer from: promoted weak ones pushed every usable article out of the sources, and
  // the member got an answer with no law in it (dev-8, "vợ em vừa sinh mổ, … được nghỉ mấy ngày").
  const stating = head.filter((hit) => hit.strength >= minStrength && statesAskedFigure(hit.article.text, question));
  if (stating.length === 0) return hits;
  // A time limit asked: the claims articles of sibling schemes all state one in the same procedural words, and the one
  // covering most of the question is the scheme asked ("bhxh giải quyết chế độ ốm đau trong bao lâu": the sickness
  // claims article at 0.72 before the accident claims one at 0.55, which the reranker had put first). Only then: for
  // every figure, the strongest first lost a right answer on dev (s003: the sickness days before annual leave's).
  // D-answers-53.
  if (asksDeadline(question)) stating.sort((a, b) => b.strength - a.strength);
  return [...stating, ...head.filter((hit) => !stating.includes(hit)), ...hits.slice(window)];
}

/**
 * The hit of the leading `window` that covers most of the question (highest match strength; the first on a tie), or
 * none when `window` is 0. The search orders hits by BM25, which a long article sharing common words can lead; the
 * strength says which article accounts for the question ("công ty xếp lịch tăng ca mà không hỏi ý kiến công nhân":
 * the overtime article second by score, first by strength).
 */
function strongestOf(hits: readonly PassageHit[], window: number): readonly PassageHit[] {
  const strongest = hits.slice(0, window).reduce<PassageHit | undefined>((best, hit) => (!best || hit.strength > best.strength ? hit : best), undefined);
  return strongest ? [strongest] : [];
}

/** How many times the search's first hit must outscore another for the wider window not to count that one. */
const DOMINANT_FIRST_HIT = 3;

export function createKnowledgeService(deps: KnowledgeServiceDeps): KnowledgeService {
  const options = resolveKnowledgeOptions(deps.options);
  const logger = deps.logger ?? silentLogger;
  const normalizeQuery = deps.queryNormalizer ?? ((text: string) => text);

  /** Who ends the job in the question (actor-cue.ts), when the side cue is on. */
  const askerOf = createAskerOf(normalizeQuery, options.sideCue);
  const searchLaw = createAnswerLawSearch({
    retriever: deps.retriever,
    normalizeQuery,
    askerOf,
    window: options.maxSources + 2,
    askedPartFirst: options.askedPartFirst,
    ...(deps.articleReranker ? { reranker: deps.articleReranker } : {}),
  });

  /**
   * An entry whose main (first cited) article is the other side's (article-side.ts): "Người lao động có quyền đơn
   * phương chấm dứt hợp đồng không cần báo trước khi nào" reached the entry on the employer's grounds (Điều 36), whose
   * phrasings name the employer too seldom for the matcher's actor cue (D-answers-24).
   */
  const onOtherSide = (entry: FaqMatch['entry'], asker: Actor | null): boolean => {
    const main = entry.citations[0];
    const article = asker && main ? deps.articles?.get(main.lawId, main.articleNo) : undefined;
    return article !== undefined && isOtherSide(article.title, asker);
  };

  const faqAnswer = (match: FaqMatch, question: string, officerOffer = true, hits?: readonly PassageHit[]): KnowledgeAnswer => {
    const clause = hits ? clauseStatingAsked(match, question, hits) : null;
    const curated = leadWithNamedRegion(leadCuratedAnswer(match.entry.answer, question), question);
    const citations = uniqueCitations([...(clause ? [toCitation(clause.article)] : []), ...resolveFaqCitations(match.entry, deps.articles, logger)]);
    return {
      kind: 'faq',
      text: withFooter(clause ? `${curated}\n\n${sourcePhrase(clause.article, clause.clauseNo)}: ${trimQuote(clause.text, options.extractiveCharBudget)}` : curated, citations, officerOffer),
      citations,
      confidence: match.score,
      composer: 'faq',
      faqEntryId: match.entry.id,
      topic: match.entry.topic,
    };
  };

  /** The sources an extractive answer to `question` would quote from these hits (the figure asked preferred). */
  const sourcesFor = (hits: readonly PassageHit[], question: string) =>
    selectSources(preferStatedQuantity(hits, question, options.maxSources + 2, options.minStrength), {
      minStrength: options.minStrength,
      relativeFloor: options.relativeStrengthFloor,
      maxSources: options.maxSources,
      maxPassagesPerSource: options.maxPassagesPerSource,
    });

  /**
   * The clause of the law that states what was asked clearly better than any sentence of the entry (faq-fit.ts): it
   * follows the curated answer ("công ty phải công bố nội dung đối thoại trong bao lâu" reached the dialogue entry,
   * which states no such period; the clause says "03 ngày làm việc"). After it, not before: put first, it displaced
   * the entry's direct answer where the entry did state it (dev: facts in the first paragraph 810 → 800, the same
   * right answers). Null when the entry answers as well, or `faqFitMargin` is off (D-answers-40).
   */
  const clauseStatingAsked = (match: FaqMatch, question: string, hits: readonly PassageHit[]) => {
    if (options.faqFitMargin >= 1 && options.faqUnstatedShare <= 0) return null;
    // The entry's own articles are read whole: the clause of the case asked may be one the search did not bring.
    const cited = match.entry.citations.flatMap((ref) => deps.articles?.get(ref.lawId, ref.articleNo) ?? []);
    const fit = entryFit(normalizeQuery(question), match.entry, sourcesFor(hits, question), 2, cited, askedParty(question));
    if (!fit.lawUnit) return null;
    const better = options.faqFitMargin < 1 && fit.law - fit.entry >= options.faqFitMargin;
    // An entry on the topic that does not restate the clause fitting the question best speaks of another case of it
    // (the non-specialised union officers' hours asked by a specialised one): the clause follows (D-answers-48).
    const unstated = fit.restated < options.faqUnstatedShare && fit.law - fit.entry >= -options.faqUnstatedMargin;
    if (!better && !unstated) return null;
    logger.info({ faqEntryId: match.entry.id, fitEntry: fit.entry, fitLaw: fit.law, restated: fit.restated, article: fit.lawUnit.article.id }, 'a clause states what was asked and the entry does not: it follows');
    return fit.lawUnit;
  };

  /**
   * Whether the entry leaves out the case the figure question names and the law's first source states it with the
   * figure asked (faq-fit.ts `caseLeftOut`): then the law answers, when it is strong enough to (D-answers-53).
   */
  const leavesCaseOut = (match: FaqMatch, question: string, hits: readonly PassageHit[]): boolean => {
    if (options.faqCaseMargin >= 1) return false;
    const strength = hits.slice(0, options.maxSources).reduce((best, hit) => Math.max(best, hit.strength), 0);
    if (strength < options.minStrength) return false;
    const unit = caseLeftOut(normalizeQuery(question), match.entry, sourcesFor(hits, question), options.faqCaseMargin);
    if (unit) logger.info({ faqEntryId: match.entry.id, article: unit.article.id, clause: unit.clauseNo }, 'the entry leaves out the case asked: the law answers');
    return unit !== null;
  };

  /**
   * The FAQ entry that answers: the nearest one above the threshold, unless the question asks for a figure
   * ("mấy ngày", "bao nhiêu %") its answer does not state — then the next entry above the threshold that does,
   * else none (the law answers). Near words are not a near question: "người khuyết tật được nghỉ phép mấy ngày"
   * is closest to an entry on disabled workers' rights in general.
   */
  const matchAnsweringFaq = (text: string, audience: FaqAudience): FaqMatch | null => {
    const nearest = deps.faq.match(text, audience);
    const kind = askedQuantity(text);
    const asker = askerOf(text);
    const fits = (candidate: FaqMatch) => statesAskedFigure(candidate.entry.answer, text) && !onOtherSide(candidate.entry, asker);
    if (!nearest || fits(nearest)) return nearest;
    const threshold = deps.faq.threshold ?? nearest.score;
    const next = (deps.faq.rank?.(text, 4, audience) ?? []).find(
      (candidate) => candidate.entry.id !== nearest.entry.id && candidate.score >= threshold && fits(candidate),
    );
    logger.info({ faqEntryId: nearest.entry.id, asked: kind, asker, instead: next?.entry.id ?? null }, 'nearest FAQ entry states no figure of the kind asked, or is the other side\'s');
    return next ?? null;
  };

  /**
   * The `count` nearest entries when the first, though under the threshold, scores at least `weakRetrievalFaqScore`
   * and states the figure asked (if one is asked); else none. Both ways an entry under the threshold may answer
   * start here.
   */
  const nearestUnderThreshold = (text: string, audience: FaqAudience, count: number): readonly FaqMatch[] => {
    const asker = askerOf(text);
    const ranked = (deps.faq.rank?.(text, count + 2, audience) ?? []).filter((match) => !onOtherSide(match.entry, asker)).slice(0, count);
    const first = ranked[0];
    if (!first || first.score < options.weakRetrievalFaqScore) return [];
    return statesAskedFigure(first.entry.answer, text) ? ranked : [];
  };

  /**
   * The entry that stands out among the nearest ones though under the threshold (`weakRetrievalFaqScore`, a lead
   * of `weakRetrievalFaqLead` over the next entry on the question's words, entry-lead.ts), and that states the figure
   * asked if one is asked; else null.
   */
  const clearlyNearestFaq = (text: string, audience: FaqAudience): FaqMatch | null => {
    const [first, second] = nearestUnderThreshold(text, audience, 2);
    if (!first || (second && wordLead(text, first.entry, second.entry, normalizeQuery) < options.weakRetrievalFaqLead)) return null;
    return first;
  };

  /**
   * The nearest entry under the threshold when the law search agrees with it: it scores at least
   * `weakRetrievalFaqScore`, states the figure asked, and one of the articles it cites is among the leading hits.
   * Two independent readings of the question pointing at the same article are stronger evidence than either alone,
   * and the curated answer says what the member asked where the clause quoted may not ("vợ sinh mổ, chồng được
   * nghỉ mấy ngày hưởng bảo hiểm" reached the paternity entry at 0.44 while the search ranked the one-time
   * social-insurance articles above the paternity article; D-answers-19). `leadingCount` hits count (0: off).
   */
  const faqAgreeingWithLaw = (text: string, audience: FaqAudience, hits: readonly PassageHit[], leadingCount = options.agreeingFaqLeading): FaqMatch | null => {
    if (leadingCount === 0) return null;
    const [first, second, third] = nearestUnderThreshold(text, audience, 3);
    if (!first) return null;
    // An entry that stands clearly ahead of the next one may agree with any of a wider window of leading hits: the
    // matcher has already told the entries apart, the search need only not point elsewhere — its first hit is not
    // an article a runner-up entry cites ("làm 1 năm được mấy ngày phép": the seniority entry led, the search's
    // first hit was the annual-leave article of the entry behind it). D-answers-30.
    const cites = (match: FaqMatch | undefined, hit: PassageHit | undefined): boolean =>
      match !== undefined && hit !== undefined && match.entry.citations.some((cited) => hit.article.lawId === cited.lawId && hit.article.articleNo === cited.articleNo);
    // A lone candidate (no other entry shares a word with the question, or a small unit FAQ) does not stand out: a lead
    // is evidence only over an entry the matcher set aside; alone, the narrower agreements above still apply and the
    // law answers otherwise (D-answers-35).
    const standsOut =
      options.agreeingMarginWindow > 0 &&
      second !== undefined &&
      wordLead(text, first.entry, second.entry, normalizeQuery) >= options.agreeingLead &&
      !cites(second, hits[0]) &&
      !cites(third, hits[0]);
    // In the wider window only a hit the answer could have quoted counts (the sources' relative floor): "thưởng Tết có
    // phải đóng thuế" reached the bonus entry, whose article was the third hit at 0.26 behind one at 0.65.
    const window = hits.slice(0, options.agreeingMarginWindow);
    const floor = options.relativeStrengthFloor * window.reduce((best, hit) => Math.max(best, hit.strength), 0);
    // Nor does it agree with a hit the search's first one outscores many times over: "Thời điểm hưởng trợ cấp tai nạn
    // lao động được tính từ khi nào" reached the monthly-benefit entry (its article fifth, score 216) while the first
    // hit was the article titled "Thời điểm hưởng trợ cấp" (724). D-answers-33.
    const scoreFloor = (hits[0]?.score ?? 0) / DOMINANT_FIRST_HIT;
    const leading = [
      ...hits.slice(0, leadingCount),
      ...(standsOut ? window.filter((hit) => hit.strength >= floor && hit.score >= scoreFloor) : []),
      ...strongestOf(hits, options.agreeingStrongestWindow),
    ];
    return leading.some((hit) => cites(first, hit)) ? first : null;
  };

  /**
   * The chooser reads the leading hits strong enough to answer from (in the search's order, with their scores) and
   * the articles the nearest FAQ entry cites, whatever its score (it did not answer, but its curator read the law).
   */
  const chooseLead = (chooser: UnitChooser, question: string, hits: readonly PassageHit[], searchText: string, unitPath: string | null) => {
    const sources: ChooserSource[] = hits
      .slice(0, chooser.articles)
      .filter((hit) => hit.strength >= options.minStrength)
      .map((hit) => ({ article: hit.article, passages: hit.passages.map(({ clauseNo, text }) => ({ clauseNo, text })), strength: hit.strength, score: hit.score }));
    const nearest = deps.faq.rank?.(searchText, 1, { unitPath })[0];
    return chooser.choose({ question, sources, faqCited: nearest?.entry.citations ?? [] });
  };

  const answer = async (raw: QuestionInput, signal?: AbortSignal): Promise<KnowledgeAnswer> => {
    const input = parseOrThrow(QuestionInputSchema, raw, 'question');
    const log = logger.child({ conversationId: input.conversationId, topic: input.topic });

    // Search on the question itself: personal data (redacted, with the clauses introducing the member), instruction
    // clauses and feelings told around it are dropped here (the model still sees the whole, redacted text).
    const searchText = questionSearchText(deps.redactor, input.text);
    if (input.purpose === 'concern' && asksSpecifically(searchText)) {
      // A complaint that also asks is answered on what it asks, as a question would be (issue #11 item 1, D-answers-35):
      // "… công ty nợ tiền bảo hiểm, giờ bố em mất thì nhà em được trợ cấp gì" got the late-contribution brief, since
      // a complaint's words needed 0.6 to pass its topic's brief. The brief answers when the question is not covered.
      const asked = await answerReading(input, searchText, log, true, signal, { asked: true });
      if (asked.kind !== 'not_covered') return asked;
      log.info({ strength: asked.confidence }, "the complaint's question is not covered: its topic's rights answer");
    }
    return answerReading(input, searchText, log, true, signal);
  };

  /**
   * Answers one reading of the question. `storyRetry`: when this reading would be "not covered", a message told as a
   * story is read again on its outer clauses (query-focus.ts `storyOuterClauses`), then on its last clause alone
   * (`storyLastClause`, answered only by a curated entry), before giving up. `modelAllowed` false: this reading's
   * answer is taken only from an entry, so the chat model is not asked (a call whose answer would be discarded).
   * `asked`: a complaint's question, read by the rules of a question; its reply still carries no officer sentence (the
   * complaint's reply adds the offer with its buttons).
   */
  const answerReading = async (
    input: z.infer<typeof QuestionInputSchema>,
    searchText: string,
    log: Logger,
    storyRetry: boolean,
    signal?: AbortSignal,
    { modelAllowed = true, asked = false }: { modelAllowed?: boolean; asked?: boolean } = {},
  ): Promise<KnowledgeAnswer> => {
    const concern = input.purpose === 'concern' && !asked;
    const officerOffer = input.purpose !== 'concern';
    const faqMatch = matchAnsweringFaq(searchText, { unitPath: input.unitPath ?? null });
    // An entry that leaves out the case the question names (faq-fit.ts `caseLeftOut`) yields to the law, here and as
    // the entry agreeing with the law below.
    let setAside: string | null = null;
    if (faqMatch && (!concern || faqMatch.score >= options.concernFaqScore)) {
      const hits = concern ? undefined : searchLaw(searchText, options.retrievalK);
      if (hits && leavesCaseOut(faqMatch, searchText, hits)) {
        setAside = faqMatch.entry.id;
      } else {
        log.info({ kind: 'faq', faqEntryId: faqMatch.entry.id, score: faqMatch.score }, 'answered from FAQ');
        return faqAnswer(faqMatch, searchText, officerOffer, hits);
      }
    }
    if (concern) {
      // A complaint's words seldom match an entry closely ("bị đuổi việc ngang" is near the entry on lawful
      // dismissal, not the one on unlawful dismissal): unless an entry matches clearly, the topic's brief states
      // the rights that apply and what to do next.
      const brief = pickConcernBrief(input.topic, searchText);
      const briefMatch = brief ? deps.faq.match(brief.query, { unitPath: input.unitPath ?? null }) : null;
      const chosen = briefMatch ?? faqMatch;
      if (chosen) {
        log.info({ kind: 'faq', faqEntryId: chosen.entry.id, brief: chosen === briefMatch }, 'concern answered with the rights on its topic');
        // A brief chosen by the complaint's cue is about what the cue names: the acknowledgement says so.
        const subject = chosen === briefMatch ? brief?.subject : undefined;
        return { ...faqAnswer(chosen, searchText, false), ...(subject ? { subject } : {}) };
      }
    }

    // The other side's article (article-side.ts) goes after the asker's among the leading hits.
    // The voluntary scheme's twin articles go after the employee's own (insurance-scheme.ts), unless it is asked about.
    const hits = searchLaw(searchText, options.retrievalK);
    // Hits come ranked by score; strength is the comparable measure of coverage. Only the leading hits count:
    // far down the list some article always shares a word or two with any message.
    const strength = hits.slice(0, options.maxSources).reduce((best, hit) => Math.max(best, hit.strength), 0);
    if (strength < options.minStrength) {
      // Too weak to quote, the search may still point the right way: its first hit is an article the nearest entry
      // cites (dev-10: "… giờ em mới tính kiện ra tòa, không biết còn kịp không, thời hiệu là bao lâu" got "not
      // covered" with the time-limits entry nearest at 0.41 and its Điều 190 first). Never for a complaint.
      const nearest =
        clearlyNearestFaq(searchText, { unitPath: input.unitPath ?? null }) ??
        (concern ? null : faqAgreeingWithLaw(searchText, { unitPath: input.unitPath ?? null }, hits, options.weakRetrievalAgreeingLeading));
      if (nearest) {
        log.info({ kind: 'faq', faqEntryId: nearest.entry.id, score: nearest.score, strength }, 'retrieval too weak: the nearest FAQ entry answers');
        return faqAnswer(nearest, searchText, officerOffer);
      }
      // The last clause alone has lost what happened: only a curated entry it matches may answer from it (its quoted
      // law reached tangential articles: "nguy hiểm quá thì em có được không làm không" → environmental monitoring).
      const readings = storyRetry
        ? [
            { text: storyOuterClauses(searchText), accepts: (kind: KnowledgeAnswer['kind']) => kind !== 'not_covered', modelAllowed: true },
            // Only an entry is taken from this reading: a model's answer would be thrown away, so the model is not asked.
            { text: storyLastClause(searchText), accepts: (kind: KnowledgeAnswer['kind']) => kind === 'faq', modelAllowed: false },
          ]
        : [];
      for (const reading of readings) {
        if (reading.text === null) continue;
        const again = await answerReading(input, reading.text, log, false, signal, { modelAllowed: reading.modelAllowed, asked });
        if (reading.accepts(again.kind)) {
          log.info({ kind: again.kind, strength }, 'retrieval too weak on the whole story: answered on a shorter reading of it');
          return again;
        }
      }
      log.info({ kind: 'not_covered', strength }, 'retrieval too weak');
      return notCovered(strength);
    }
    const agreeingMatch = concern ? null : faqAgreeingWithLaw(searchText, { unitPath: input.unitPath ?? null }, hits);
    const agreeing = agreeingMatch && agreeingMatch.entry.id !== setAside && !leavesCaseOut(agreeingMatch, searchText, hits) ? agreeingMatch : null;
    if (agreeing) {
      log.info({ kind: 'faq', faqEntryId: agreeing.entry.id, score: agreeing.score, strength }, 'the nearest FAQ entry cites a leading article: it answers');
      return faqAnswer(agreeing, searchText, officerOffer, hits);
    }
    const sources = sourcesFor(hits, searchText);

    let fallbackReason: string | undefined;
    if (deps.chatModel && modelAllowed) {
      const outcome = await answerWithModel(
        { chatModel: deps.chatModel, logger: log },
        {
          sources,
          redactedQuestion: deps.redactor.redact(input.text),
          settings: { timeoutMs: options.llmTimeoutMs, maxTokens: options.llmMaxTokens, maxAnswerChars: options.maxAnswerChars },
          ...(signal ? { signal } : {}),
        },
      );
      if (outcome.kind === 'answer') {
        const citations = uniqueCitations(outcome.cited.map(toCitation));
        log.info({ kind: 'legal', composer: 'llm', attempts: outcome.attempts, strength }, 'answered by model');
        return { kind: 'legal', text: withFooter(outcome.body, citations, officerOffer), citations, confidence: strength, composer: 'llm' };
      }
      if (outcome.kind === 'not_covered') {
        log.info({ kind: 'not_covered', composer: 'llm', strength }, 'model found the passages insufficient');
        return { ...notCovered(strength), composer: 'llm' };
      }
      fallbackReason = outcome.reason;
    }

    const question = normalizeQuery(searchText);
    const leadUnit = deps.unitChooser ? chooseLead(deps.unitChooser, question, hits, searchText, input.unitPath ?? null) : undefined;
    const extractive = composeExtractiveAnswer(sources, { charBudget: options.extractiveCharBudget, maxArticles: 2, maxPassages: 3 }, question, leadUnit ?? undefined);
    if (extractive.quoted.length === 0) {
      // Nothing quotable (no source cleared the floors, or only garbled tables): never an answer without law in it.
      const nearest = clearlyNearestFaq(searchText, { unitPath: input.unitPath ?? null });
      log.info({ kind: nearest ? 'faq' : 'not_covered', strength }, 'nothing quotable in the retrieved articles');
      return nearest ? faqAnswer(nearest, searchText, officerOffer) : notCovered(strength, fallbackReason);
    }
    const citations = uniqueCitations(extractive.quoted.map(toCitation));
    log.info({ kind: 'legal', composer: 'extractive', fallbackReason, strength }, 'answered by quoting the law');
    return {
      kind: 'legal',
      text: withFooter(extractive.body, citations, officerOffer),
      citations,
      confidence: strength,
      composer: 'extractive',
      ...(fallbackReason ? { fallbackReason } : {}),
    };
  };

  const matchFaq = (text: string, unitPath: string | null) => {
    const match = deps.faq.match(focusQuestion(toNfc(text).trim()), { unitPath });
    return match ? { entryId: match.entry.id, topic: match.entry.topic, score: match.score } : null;
  };

  return { answer, matchFaq };
}
