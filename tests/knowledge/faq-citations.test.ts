import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import { TOPICS } from '../../core/nlu/labels.js';
import { createArticleLookup } from '../../knowledge/answer/article-lookup.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { loadAnswerCorpus } from './answers-fixtures.js';

/**
 * The starter pack states rules and figures to workers; each must come from the in-force article it cites.
 * Checked: every citation resolves to an in-force article, every topic is covered, and every amount of money,
 * percentage and counted quantity (days, hours, months, years, weeks, minutes, times, ages) quoted in an
 * answer appears in the text of the articles that answer cites.
 */

const QUANTITY = /(\d{1,3}(?:\.\d{3})+)(?![.,]?\d)|(\d+(?:,\d+)?)\s*(%|ngày|giờ|tháng|năm|tuần|phút|lần|tuổi)(?!\p{L})/gu;

/** The law writes `03 ngày`, `01 tháng`: compare without leading zeros. */
function withoutLeadingZeros(text: string): string {
  return text.replace(/(?<![\d.,])0+(\d)/g, '$1');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The quantities of `answer` that none of the cited texts contains. */
function unsupportedQuantities(answer: string, citedTexts: readonly string[]): string[] {
  const cited = withoutLeadingZeros(citedTexts.join('\n'));
  const missing: string[] = [];
  for (const match of withoutLeadingZeros(answer).matchAll(QUANTITY)) {
    const [raw, money, number, unit] = match;
    const pattern = money
      ? new RegExp(`(?<![\\d.])${escape(money)}(?![.,]?\\d)`)
      : new RegExp(`(?<![\\d.,])${escape(number ?? '')}\\s*${escape(unit ?? '')}`, 'u');
    if (!pattern.test(cited)) missing.push(raw);
  }
  return missing;
}

function audit(entries: readonly FaqEntry[], articles: readonly LawArticle[]) {
  const lookup = createArticleLookup(articles);
  const problems: string[] = [];
  for (const entry of entries) {
    const cited = entry.citations.map((ref) => ({ ref, article: lookup.get(ref.lawId, ref.articleNo) }));
    for (const { ref, article } of cited) {
      if (!article) problems.push(`${entry.id}: Điều ${ref.articleNo} ${ref.lawId} is not in the corpus`);
      else if (article.status === 'expired') problems.push(`${entry.id}: Điều ${ref.articleNo} ${ref.lawId} has expired`);
    }
    const texts = cited.flatMap(({ article }) => (article ? [article.text] : []));
    for (const quantity of unsupportedQuantities(entry.answer, texts)) problems.push(`${entry.id}: "${quantity}" not in the cited articles`);
  }
  return problems;
}

describe('FAQ starter pack against the law corpus', () => {
  const entries = loadStarterPack();

  it('covers every topic except `other`', () => {
    const covered = new Set(entries.map((entry) => entry.topic));
    expect(TOPICS.filter((topic) => topic !== 'other' && !covered.has(topic))).toEqual([]);
  });

  it('has at least 300 entries, every one citing at least one article', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(entries.filter((entry) => entry.citations.length === 0).map((entry) => entry.id)).toEqual([]);
  });

  it('cites only existing in-force articles and quotes only figures those articles contain', async () => {
    const corpus = await loadAnswerCorpus();
    if (corpus.source === 'shared') {
      expect(audit(entries, corpus.articles)).toEqual([]);
      return;
    }
    // Without the shared corpus: run the same audit on an entry written against the test articles.
    const entry: FaqEntry = {
      ...entries[0]!,
      id: 'fixture-overtime',
      answer: 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất 200%, ngày lễ ít nhất 300%.',
      citations: [{ lawId: '45/2019/QH14', articleNo: '98' }],
    };
    expect(audit([entry], corpus.articles)).toEqual([]);
  });

  it('would catch a wrong figure, a wrong day count and a missing article', async () => {
    const corpus = await loadAnswerCorpus();
    const lookup = createArticleLookup(corpus.articles);
    const minimumWage = lookup.get('293/2025/NĐ-CP', '3');
    expect(minimumWage).toBeDefined();
    expect(unsupportedQuantities('Vùng I: 5.310.000 đồng/tháng.', [minimumWage!.text])).toEqual([]);
    expect(unsupportedQuantities('Vùng I: 5.320.000 đồng/tháng, nghỉ 9 ngày, 170%.', [minimumWage!.text])).toEqual(['5.320.000', '9 ngày', '170%']);
    const broken: FaqEntry = { ...entries[0]!, citations: [{ lawId: '45/2019/QH14', articleNo: '999' }] };
    expect(audit([broken], corpus.articles)[0]).toContain('is not in the corpus');
  });
});
