import type { OutboundMessage } from '../../../core/messages/outbound.js';
import { renderWebchat } from './render.js';

const citation = { lawId: '45/2019/QH14', articleNo: '98', title: 'Tiền lương làm thêm giờ', lawName: 'Bộ luật Lao động 2019', effectiveDate: '2021-01-01', label: 'Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021)' };
const text = `Làm thêm ngày thường ít nhất 150%.\n\nCăn cứ: ${citation.label}.\n\nThông tin chỉ mang tính tham khảo.`;

describe('renderWebchat', () => {
  it('shows each citation once: as a linked list item, not again in the text (issue #11 item 2)', () => {
    const message = { id: 'm1', author: 'bot', citations: [citation] } as unknown as OutboundMessage;
    const rendered = renderWebchat(message, [{ type: 'text', text }]);
    expect(rendered.parts[0]?.text).toBe('Làm thêm ngày thường ít nhất 150%.\n\nThông tin chỉ mang tính tham khảo.');
    expect(rendered.citations).toEqual([{ label: citation.label, href: '/luat?van-ban=45%2F2019%2FQH14&dieu=98' }]);
  });

  it('keeps the text whole when the message carries no citation list', () => {
    const message = { id: 'm2', author: 'officer' } as unknown as OutboundMessage;
    expect(renderWebchat(message, [{ type: 'text', text }]).parts[0]?.text).toBe(text);
  });
});
