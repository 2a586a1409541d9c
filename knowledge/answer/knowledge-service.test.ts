import { AppError } from '../../core/errors/app-error.js';
import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { Logger } from '../../core/ports/logger.js';
import { createFaqMatcher } from '../faq/faq-matcher.js';
import { createArticleLookup } from './article-lookup.js';
import { ANSWER_TEXTS } from './answer-texts.vi.js';
import { createKnowledgeService } from './knowledge-service.js';
import { createKeywordRetriever, SAMPLE_ARTICLES } from './testing/sample-law.js';

const FAQ: FaqEntry[] = [
  {
    id: 'wages-minimum-wage-2026',
    topic: 'wages',
    question: 'Lương tối thiểu vùng năm 2026 là bao nhiêu?',
    variants: ['luong toi thieu vung 2026 bao nhieu', 'ltt vùng 1 bây giờ là bn', 'mức lương tối thiểu vùng hiện nay'],
    answer: 'Từ 01/01/2026, lương tối thiểu vùng I là 5.310.000 đồng/tháng.',
    citations: [{ lawId: '293/2025/NĐ-CP', articleNo: '3' }, { lawId: '10/2012/QH13', articleNo: '111' }],
    status: 'published',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];

/** Records what would be logged, to prove the member's text never reaches the logs. */
function recordingLogger(lines: unknown[]): Logger {
  const logger: Logger = {
    debug: (obj, msg) => void lines.push([obj, msg]),
    info: (obj, msg) => void lines.push([obj, msg]),
    warn: (obj, msg) => void lines.push([obj, msg]),
    error: (obj, msg) => void lines.push([obj, msg]),
    child: (bindings) => {
      lines.push(bindings);
      return logger;
    },
  };
  return logger;
}

const redactor = { redact: (text: string) => text.replace(/\d{9,12}/g, '[SỐ]') };

function service(logLines: unknown[] = []) {
  return createKnowledgeService({
    retriever: createKeywordRetriever(),
    faq: createFaqMatcher(FAQ),
    redactor,
    articles: createArticleLookup(SAMPLE_ARTICLES),
    logger: recordingLogger(logLines),
  });
}

const ask = (text: string) => ({ text, topic: 'wages' as const, entities: [], conversationId: 'conv-1' });

describe('knowledge service without a chat model', () => {
  it('answers from the FAQ with full citations, disclaimer and officer offer; drops expired references', async () => {
    const answer = await service().answer(ask('lương tối thiểu vùng 1 năm 2026 là bao nhiêu vậy'));
    expect(answer).toMatchObject({ kind: 'faq', composer: 'faq', faqEntryId: 'wages-minimum-wage-2026' });
    expect(answer.citations.map((c) => c.label)).toEqual(['Điều 3 Nghị định 293/2025/NĐ-CP (hiệu lực từ 01/01/2026)']);
    expect(answer.text).toContain('5.310.000 đồng');
    expect(answer.text).toContain('Căn cứ: Điều 3 Nghị định 293/2025/NĐ-CP');
    expect(answer.text).toContain(ANSWER_TEXTS.disclaimer);
    expect(answer.text).toContain(ANSWER_TEXTS.officerOffer);
  });

  it('quotes the law extractively when the FAQ has no match', async () => {
    const answer = await service().answer(ask('làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive' });
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.text).toContain('Theo khoản 1 Điều 98 Bộ luật Lao động 2019');
    expect(answer.text).toContain('200%');
    expect(answer.citations.map((c) => c.articleNo)).toEqual(['98']);
    expect(answer.confidence).toBeGreaterThan(0.25);
  });

  it('says plainly when nothing relevant was retrieved and offers an officer', async () => {
    const answer = await service().answer(ask('giá vàng hôm nay thế nào'));
    expect(answer).toMatchObject({ kind: 'not_covered', composer: 'none', citations: [] });
    expect(answer.text).toContain(ANSWER_TEXTS.notCovered);
    expect(answer.text).toContain('gặp cán bộ');
  });

  it('reads a story again on its outer clauses before saying "not covered"', async () => {
    const story =
      'xưởng ngừng việc do lỗi công ty, con em ốm vợ em cũng ốm nhà cửa dột nát chẳng ai sửa giúp, hàng xóm ồn ào suốt đêm chẳng ngủ nổi, vậy có được trả lương không';
    const [whole] = createKeywordRetriever().search(story, { k: 3 });
    expect(whole?.strength ?? 0).toBeLessThan(0.3);
    const answer = await service().answer(ask(story));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive' });
    expect(answer.citations.map((c) => c.articleNo)).toEqual(['99']);
    // Two clauses have no middle to drop: the weak reading stays "not covered".
    expect((await service().answer(ask('con em ốm vợ em cũng ốm nhà cửa dột nát chẳng ai sửa giúp hàng xóm ồn ào suốt đêm, có được trả lương không'))).kind).toBe('not_covered');
  });

  it('answers a story from its last clause alone only with a curated entry, never with law it quotes', async () => {
    const story = 'con em ốm vợ em cũng ốm nhà cửa dột nát chẳng ai sửa giúp hàng xóm ồn ào suốt đêm mẹ già yếu xe máy hỏng tiền điện tiền nước tăng vọt, làm thêm giờ ngày nghỉ hằng tuần trả lương bao nhiêu';
    // The last clause alone reaches Điều 98 in the law, but has lost the story: no quote from it.
    expect((await service().answer(ask(story))).kind).toBe('not_covered');
    const overtime: FaqEntry = { ...(FAQ[0] as FaqEntry), id: 'wt-overtime-pay', question: 'Làm thêm giờ ngày nghỉ hằng tuần trả lương bao nhiêu?', variants: [], answer: 'Ít nhất 200% lương.' };
    const withEntry = createKnowledgeService({ retriever: createKeywordRetriever(), faq: createFaqMatcher([overtime]), redactor, articles: createArticleLookup(SAMPLE_ARTICLES) });
    expect(await withEntry.answer(ask(story))).toMatchObject({ kind: 'faq', faqEntryId: 'wt-overtime-pay' });
  });

  it('rejects an empty question with a named field and answers nothing', async () => {
    await expect(service().answer(ask('   '))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'question.text' }] });
    await expect(service().answer({ ...ask('x'), topic: 'weather' as never })).rejects.toBeInstanceOf(AppError);
  });

  it('never logs the member text', async () => {
    const lines: unknown[] = [];
    await service(lines).answer(ask('số điện thoại của em là 0912345678, làm thêm giờ được trả bao nhiêu'));
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('0912345678');
    expect(logged).not.toContain('làm thêm giờ');
    expect(logged).toContain('conv-1');
  });

  it('matches the redacted question: the clause that carries personal data is not searched', async () => {
    const answer = await service().answer(ask('chào ad, số điện thoại của em là 0912345678, cho em hỏi lương tối thiểu vùng 1 năm 2026 là bao nhiêu'));
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wages-minimum-wage-2026' });
  });

  it('validates its options', () => {
    expect(() => createKnowledgeService({ retriever: createKeywordRetriever(), faq: createFaqMatcher(FAQ), redactor, options: { minStrength: 2 } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('labels FAQ citations minimally when no article lookup is wired', async () => {
    const bare = createKnowledgeService({ retriever: createKeywordRetriever(), faq: createFaqMatcher(FAQ), redactor });
    const answer = await bare.answer(ask('lương tối thiểu vùng 1 năm 2026 là bao nhiêu vậy'));
    expect(answer.citations.map((c) => c.label)).toEqual(['Điều 3 văn bản 293/2025/NĐ-CP', 'Điều 111 văn bản 10/2012/QH13']);
  });
});

describe('knowledge service when retrieval is too weak', () => {
  // The nearest entry holds the question's words; the other holds few of them, its twin as many (D-answers-40: the
  // lead is read on the question's words the two entries hold, not on the matcher's scores).
  const entry: FaqEntry = { ...(FAQ[0] as FaqEntry), variants: [...(FAQ[0] as FaqEntry).variants, 'giá vàng hôm nay thế nào mà lương có thấp quá không'] };
  const other: FaqEntry = { ...entry, id: 'wages-hourly-minimum', question: 'Lương tối thiểu theo giờ là bao nhiêu?', variants: [], answer: 'Lương tối thiểu theo giờ vùng I là 25.500 đồng/giờ.' };
  const twin: FaqEntry = { ...entry, id: 'wages-twin', answer: other.answer };
  /** A FAQ whose scores are set by the test: nothing clears the threshold, the ranking is what the matcher saw. */
  const rankedFaq = (scores: readonly [FaqEntry, number][]) => ({
    match: () => null,
    rank: (_text: string, limit: number) => scores.slice(0, limit).map(([faqEntry, score]) => ({ entry: faqEntry, score, matchedText: faqEntry.question })),
    threshold: 0.5,
  });
  const weak = (scores: readonly [FaqEntry, number][]) =>
    createKnowledgeService({ retriever: createKeywordRetriever(), faq: rankedFaq(scores), redactor, articles: createArticleLookup(SAMPLE_ARTICLES) });
  // Nothing in the sample law matches these words: without the FAQ the reply is "not covered". One clause: a story's
  // shorter readings (its last clause) are tested on their own.
  const question = 'giá vàng hôm nay thế nào mà lương em có thấp quá không';

  it('answers with the nearest FAQ entry when it clearly leads the next one', async () => {
    const answer = await weak([[entry, 0.4], [other, 0.25]]).answer(ask(question));
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wages-minimum-wage-2026', confidence: 0.4 });
  });

  it('answers with the nearest entry, though not clearly ahead, when it cites the first hit of the weak search (D-answers-23)', async () => {
    const [first] = createKeywordRetriever().search(question, { k: 1 });
    expect(first).toBeDefined();
    const citingFirst: FaqEntry = { ...other, id: 'cites-first-hit', citations: [{ lawId: first!.article.lawId, articleNo: first!.article.articleNo }] };
    expect(await weak([[citingFirst, 0.42], [other, 0.37]]).answer(ask(question))).toMatchObject({ kind: 'faq', faqEntryId: 'cites-first-hit' });
    const off = createKnowledgeService({
      retriever: createKeywordRetriever(),
      faq: rankedFaq([[citingFirst, 0.42], [other, 0.37]]),
      redactor,
      options: { weakRetrievalAgreeingLeading: 0 },
    });
    expect((await off.answer(ask(question))).kind).toBe('not_covered');
  });

  it('still says "not covered" when the nearest entry is weak, not clearly ahead, or lacks the figure asked', async () => {
    expect((await weak([[entry, 0.3], [other, 0.1]]).answer(ask(question))).kind).toBe('not_covered');
    expect((await weak([[entry, 0.42], [twin, 0.37]]).answer(ask(question))).kind).toBe('not_covered');
    expect((await weak([[entry, 0.45], [other, 0.2]]).answer(ask('giá vàng hôm nay tăng mấy phần trăm'))).kind).toBe('not_covered');
  });

  it('reads a complaint with no brief of its topic like a question: the clearly nearest entry answers (D-answers-22)', async () => {
    // 0.6 (concernFaqScore) is the bar an entry clears to answer a complaint over its topic's brief; without a brief
    // there is nothing better to give than the clearly nearest entry, and "not covered" leaves the acknowledgement alone.
    const complaint = { ...ask(question), topic: 'other' as const, purpose: 'concern' as const };
    const answer = await weak([[entry, 0.45], [other, 0.2]]).answer(complaint);
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wages-minimum-wage-2026' });
    // A complaint's reply carries its own officer offer (with buttons), not the answer's.
    expect(answer.text).not.toContain(ANSWER_TEXTS.officerOffer);
    expect((await weak([[entry, 0.42], [twin, 0.37]]).answer(complaint)).kind).toBe('not_covered');
  });
});

describe('knowledge service when the nearest FAQ entry and the law search agree (D-answers-19)', () => {
  const overtime: FaqEntry = {
    id: 'wt-overtime-pay',
    topic: 'working_time',
    question: 'Làm thêm giờ được trả lương thế nào?',
    variants: [],
    answer: 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất 200% lương.',
    citations: [{ lawId: '45/2019/QH14', articleNo: '98' }],
    status: 'published',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const elsewhere: FaqEntry = { ...overtime, id: 'elsewhere', citations: [{ lawId: '45/2019/QH14', articleNo: '35' }] };
  /** Nothing clears the threshold; the nearest entry scores what the test says. */
  const nearestFaq = (faqEntry: FaqEntry, score: number) => ({
    match: () => null,
    rank: (_text: string, limit: number) => [{ entry: faqEntry, score, matchedText: faqEntry.question }].slice(0, limit),
    threshold: 0.5,
  });
  const withFaq = (faqEntry: FaqEntry, score: number, agreeingFaqLeading?: number) =>
    createKnowledgeService({
      retriever: createKeywordRetriever(),
      faq: nearestFaq(faqEntry, score),
      redactor,
      articles: createArticleLookup(SAMPLE_ARTICLES),
      ...(agreeingFaqLeading === undefined ? {} : { options: { agreeingFaqLeading } }),
    });
  const question = 'làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu';

  it('answers with the entry under the threshold when an article it cites leads the search', async () => {
    expect(await withFaq(overtime, 0.4, 5).answer(ask(question))).toMatchObject({ kind: 'faq', faqEntryId: 'wt-overtime-pay', confidence: 0.4 });
  });

  it('quotes the law when the entry is too weak, cites no leading article, or is turned off', async () => {
    expect((await withFaq(overtime, 0.3, 5).answer(ask(question))).kind).toBe('legal');
    expect((await withFaq(elsewhere, 0.45, 5).answer(ask(question))).kind).toBe('legal');
    expect((await withFaq(overtime, 0.45, 0).answer(ask(question))).kind).toBe('legal');
  });

  it('by default counts the first hit only (D-answers-23), and never answers a complaint that asks nothing this way', async () => {
    expect(await withFaq(overtime, 0.45).answer(ask(question))).toMatchObject({ kind: 'faq', faqEntryId: 'wt-overtime-pay' });
    expect((await withFaq(elsewhere, 0.45).answer(ask(question))).kind).toBe('legal');
    const complaint = 'làm thêm giờ vào ngày nghỉ hằng tuần mà công ty trả lương như ngày thường';
    expect((await withFaq(overtime, 0.45).answer({ ...ask(complaint), purpose: 'concern' as const })).kind).not.toBe('faq');
  });

  it('answers a complaint that also asks as the question it asks, without the answer\'s officer sentence (D-answers-35)', async () => {
    const answer = await withFaq(overtime, 0.45).answer({ ...ask(`công ty trả lương như ngày thường, bực lắm, ${question}`), purpose: 'concern' as const });
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wt-overtime-pay' });
    expect(answer.text).not.toContain(ANSWER_TEXTS.officerOffer);
  });

  it("gives the complaint its topic's rights when what it asks is not covered (D-answers-35)", async () => {
    // The wages topic's brief is this entry's question (concern-briefs.ts).
    const belowMinimum: FaqEntry = { ...overtime, id: 'wages-below-minimum', topic: 'wages', question: 'Công ty trả lương thấp hơn lương tối thiểu vùng có đúng luật không?' };
    const knowledge = createKnowledgeService({ retriever: createKeywordRetriever(), faq: createFaqMatcher([...FAQ, belowMinimum]), redactor });
    const complaint = { ...ask('công ty trả lương bèo bọt quá, mà giá vàng hôm nay tăng bao nhiêu'), purpose: 'concern' as const };
    expect(await knowledge.answer(complaint)).toMatchObject({ kind: 'faq', faqEntryId: 'wages-below-minimum' });
    expect((await knowledge.answer({ ...complaint, purpose: 'question' as const })).kind).toBe('not_covered');
  });
});

/** Điều 98, 99 and 113 of the 2019 code as the search's hits, and an overtime entry citing one of them (D-answers-26, -30). */
const [a98, a99, a113] = ['98', '99', '113'].map((no) => SAMPLE_ARTICLES.find((a) => a.lawId === '45/2019/QH14' && a.articleNo === no)!);
const overtimeHit = (article: (typeof SAMPLE_ARTICLES)[number], score: number, strength: number) => ({ article, passages: [{ clauseNo: '1', text: article.text, score: 1 }], score, strength });
const overtimeEntry = (id: string, articleNo: string): FaqEntry => ({
  id,
  topic: 'working_time',
  question: 'Làm thêm giờ được trả lương thế nào?',
  variants: [],
  answer: 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất 200% lương.',
  citations: [{ lawId: '45/2019/QH14', articleNo }],
  status: 'published',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
/** A service whose search returns `hits` and whose FAQ ranks `ranked` (all under the threshold). */
const withNearestUnderThreshold = (hits: ReturnType<typeof overtimeHit>[], ranked: readonly [FaqEntry, number][], options: Record<string, number>) =>
  createKnowledgeService({
    retriever: { size: hits.length, search: () => hits },
    faq: { match: () => null, rank: (_text: string, limit: number) => ranked.map(([e, score]) => ({ entry: e, score, matchedText: e.question })).slice(0, limit), threshold: 0.5 },
    redactor,
    articles: createArticleLookup(SAMPLE_ARTICLES),
    options,
  });
const overtimeQuestion = 'làm thêm giờ ngày nghỉ hằng tuần trả lương ra sao';

describe('knowledge service when the nearest entry cites the strongest of the leading hits (D-answers-26)', () => {
  /** The search ranks Điều 113 first by score, while Điều 98 covers most of the question (strength). */
  const hits = [overtimeHit(a113!, 9, 0.4), overtimeHit(a98!, 8, 0.62), overtimeHit(a99!, 7, 0.3)];
  // The wider window of a clear lead (D-answers-30) is off, so that only the rule under test answers (a lone entry no
  // longer stands out since D-answers-35, but the test should not depend on that).
  const withNearest = (faqEntry: FaqEntry, agreeingStrongestWindow?: number) =>
    withNearestUnderThreshold(hits, [[faqEntry, 0.4]], { agreeingMarginWindow: 0, ...(agreeingStrongestWindow === undefined ? {} : { agreeingStrongestWindow }) });

  it('answers with the entry under the threshold when it cites the strongest leading hit, not only the first', async () => {
    expect(await withNearest(overtimeEntry('cites-strongest', '98')).answer(ask(overtimeQuestion))).toMatchObject({ kind: 'faq', faqEntryId: 'cites-strongest' });
  });

  it('does not when the entry cites a leading hit that is neither first nor strongest, or when the rule is off', async () => {
    expect((await withNearest(overtimeEntry('cites-third', '99')).answer(ask(overtimeQuestion))).kind).toBe('legal');
    expect((await withNearest(overtimeEntry('cites-strongest', '98'), 0).answer(ask(overtimeQuestion))).kind).toBe('legal');
  });
});

describe('knowledge service when the nearest entry clearly leads the next one and cites a leading hit (D-answers-30)', () => {
  /** Điều 113 leads by score and strength; Điều 98 is second and strong enough to quote; Điều 99 is under the floor. */
  const hits = [overtimeHit(a113!, 9, 0.62), overtimeHit(a98!, 8, 0.5), overtimeHit(a99!, 7, 0.2)];
  const withRanked = (ranked: readonly [FaqEntry, number][], agreeingMarginWindow?: number) =>
    withNearestUnderThreshold(hits, ranked, agreeingMarginWindow === undefined ? {} : { agreeingMarginWindow });
  // The runner-up shares few of the question's words (a lead, D-answers-40); its twin shares as many as the leader.
  const runnerUp: FaqEntry = { ...overtimeEntry('runner-up', '35'), question: 'Nghỉ việc có phải báo trước không?' };
  const twin = overtimeEntry('runner-up', '35');
  const leads = (articleNo: string) => overtimeEntry('leads', articleNo);

  it('answers with the entry when it leads the next by the margin and cites a quotable hit of the leading five', async () => {
    expect(await withRanked([[leads('98'), 0.42], [runnerUp, 0.3]]).answer(ask(overtimeQuestion))).toMatchObject({ kind: 'faq', faqEntryId: 'leads' });
  });

  it('does not without the lead, when a runner-up cites the first hit, for a hit under the floor, or when off', async () => {
    expect((await withRanked([[leads('98'), 0.42], [twin, 0.4]]).answer(ask(overtimeQuestion))).kind).toBe('legal');
    expect((await withRanked([[leads('98'), 0.42], [overtimeEntry('runner-up', '113'), 0.3]]).answer(ask(overtimeQuestion))).kind).toBe('legal');
    expect((await withRanked([[leads('99'), 0.42], [runnerUp, 0.3]]).answer(ask(overtimeQuestion))).kind).toBe('legal');
    expect((await withRanked([[leads('98'), 0.42], [runnerUp, 0.3]], 0).answer(ask(overtimeQuestion))).kind).toBe('legal');
  });

  it('does not count a lone candidate as standing out (a one-entry FAQ): the law answers (D-answers-35)', async () => {
    expect((await withRanked([[leads('98'), 0.42]]).answer(ask(overtimeQuestion))).kind).toBe('legal');
    // The narrower agreement still holds alone: the entry citing the search's first hit answers.
    expect(await withRanked([[leads('113'), 0.42]]).answer(ask(overtimeQuestion))).toMatchObject({ kind: 'faq', faqEntryId: 'leads' });
  });
});

describe('knowledge service when the search\'s first hit outscores the entry\'s article many times over (D-answers-33)', () => {
  it('does not count that article in the wider window, though it is strong enough to quote', async () => {
    const dominated = [overtimeHit(a113!, 30, 0.62), overtimeHit(a98!, 8, 0.5), overtimeHit(a99!, 7, 0.2)];
    const service = withNearestUnderThreshold(dominated, [[overtimeEntry('leads', '98'), 0.42], [overtimeEntry('runner-up', '35'), 0.3]], {});
    expect((await service.answer(ask(overtimeQuestion))).kind).toBe('legal');
  });
});

describe('knowledge service when a clause states what was asked better than the entry (D-answers-40)', () => {
  /** An entry on overtime in general: it matches "làm ban đêm … bao nhiêu %" by topic, and states no night rate. */
  const general: FaqEntry = { ...overtimeEntry('wt-overtime-general', '98'), answer: 'Có. Công ty phải được bạn đồng ý trước khi cho làm thêm giờ.' };
  const nightQuestion = 'làm việc vào ban đêm thì được trả tiền lương thế nào';
  const withEntry = (options: Record<string, number> = {}) =>
    createKnowledgeService({
      retriever: { size: 1, search: () => [overtimeHit(a98!, 9, 0.7)] },
      faq: { match: () => ({ entry: general, score: 0.8, matchedText: general.question }), threshold: 0.5 },
      redactor,
      articles: createArticleLookup(SAMPLE_ARTICLES),
      options,
    });

  it('follows the curated answer with the clause, both cited; without the yes/no lead before a how question', async () => {
    const answer = await withEntry().answer(ask(nightQuestion));
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wt-overtime-general' });
    expect(answer.text).toMatch(/^Công ty phải được bạn đồng ý/u);
    expect(answer.text).toContain('Theo khoản 2 Điều 98');
    expect(answer.text).toContain('30%');
    expect(answer.text.indexOf('Công ty phải')).toBeLessThan(answer.text.indexOf('Theo khoản 2'));
  });

  it('adds nothing when the entry states it, or when off', async () => {
    expect((await withEntry({ faqFitMargin: 1, faqUnstatedShare: 0 }).answer(ask(nightQuestion))).text).not.toContain('Theo khoản');
    expect((await withEntry().answer(ask('công ty có phải hỏi ý kiến trước khi cho làm thêm giờ không'))).text).not.toContain('Theo khoản');
  });
});

describe('knowledge service when the entry covers the topic but not the case asked (D-answers-48)', () => {
  /** An entry on the weekly rest day's overtime rate: it cites Điều 98 and restates none of its night clause. */
  const restDay = overtimeEntry('wt-rest-day-overtime', '98');
  const nightQuestion = 'làm việc vào ban đêm thì được trả tiền lương thế nào';
  const withEntry = (hits: ReturnType<typeof overtimeHit>[], options: Record<string, number> = {}) =>
    createKnowledgeService({
      retriever: { size: hits.length, search: () => hits },
      faq: { match: () => ({ entry: restDay, score: 0.8, matchedText: restDay.question }), threshold: 0.5 },
      redactor,
      articles: createArticleLookup(SAMPLE_ARTICLES),
      options,
    });

  it('reads the clause of the case asked in the article the entry cites, though the search brought another article', async () => {
    // The margin rule off: the entry not restating the clause is what brings it.
    const answer = await withEntry([overtimeHit(a113!, 9, 0.7)], { faqFitMargin: 1 }).answer(ask(nightQuestion));
    expect(answer).toMatchObject({ kind: 'faq', faqEntryId: 'wt-rest-day-overtime' });
    expect(answer.text).toMatch(/^Làm thêm vào ngày nghỉ hằng tuần/u);
    expect(answer.text).toContain('Theo khoản 2 Điều 98');
    expect(answer.text).toContain('30%');
    expect(answer.citations.map((c) => c.articleNo)).toEqual(['98']);
  });

  it('adds nothing when off', async () => {
    expect((await withEntry([overtimeHit(a113!, 9, 0.7)], { faqFitMargin: 1, faqUnstatedShare: 0 }).answer(ask(nightQuestion))).text).not.toContain('Theo khoản');
  });
});

/** A law article in force, its id built as the lookup reads it: the tests of figures asked after retrieval (D-answers-53). */
const lawArticle = (lawId: string, lawName: string, articleNo: string, title: string, text: string) => ({
  id: `${lawId}#${articleNo}`,
  lawId,
  lawName,
  lawType: 'Luật',
  articleNo,
  title,
  text,
  chapter: null,
  section: null,
  effectiveDate: '2025-07-01',
  status: 'in_force' as const,
});

/** A search hit on an article's khoản 1 (its text after "1. "). */
const hit = (article: ReturnType<typeof lawArticle>, strength: number, score: number) => ({ article, passages: [{ clauseNo: '1', text: article.text.slice(3), score: 1 }], score, strength });

/** The service over fixed search hits, one FAQ pack and the articles it may quote. */
const serviceOverHits = (hits: ReturnType<typeof hit>[], entries: FaqEntry[], articles: ReturnType<typeof lawArticle>[], options?: { faqCaseMargin: number }) =>
  createKnowledgeService({ retriever: { search: () => hits, size: hits.length }, faq: createFaqMatcher(entries), redactor, articles: createArticleLookup(articles), ...(options ? { options } : {}) });

describe('the figure asked, after retrieval (D-answers-53)', () => {
  const accident = lawArticle('84/2015/QH13', 'Luật An toàn, vệ sinh lao động 2015', '59', 'Giải quyết hưởng chế độ bảo hiểm tai nạn lao động',
    '1. Trong thời hạn 10 ngày, kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết hưởng chế độ bảo hiểm tai nạn lao động.');
  const sickness = lawArticle('41/2024/QH15', 'Luật Bảo hiểm xã hội 2024', '48', 'Giải quyết hưởng trợ cấp ốm đau',
    '1. Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết chế độ ốm đau.');
  const lengths = lawArticle('41/2024/QH15', 'Luật Bảo hiểm xã hội 2024', '43', 'Thời gian hưởng chế độ ốm đau',
    '1. Thời gian tối đa hưởng chế độ ốm đau trong một năm là 30 ngày nếu đã đóng bảo hiểm xã hội dưới 15 năm.');
  const sickLeave: FaqEntry = {
    ...(FAQ[0] as FaqEntry),
    id: 'si-sick-leave',
    topic: 'social_insurance',
    question: 'Nghỉ ốm được hưởng chế độ ốm đau bao lâu?',
    variants: ['chế độ ốm đau được hưởng bao lâu', 'bhxh giải quyết chế độ ốm đau'],
    answer: 'Bạn được hưởng chế độ ốm đau tối đa 30 ngày một năm nếu đã đóng dưới 15 năm.',
    citations: [{ lawId: '41/2024/QH15', articleNo: '43' }],
  };
  const withHits = (hits: ReturnType<typeof hit>[]) => serviceOverHits(hits, [sickLeave], [accident, sickness, lengths]);

  it('answers how long the office takes with the time limit of the scheme asked, not the entry on the leave\'s length', async () => {
    const answer = await withHits([hit(lengths, 0.9, 30), hit(accident, 0.55, 20), hit(sickness, 0.72, 10)]).answer(ask('bhxh giai quyet che do om dau trong bao lau'));
    expect(answer.kind).toBe('legal');
    expect(answer.text.split('\n\n')[0]).toMatch(/^Theo khoản 1 Điều 48 Luật Bảo hiểm xã hội 2024: .*07 ngày làm việc/u);
  });
});

describe('an entry that leaves out the case a figure question names (D-answers-53)', () => {
  const surrogate = lawArticle('41/2024/QH15', 'Luật Bảo hiểm xã hội 2024', '54', 'Thời gian hưởng chế độ thai sản khi sinh con',
    '1. Lao động nữ mang thai hộ được nghỉ việc hưởng chế độ thai sản khi sinh con cho đến thời điểm giao đứa trẻ nhưng không vượt quá 06 tháng.');
  const leave: FaqEntry = {
    ...(FAQ[0] as FaqEntry),
    id: 'si-maternity-leave',
    topic: 'social_insurance',
    question: 'Mang thai sinh con được nghỉ thai sản bao lâu?',
    variants: ['được nghỉ thai sản bao lâu', 'nghỉ thai sản mấy tháng'],
    answer: 'Lao động nữ sinh con được nghỉ thai sản 06 tháng.',
    citations: [{ lawId: '41/2024/QH15', articleNo: '53' }],
  };
  const service = (faqCaseMargin: number) => serviceOverHits([hit(surrogate, 0.8, 20)], [leave], [surrogate], { faqCaseMargin });
  const question = 'em mang thai hộ thì được nghỉ thai sản bao lâu';

  it('answers from the law stating the case named, and from the entry when the rule is off (margin 1)', async () => {
    const law = await service(0.15).answer(ask(question));
    expect(law.kind).toBe('legal');
    expect(law.text).toMatch(/Điều 54 Luật Bảo hiểm xã hội 2024: .*mang thai hộ/u);
    const entry = await service(1).answer(ask(question));
    expect(entry.kind).toBe('faq');
  });
});
