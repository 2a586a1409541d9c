import type { NluExample } from './training-data.js';
import { mergeTrainingSources } from './training-sources.js';

const line = (text: string, route: NluExample['route'] = 'question'): NluExample => ({ text, route, topic: 'wages', sentiment: 'neutral' });

describe('merging team data with reviewed officer labels', () => {
  it('lets a reviewed label replace the team line for the same message, keeps the last review, never trains on dev/test', () => {
    const team = [line('Lương tối thiểu bao nhiêu?'), line('lương thấp quá', 'question')];
    const reviewed = [line('luong thap qua!', 'feedback'), line('LƯƠNG THẤP QUÁ', 'feedback'), line('nghỉ phép mấy ngày'), line('câu trong bộ test')];
    const merged = mergeTrainingSources(team, reviewed, [line('Câu trong bộ test.')]);
    expect(merged.teamOverridden).toBe(1);
    expect(merged.reviewedDropped).toEqual({ heldOut: 1, duplicate: 1 });
    expect(merged.examples.map((e) => [e.text, e.route])).toEqual([
      ['Lương tối thiểu bao nhiêu?', 'question'],
      ['LƯƠNG THẤP QUÁ', 'feedback'],
      ['nghỉ phép mấy ngày', 'question'],
    ]);
  });
});
