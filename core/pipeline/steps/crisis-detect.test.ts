import { readFileSync } from 'node:fs';
import { detectCrisis, saysMinor } from './crisis-detect.js';

interface LabelledCase {
  text: string;
  crisis: boolean;
  style: 'typed' | 'unaccented_or_teencode';
}

const CASES = JSON.parse(readFileSync(new URL('./crisis-cases.json', import.meta.url), 'utf8')) as LabelledCase[];
const crises = CASES.filter((c) => c.crisis);
const lookAlikes = CASES.filter((c) => !c.crisis);

describe('crisis detection on the labelled set (crisis-cases.json)', () => {
  it('holds at least 60 crisis phrasings, half unaccented or teencode, and 60 look-alikes', () => {
    expect(crises.length).toBeGreaterThanOrEqual(60);
    expect(crises.filter((c) => c.style === 'unaccented_or_teencode').length * 2).toBeGreaterThanOrEqual(crises.length);
    expect(lookAlikes.length).toBeGreaterThanOrEqual(60);
  });

  it.each(crises.map((c) => [c.text]))('recognises the crisis in "%s"', (text) => {
    expect(detectCrisis(text).crisis).toBe(true);
  });

  it('has 100 % recall, and measures precision (the bench prints it)', () => {
    const caught = crises.filter((c) => detectCrisis(c.text).crisis).length;
    const falseAlarms = lookAlikes.filter((c) => detectCrisis(c.text).crisis).length;
    expect(caught / crises.length).toBe(1);
    // Precision is a measurement, not a gate on every look-alike: a false alarm costs an urgent hand-off,
    // a miss costs far more. It must stay high enough that officers trust the urgent flag.
    expect(caught / (caught + falseAlarms)).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['mệt muốn chết vì tăng ca'],
    ['nóng chết đi được'],
    ['cười chết mất'],
    ['chết máy'],
    ['cứ từ từ rồi tính'],
    ['lương thấp thế này không sống nổi'],
    ['em không muốn sống ở khu trọ này nữa'],
    ['đọc báo thấy vụ công nhân tự tử, công đoàn có hỗ trợ gia đình không'],
  ])('does not take "%s" for a crisis', (text) => {
    expect(detectCrisis(text)).toEqual({ crisis: false, phrase: null });
  });

  it('tells the accented "từ từ" (slowly) from "tự tử", and takes the unaccented form as a crisis', () => {
    expect(detectCrisis('từ từ').crisis).toBe(false);
    expect(detectCrisis('tự tử').crisis).toBe(true);
    expect(detectCrisis('tu tu').crisis).toBe(true);
  });

  it('lets the writer\'s own intent win over a news context', () => {
    expect(detectCrisis('đọc báo thấy vụ tự tử mà em cũng muốn tự tử').crisis).toBe(true);
  });

  it('names the folded phrase that fired, never the member\'s words', () => {
    expect(detectCrisis('Em ko mún sống nữa!!!')).toEqual({ crisis: true, phrase: 'khong muon song' });
  });
});

describe('saysMinor', () => {
  it.each([['em mới 16 tuổi'], ['em chưa đủ 18'], ['em là học sinh lớp 11'], ['e moi 15 tuoi']])('"%s" is a minor', (text) => {
    expect(saysMinor(text)).toBe(true);
  });

  it.each([['em 25 tuổi'], ['lương 10 triệu'], ['em làm ca 12 tiếng']])('"%s" is not', (text) => {
    expect(saysMinor(text)).toBe(false);
  });
});
