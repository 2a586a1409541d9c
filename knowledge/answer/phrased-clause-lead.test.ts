import { answerUnits, questionShape } from './answer-units.js';
import { composeExtractiveAnswer, phrasedClauseBonus } from './extractive-answer.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

/** Điều 98: khoản 1 overtime pay (150/200/300 %), khoản 2 night work (30 %). */
const overtime = SAMPLE_ARTICLES[0]!;
const question = 'làm thêm sau 10 giờ tối thì lương có được tính cao hơn không';
const sourceWith = (phrasedClause?: { clauseNo: string; match: number }) => [{ article: overtime, passages: [{ clauseNo: '1', text: '' }], ...(phrasedClause ? { phrasedClause } : {}) }];
const leadOf = (body: string) => body.split('\n\n')[0] ?? '';

describe('a khoản a members’ phrasing matched leads the extractive answer (D-answers-47)', () => {
  it('leads with the phrased khoản when it matched closely, and keeps the opening clause otherwise', () => {
    expect(leadOf(composeExtractiveAnswer(sourceWith(), undefined, question).body)).toContain('khoản 1 Điều 98');
    expect(leadOf(composeExtractiveAnswer(sourceWith({ clauseNo: '2', match: 0.3 }), undefined, question).body)).toContain('khoản 1 Điều 98');
    const phrased = composeExtractiveAnswer(sourceWith({ clauseNo: '2', match: 0.9 }), undefined, question);
    expect(leadOf(phrased.body)).toContain('Theo khoản 2 Điều 98 Bộ luật Lao động 2019: Người lao động làm việc vào ban đêm');
    expect(phrased.quoted.map((article) => article.articleNo)).toEqual(['98']);
  });

  it('lends nothing to a unit that states no figure when a figure is asked', () => {
    const stoppage = SAMPLE_ARTICLES[1]!;
    const asked = questionShape('ngừng việc do lỗi công ty thì được trả lương bao nhiêu');
    const [clause1] = answerUnits(stoppage, null);
    expect(clause1?.clauseNo).toBe('1');
    expect(phrasedClauseBonus(asked, clause1!, { clauseNo: '1', match: 1 })).toBe(0);
    const night = answerUnits(overtime, null).find((unit) => unit.clauseNo === '2')!;
    expect(phrasedClauseBonus(questionShape('làm ban đêm được trả thêm bao nhiêu phần trăm'), night, { clauseNo: '2', match: 1 })).toBeGreaterThan(0);
    expect(phrasedClauseBonus(questionShape(question), night, { clauseNo: '1', match: 1 })).toBe(0);
  });
});
