import { createSeededRandom } from './seeded-random.js';
import { epochsFor, evaluate, trainTextClassifier } from './text-classifier.js';

/**
 * A synthetic 60-label set: each label owns a made-up keyword (present 80 % of the time) and a syllable it shares with another label, amid filler common to all, so the learner must pick the few informative syllables out of noise.
 */
const SYLLABLES = ['lương', 'thưởng', 'ca', 'đêm', 'hợp', 'đồng', 'nghỉ', 'phép', 'bảo', 'hiểm', 'thai', 'sản', 'xưởng', 'máy', 'tổ', 'trưởng', 'công', 'đoàn', 'phòng', 'trọ', 'xe', 'buýt', 'học', 'nghề', 'tiền', 'cơm', 'quạt', 'nước', 'giày', 'áo'];

function syntheticSet(labels: number, perLabel: number, seed: number): { text: string; label: string }[] {
  const random = createSeededRandom(seed);
  const pick = (): string => SYLLABLES[Math.floor(random() * SYLLABLES.length)] as string;
  const lines: { text: string; label: string }[] = [];
  for (let l = 0; l < labels; l++) {
    // One made-up word per label (two syllables glued), plus a common syllable shared by two labels.
    const keyA = `${SYLLABLES[l % SYLLABLES.length] as string}${SYLLABLES[Math.floor(l / SYLLABLES.length) + 7] as string}`;
    const keyB = SYLLABLES[(l * 7) % SYLLABLES.length] as string;
    for (let i = 0; i < perLabel; i++) {
      const words = [pick(), pick(), random() < 0.8 ? keyA : pick(), pick(), keyB, pick()];
      lines.push({ text: words.join(' '), label: `nhan_${l}` });
    }
  }
  return lines;
}

describe('trainTextClassifier', () => {
  it('learns a 60-label problem and reports metrics for it', () => {
    const train = syntheticSet(60, 20, 1);
    const test = syntheticSet(60, 5, 2);
    const classifier = trainTextClassifier(train);
    expect(classifier.labels).toHaveLength(60);
    const report = evaluate(classifier, test);
    expect(report.n).toBe(300);
    expect(report.accuracy).toBeGreaterThan(0.75);
    expect(Object.keys(report.per_label)).toHaveLength(60);
  });

  it('reads unaccented text as well as accented text', () => {
    const lines = [
      ...['lương tháng này thấp quá', 'tăng lương khi nào', 'lương cơ bản bao nhiêu', 'bảng lương sai'].map((text) => ({ text, label: 'luong' })),
      ...['nghỉ phép năm mấy ngày', 'xin nghỉ phép được không', 'phép năm còn mấy ngày', 'nghỉ phép có lương không'].map((text) => ({ text, label: 'phep' })),
    ];
    const classifier = trainTextClassifier(lines);
    expect(classifier.predict('luong thang sau co tang khong').label).toBe('luong');
    expect(classifier.predict('nghi phep nam nay con bao nhieu ngay').label).toBe('phep');
  });
});

describe('epochsFor', () => {
  it('makes fewer passes over bigger sets, within 3..10', () => {
    expect(epochsFor(100)).toBe(10);
    expect(epochsFor(2500)).toBe(8);
    expect(epochsFor(6000)).toBe(3);
    expect(epochsFor(100000)).toBe(3);
  });
});
