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

  it("adds officers' FAQ phrasings only where no team line or review speaks of the same message, never a dev/test one", () => {
    const team = [line('lương thấp quá', 'feedback')];
    const reviewed = [line('nghỉ phép mấy ngày', 'feedback')];
    const curated = [line('Lương thấp quá?'), line('nghi phep may ngay'), line('câu trong bộ test'), line('đi làm ngày lễ được mấy lần lương'), line('di lam ngay le duoc may lan luong')];
    const merged = mergeTrainingSources(team, reviewed, [line('Câu trong bộ test.')], curated);
    expect(merged.curatedUsed.map((e) => e.text)).toEqual(['đi làm ngày lễ được mấy lần lương']);
    expect(merged.examples.map((e) => [e.text, e.route])).toEqual([
      ['lương thấp quá', 'feedback'],
      ['nghỉ phép mấy ngày', 'feedback'],
      ['đi làm ngày lễ được mấy lần lương', 'question'],
    ]);
  });
});
