import type { ChannelCapabilities } from './channel-adapter.js';
import { degradeContent, splitText } from './degrade.js';

const rich: ChannelCapabilities = { maxTextLength: 2000, choices: { max: 3, maxTitleLength: 20 }, card: true, media: ['image', 'file'] };
const plain: ChannelCapabilities = { maxTextLength: 100, choices: false, card: false, media: [] };

describe('degradeContent', () => {
  const choices = { type: 'choices' as const, text: 'Bạn muốn?', choices: [{ title: 'Gặp cán bộ', payload: 'handoff:accept' }, { title: 'Hỏi tiếp', payload: 'handoff:decline' }] };

  it('keeps what the channel supports', () => {
    expect(degradeContent(choices, rich)).toEqual([choices]);
  });

  it('turns choices into a numbered list where buttons are missing', () => {
    const [only] = degradeContent(choices, plain);
    expect(only).toEqual({ type: 'text', text: 'Bạn muốn?\n1. Gặp cán bộ\n2. Hỏi tiếp\nBạn trả lời bằng số thứ tự nhé.' });
  });

  it('turns choices into a list when there are more than the platform allows', () => {
    const many = { ...choices, choices: [1, 2, 3, 4].map((n) => ({ title: `Lựa chọn ${n}`, payload: `p${n}` })) };
    expect(degradeContent(many, rich)[0]?.type).toBe('text');
  });

  it('turns cards into text and media into a link', () => {
    expect(degradeContent({ type: 'card', title: 'Tiêu đề', subtitle: 'Phụ đề', url: 'https://x.vn' }, plain)).toEqual([
      { type: 'text', text: 'Tiêu đề\nPhụ đề\nhttps://x.vn' },
    ]);
    expect(degradeContent({ type: 'media', kind: 'image', url: 'https://x.vn/a.png', caption: 'Ảnh' }, plain)).toEqual([
      { type: 'text', text: 'Ảnh\nhttps://x.vn/a.png' },
    ]);
  });
});

describe('splitText', () => {
  it('returns short text unchanged', () => {
    expect(splitText('ngắn', 10)).toEqual(['ngắn']);
  });

  it('never exceeds the limit and loses no words', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Câu số ${i} nói về quyền lợi của người lao động.`).join(' ');
    const parts = splitText(text, 120);
    expect(parts.every((part) => part.length <= 120)).toBe(true);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it('prefers paragraph boundaries', () => {
    const text = `${'a '.repeat(30).trim()}\n\n${'b '.repeat(30).trim()}`;
    expect(splitText(text, 80)).toEqual(['a '.repeat(30).trim(), 'b '.repeat(30).trim()]);
  });

  it('cuts a single overlong word hard', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});
