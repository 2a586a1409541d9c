import { miniCorpusJsonl, miniCorpusLines, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { clauseSimilarity, inForceInstead, type InForceContext } from './in-force-instead.js';
import { createLawRetriever } from './law-retriever.js';

/** Positions 0–3 in force, 4–6 expired: 4 replaced by 1 (a clause of 1 states what matched in 4), 5 by 2 without such a clause, 6 by 3. */
const context = (strength: Record<number, number>): InForceContext => ({
  expired: [false, false, false, false, true, true, true],
  replacement: Int32Array.from([-1, -1, -1, -1, 1, 2, 3]),
  strengthOf: (position) => strength[position] ?? 0,
  correspondingPassage: (from) => (from === 5 ? -1 : 100 + from),
});
const rank = (...entries: [number, number][]) => entries.map(([position, score]) => ({ position, score }));

describe('inForceInstead', () => {
  it('gives an expired article admitted for its wording to its replacement, with its strength and the counterpart clause first', () => {
    const hits = inForceInstead(rank([4, 9], [0, 5]), 5, context({ 4: 0.5, 0: 0.2 }));
    expect(hits).toEqual([
      { position: 1, score: 9, inherited: 0.5, leadPassage: 104 },
      { position: 0, score: 5, inherited: 0, leadPassage: -1 },
    ]);
  });

  it('gives the place but not the strength when no clause of the replacement says what matched (its own clauses answer)', () => {
    const hits = inForceInstead(rank([5, 9], [0, 5]), 5, context({ 5: 0.5, 0: 0.2 }));
    expect(hits).toEqual([
      { position: 2, score: 9, inherited: 0, leadPassage: -1 },
      { position: 0, score: 5, inherited: 0, leadPassage: -1 },
    ]);
  });

  it('lets no weak expired article, nor its replacement, take the place of a real in-force hit', () => {
    // 6 came in with the old law as a whole (strength 0.1): before, its replacement 3 pushed 2 out of the first two.
    const hits = inForceInstead(rank([0, 9], [6, 8], [2, 7]), 2, context({ 0: 0.3, 6: 0.1, 2: 0.3 }));
    expect(hits.map((hit) => hit.position)).toEqual([0, 2]);
    // Nothing in force matched: the old articles are all there is, weak or not.
    expect(inForceInstead(rank([6, 8]), 2, context({ 6: 0.1 })).map((hit) => hit.position)).toEqual([3]);
  });

  it('reads the whole ranking: a replacement already placed gets the strength of its old version met after the k-th hit', () => {
    const hits = inForceInstead(rank([1, 9], [0, 8], [2, 7], [4, 6]), 2, context({ 1: 0.2, 4: 0.6 }));
    expect(hits).toEqual([
      { position: 1, score: 9, inherited: 0.6, leadPassage: 104 },
      { position: 0, score: 8, inherited: 0, leadPassage: -1 },
    ]);
  });

  it('returns nothing for k = 0', () => {
    expect(inForceInstead(rank([0, 9]), 0, context({}))).toEqual([]);
  });
});

describe('clauseSimilarity', () => {
  const set = (text: string) => new Set(text.split(' '));
  it('is the Jaccard similarity of alike clauses, and counts a longer new clause that holds nearly all of the old one', () => {
    expect(clauseSimilarity(set('a b c d e'), set('a b c d f'))).toBeCloseTo(4 / 6, 10);
    expect(clauseSimilarity(set('a b c d e'), set('a b c d e f g h i j k l'))).toBeGreaterThan(0);
    expect(clauseSimilarity(set('a b c d e'), set('a b x y z'))).toBe(0);
    expect(clauseSimilarity(new Set(), set('a'))).toBe(0);
  });
});

describe('the law retriever with replaced articles', () => {
  // The 2012 code's contract article states a term of "từ đủ 12 tháng đến 36 tháng" and seasonal contracts; the 2019
  // article that replaced it keeps the first (reworded) and drops the second.
  const extra = [
    {
      id: 'LD2019__D20', law_id: 'LD/2019', law_name: 'Bộ luật Lao động 2019', law_type: 'Bộ luật', article_no: '20', title: 'Loại hợp đồng lao động',
      text: '1. Hợp đồng lao động xác định thời hạn là hợp đồng mà hai bên xác định thời hạn, thời điểm chấm dứt hiệu lực trong thời gian không quá 36 tháng kể từ thời điểm có hiệu lực.\n2. Khi hợp đồng hết hạn mà người lao động vẫn tiếp tục làm việc thì hai bên phải ký kết hợp đồng mới trong thời hạn 30 ngày.',
      chapter: 'Chương III. HỢP ĐỒNG LAO ĐỘNG', section: null, effective_date: '2021-01-01', status: 'in_force',
    },
    {
      id: 'LD2012__D22', law_id: 'LD/2012', law_name: 'Bộ luật Lao động 2012', law_type: 'Bộ luật', article_no: '22', title: 'Loại hợp đồng lao động',
      text: '1. Hợp đồng lao động xác định thời hạn là hợp đồng mà hai bên xác định thời hạn, thời điểm chấm dứt hiệu lực trong khoảng thời gian từ đủ 12 tháng đến 36 tháng.\n2. Hợp đồng theo mùa vụ hoặc theo một công việc nhất định có thời hạn dưới 12 tháng.',
      chapter: 'Chương III. HỢP ĐỒNG LAO ĐỘNG', section: null, effective_date: '2013-05-01', status: 'expired',
    },
  ];
  const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl([...miniCorpusLines(), ...extra]), lawsJson: miniLawsJson() });
  const retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents });

  it('quotes the clause of the law in force that states the provision the old wording matched, at the old strength', () => {
    const question = 'khoảng thời gian từ đủ 12 tháng';
    const [top] = retriever.search(question, { k: 3 });
    const old = retriever.explain(question, ['LD2012__D22'])[0];
    expect(top?.article.id).toBe('LD2019__D20');
    expect(top?.strength).toBe(old?.strength);
    expect(top?.passages[0]?.clauseNo).toBe('1');
    expect(top?.passages[0]?.text).toContain('không quá 36 tháng');
  });

  it('gives the replacement only its own strength when it has no clause for what matched', () => {
    const question = 'mùa vụ dưới 12 tháng';
    const hits = retriever.search(question, { k: 3 });
    const [own, old] = retriever.explain(question, ['LD2019__D20', 'LD2012__D22']);
    expect(hits[0]?.article.id).toBe('LD2019__D20');
    expect(hits[0]?.strength).toBe(own?.strength);
    expect(hits[0]?.strength).toBeLessThan(old?.strength ?? 0);
    expect(hits.every((hit) => hit.article.status !== 'expired')).toBe(true);
  });
});
