import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { createLawRetriever } from './law-retriever.js';
import type { PassageHit } from './retriever.js';

const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
const synonyms = [
  { member: ['nghỉ phép', 'phép năm'], legal: ['nghỉ hằng năm'] },
  { member: ['tăng ca'], legal: ['làm thêm giờ'] },
  { member: ['sinh con', 'đẻ'], legal: ['thai sản'] },
];
const retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, synonyms });
const ids = (hits: PassageHit[]) => hits.map((hit) => hit.article.id);

describe('createLawRetriever', () => {
  it('indexes every article', () => {
    expect(retriever.size).toBe(12);
  });

  it('finds the article a member question is about, with the clause that answers it first', () => {
    const [top] = retriever.search('Xin nghỉ việc thì phải báo trước bao nhiêu ngày?', { k: 3 });
    expect(top?.article.id).toBe('LD2019__D3');
    expect(top?.passages[0]?.clauseNo).toBe('1');
    expect(top?.passages[0]?.text).toContain('45 ngày');
    expect(top?.score).toBeGreaterThan(0);
  });

  it('ranks the same for a question typed without diacritics', () => {
    const accented = retriever.search('Làm thêm giờ ngày nghỉ hằng tuần được trả bao nhiêu?', { k: 3 });
    const folded = retriever.search('lam them gio ngay nghi hang tuan duoc tra bao nhieu', { k: 3 });
    expect(ids(accented)[0]).toBe('LD2019__D6');
    expect(ids(folded)[0]).toBe('LD2019__D6');
  });

  it('uses the synonym list to reach legal words the member did not use', () => {
    expect(ids(retriever.search('tăng ca chủ nhật tính sao', { k: 1 }))).toEqual(['LD2019__D6']);
    expect(ids(retriever.search('sinh con được nghỉ mấy tháng', { k: 1 }))).toEqual(['LD2019__D8']);
    const withoutSynonyms = createLawRetriever({ articles: corpus.articles, documents: corpus.documents });
    expect(ids(withoutSynonyms.search('chuẩn bị đẻ', { k: 1 }))).not.toEqual(['LD2019__D8']);
    expect(ids(retriever.search('chuẩn bị đẻ', { k: 1 }))).toEqual(['LD2019__D8']);
  });

  it('applies the injected query normaliser before anything else', () => {
    const seen: string[] = [];
    const normalized = createLawRetriever({
      articles: corpus.articles,
      documents: corpus.documents,
      normalizeQuery: (text) => {
        seen.push(text);
        return text.replace(/\bbhtn\b/g, 'bảo hiểm thất nghiệp');
      },
    });
    expect(ids(normalized.search('đk hưởng bhtn', { k: 1 }))).toEqual(['BH2024__D1']);
    expect(seen).toEqual(['đk hưởng bhtn']);
  });

  it('indexes text through normalizeIndexText but returns the original wording', () => {
    const toned = createLawRetriever({
      articles: corpus.articles,
      documents: corpus.documents,
      normalizeIndexText: (text) => text.replace(/thỏa/g, 'thoả'),
    });
    const [top] = toned.search('thoả thuận thử việc một lần', { k: 1 });
    expect(top?.article.id).toBe('LD2019__D2');
    expect(top?.passages[0]?.text).toContain('thỏa thuận');
  });

  it('hides expired documents by default', () => {
    const hits = retriever.search('nghỉ hằng năm tính thêm theo thâm niên', { k: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.article.status !== 'expired')).toBe(true);
  });

  it('falls back to expired documents when nothing in force matches or covers the question', () => {
    expect(ids(retriever.search('mẫu cũ', { k: 3 }))[0]).toBe('LD2012__D10');
    const hits = retriever.search('sổ lao động giấy theo mẫu cũ', { k: 3 });
    expect(ids(hits)[0]).toBe('LD2012__D10');
    expect(hits[0]?.article.status).toBe('expired');
  });

  it('with includeExpired, never lets an old article outrank the one that replaced it', () => {
    const hits = retriever.search('nghỉ hằng năm theo quy định cũ tính thêm theo thâm niên năm năm một ngày', { k: 5, includeExpired: true });
    const order = ids(hits);
    expect(order).toContain('LD2012__D9');
    expect(order.indexOf('LD2019__D7')).toBeLessThan(order.indexOf('LD2012__D9'));
  });

  it('gives an expired article admitted for its wording to the in-force one that replaced it, unless the old law is asked about', () => {
    const question = 'tính thêm theo thâm niên năm năm một ngày';
    const hits = retriever.search(question, { k: 5 });
    expect(ids(hits)[0]).toBe('LD2019__D7');
    expect(hits.every((hit) => hit.article.status !== 'expired')).toBe(true);
    // The fixture's 2019 article says nothing of seniority days: it keeps its own strength, not the old wording's
    // (D-answers-34; in-force-instead.test.ts has a replacement that does state the provision and inherits).
    const [own, old] = retriever.explain(question, ['LD2019__D7', 'LD2012__D9']);
    expect(hits[0]?.strength).toBe(own?.strength);
    expect(hits[0]?.strength).toBeLessThan(old?.strength ?? 0);
    expect(ids(retriever.search(`theo bộ luật lao động 2012 ${question}`, { k: 5 }))).toContain('LD2012__D9');
  });

  it('gives a strength in [0, 1] that is higher for covered questions than for unrelated ones', () => {
    const covered = retriever.search('trợ cấp thôi việc tính theo tiền lương bình quân mấy tháng', { k: 1 })[0];
    const unrelated = retriever.search('giá vàng hôm nay tăng không', { k: 1 })[0];
    expect(covered?.strength).toBeGreaterThan(0.6);
    expect(covered?.strength).toBeLessThanOrEqual(1);
    expect(unrelated?.strength ?? 0).toBeLessThan(0.35);
  });

  it('returns at most k hits and nothing for an empty question or k = 0', () => {
    expect(retriever.search('lương', { k: 2 })).toHaveLength(2);
    expect(retriever.search('  ?? ', { k: 5 })).toEqual([]);
    expect(retriever.search('lương', { k: 0 })).toEqual([]);
  });

  it('lifts an article the member names by number', () => {
    expect(ids(retriever.search('điều 7 nói gì', { k: 1 }))).toEqual(['LD2019__D7']);
  });

  it('explains arbitrary articles with their lexical evidence (used by hybrid search)', () => {
    const [explained, missing] = [retriever.explain('trả lương chậm', ['LD2019__D5']), retriever.explain('trả lương chậm', ['nope'])];
    expect(explained[0]?.article.id).toBe('LD2019__D5');
    expect(explained[0]?.passages[0]?.clauseNo).toBe('2');
    expect(missing).toEqual([]);
    expect(retriever.isExpired('LD2012__D9')).toBe(true);
    expect(retriever.isExpired('LD2019__D7')).toBe(false);
  });
});
