import { renderTelegramParts } from './render.js';

describe('Telegram rendering', () => {
  it('renders choices as a one-per-row inline keyboard', () => {
    const [part] = renderTelegramParts({ type: 'choices', text: 'Chọn:', choices: [{ title: 'Có', payload: 'yes' }, { title: 'Không', payload: 'no' }] });
    expect(part?.payload).toEqual({ method: 'sendMessage', text: 'Chọn:', replyMarkup: { inline_keyboard: [[{ text: 'Có', callback_data: 'yes' }], [{ text: 'Không', callback_data: 'no' }]] } });
  });

  it('falls back to a numbered list when a payload exceeds callback_data (64 bytes)', () => {
    const [part] = renderTelegramParts({ type: 'choices', text: 'Chọn:', choices: [{ title: 'Dài', payload: 'đ'.repeat(40) }] });
    expect(part?.payload).toEqual({ method: 'sendMessage', text: 'Chọn:\n1. Dài\nBạn trả lời bằng số thứ tự nhé.' });
  });

  it('sends photos by URL with their caption, or the caption apart when it is too long for one', () => {
    expect(renderTelegramParts({ type: 'media', kind: 'image', url: 'https://x.vn/a.png', caption: 'Ảnh' }).map((p) => p.payload)).toEqual([{ method: 'sendPhoto', url: 'https://x.vn/a.png', caption: 'Ảnh' }]);
    const long = 'c'.repeat(1500);
    expect(renderTelegramParts({ type: 'media', kind: 'file', url: 'https://x.vn/a.pdf', caption: long }).map((p) => p.payload.method)).toEqual(['sendMessage', 'sendDocument']);
  });
});
