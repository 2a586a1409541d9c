import { answerUnits } from '../answer/answer-units.js';
import { SAMPLE_ARTICLES } from '../answer/testing/sample-law.js';
import { statesAskedFact } from './chooser-labels.js';

describe('statesAskedFact', () => {
  const units = answerUnits(SAMPLE_ARTICLES[2]!, null);
  const item = { facts: ['12 ngày làm việc'], cite: [{ law_id: '45/2019/QH14', article_no: '113' }] };

  it('is the unit of an acceptable article holding a fact (leading zeros and case aside)', () => {
    expect(units.map((unit) => statesAskedFact(item, unit))).toEqual([true, false]);
    expect(statesAskedFact({ ...item, facts: ['012 NGÀY làm việc'] }, units[0]!)).toBe(true);
  });

  it('is not a unit of another article, however close its words', () => {
    expect(statesAskedFact({ ...item, cite: [{ law_id: '10/2012/QH13', article_no: '111' }] }, units[0]!)).toBe(false);
  });
});
