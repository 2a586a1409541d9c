import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../normalize/normalize-text.js';
import { findHandoffTrigger } from './handoff-rules.js';

const trigger = (text: string): string | null => findHandoffTrigger(normalizeText(text))?.reason ?? null;

describe('hand-off rules', () => {
  it.each([
    ['cho em gặp cán bộ công đoàn với', 'asks_for_person'],
    ['toi muon noi chuyen voi tu van vien', 'asks_for_person'],
    ['bot ko hiểu, cho e gặp ng thật', 'asks_for_person'],
    ['có ai trực k ạ', 'asks_for_person'],
    ['cho e xin sđt cán bộ cđ', 'asks_for_person'],
    ['quản lý vừa đánh em ở xưởng, cứu em', 'emergency'],
    ['em dang bi danh', 'emergency'],
    ['anh ấy vừa bị tai nạn ở máy cắt, đang chảy máu', 'emergency'],
    ['xưởng cháy rồi cứu với', 'emergency'],
    ['em mệt quá, muốn chết cho xong', 'self_harm'],
    ['toi khong muon song nua', 'self_harm'],
  ])('%s → %s', (text, reason) => {
    expect(trigger(text)).toBe(reason);
  });

  it.each([
    'Công ty tôi vừa chuyển sang ký hợp đồng điện tử từ tháng này.',
    'lớp học nghề cho người thất nghiệp mở giờ hành chính',
    'Bạn là người thật hay máy vậy?',
    'Nhờ cán bộ công đoàn đến thăm khi em sinh con, em thấy ấm lòng vô cùng.',
    'bị tai nạn lao động thì được hưởng chế độ gì?',
    'từ từ rồi tính',
    'cán bộ công đoàn có được công ty trả lương không?',
  ])('does not fire on: %s', (text) => {
    expect(trigger(text)).toBeNull();
  });

  it('never fires on a training message that is not a hand-off', () => {
    // The rules override the model: they must be exact on everything we have labelled (own seed included).
    const dir = join(process.cwd(), 'intents/data/train');
    const misfires: string[] = [];
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const example = JSON.parse(line) as { text: string; route: string };
        if (example.route !== 'handoff' && trigger(example.text) !== null) misfires.push(example.text);
      }
    }
    expect(misfires).toEqual([]);
  });
});
