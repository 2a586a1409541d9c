import { SAMPLE_ARTICLES } from '../answer/testing/sample-law.js';
import { buildArticleTranslation, translationTerms } from './article-translation.js';
import { translationPairs } from './translation-pairs.js';

const identity = (text: string) => text;
const inForce = (position: number) => SAMPLE_ARTICLES[position]?.status !== 'expired';
// Members' words the sample law never uses: "bị cho nghỉ ở nhà" for ngừng việc, "phép năm" for nghỉ hằng năm.
const PHRASINGS = [
  { lawId: '45/2019/QH14', articleNo: '99', phrasings: ['công ty cho nghỉ ở nhà chờ việc có lương không', 'bị cho nghỉ ở nhà thì trả bao nhiêu'] },
  { lawId: '45/2019/QH14', articleNo: '99', clauseNo: '1', phrasings: ['công ty bắt nghỉ ở nhà do lỗi công ty'] },
  { lawId: '45/2019/QH14', articleNo: '113', phrasings: ['phép năm được mấy ngày', 'một năm có bao nhiêu ngày phép'] },
  { lawId: '10/2012/QH13', articleNo: '111', phrasings: ['phép năm theo luật cũ'] },
  { lawId: '45/2019/QH14', articleNo: '999', phrasings: ['điều không có'] },
  { lawId: '45/2019/QH14', articleNo: '113', clauseNo: '9', phrasings: ['khoản không có'] },
];

describe('translationTerms', () => {
  it('reads folded content syllables, without fillers or numbers', () => {
    expect(translationTerms('Em hỏi: nghỉ phép năm 2025 được mấy ngày ạ?')).toEqual(['nghi', 'phep', 'nam', 'may', 'ngay']);
  });
});

describe('translationPairs', () => {
  const pairs = translationPairs(SAMPLE_ARTICLES, PHRASINGS, inForce, { question: translationTerms, law: translationTerms });

  it('pairs each phrasing with its article, or with its khoản for a clause phrasing; drops the expired and the unknown', () => {
    expect(pairs).toHaveLength(5);
    const clausePair = pairs.find((pair) => pair.target.includes('bat'));
    const [, first] = SAMPLE_ARTICLES[1]!.text.split('\n');
    expect(clausePair?.source).toEqual(translationTerms(first!));
    expect(pairs.some((pair) => pair.target.includes('cu'))).toBe(false);
  });

  it('counts a phrasing given twice for one text once', () => {
    expect(translationPairs(SAMPLE_ARTICLES, [PHRASINGS[2]!, PHRASINGS[2]!], inForce, { question: translationTerms, law: translationTerms })).toHaveLength(2);
  });
});

describe('buildArticleTranslation', () => {
  it("finds the article a member's words point to when the law says it otherwise", () => {
    const model = buildArticleTranslation(SAMPLE_ARTICLES, PHRASINGS, inForce, { question: identity, law: identity });
    expect(model.pairs).toBe(5);
    const scores = model.scoreAll('phép năm của em được mấy ngày');
    const best = [...scores.keys()].filter(inForce).sort((a, b) => (scores[b] as number) - (scores[a] as number))[0];
    expect(SAMPLE_ARTICLES[best as number]?.articleNo).toBe('113');
    expect(model.score('phép năm của em được mấy ngày', best as number)).toBeCloseTo(scores[best as number] as number, 10);
  });
});
