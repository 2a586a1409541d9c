import { TOPIC_NAMES_VI } from '../../nlu/topic-names.vi.js';
import { concernAcknowledgement } from '../replies.vi.js';
import { acknowledgedSubject } from './feedback.handler.js';

describe('what a complaint\'s acknowledgement names', () => {
  const arrears = TOPIC_NAMES_VI.wage_arrears;

  it('names the subject of the brief the complaint\'s own words chose, over the classifier\'s topic', () => {
    expect(acknowledgedSubject({ subject: 'việc bị phạt tiền, trừ lương', topic: 'wage_arrears' }, 'wage_arrears', arrears)).toBe('việc bị phạt tiền, trừ lương');
  });

  it('names no topic when the answering entry is on another topic than the classifier\'s', () => {
    expect(acknowledgedSubject({ topic: 'termination' }, 'wage_arrears', arrears)).toBeNull();
    expect(concernAcknowledgement('negative', null)).toMatch(/^Mình rất tiếc .*ghi nhận phản ánh của bạn để công đoàn theo dõi;/u);
    expect(concernAcknowledgement('neutral', null)).toContain('ghi nhận phản ánh của bạn. Dưới đây');
  });

  it('names the topic when the answer is on it or says nothing of its own (a law answer)', () => {
    expect(acknowledgedSubject({ topic: 'wage_arrears' }, 'wage_arrears', arrears)).toBe(arrears);
    expect(acknowledgedSubject({}, 'wage_arrears', arrears)).toBe(arrears);
    expect(concernAcknowledgement('negative', arrears)).toContain(`phản ánh của bạn về ${arrears} để công đoàn`);
  });
});
