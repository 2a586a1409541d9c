import { renderMessengerParts } from './render.js';

describe('Messenger rendering', () => {
  it('renders a card that fits as a generic template with postback and link buttons', () => {
    const [part] = renderMessengerParts({ type: 'card', title: 'Điều 113', subtitle: 'Nghỉ hằng năm', url: 'https://x.vn/113', choices: [{ title: 'Hỏi tiếp', payload: 'route:question' }] });
    expect(part?.payload).toEqual({
      attachment: {
        type: 'template',
        payload: { template_type: 'generic', elements: [{ title: 'Điều 113', subtitle: 'Nghỉ hằng năm', buttons: [{ type: 'web_url', url: 'https://x.vn/113', title: 'Xem chi tiết' }, { type: 'postback', title: 'Hỏi tiếp', payload: 'route:question' }] }] },
      },
    });
  });

  it('shows a card that does not fit (long title, too many buttons) as text and quick replies', () => {
    const parts = renderMessengerParts({ type: 'card', title: 'T'.repeat(120), choices: [1, 2, 3, 4].map((i) => ({ title: `Mục ${i}`, payload: `p${i}` })) });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.payload).toMatchObject({ text: 'T'.repeat(120), quick_replies: [{ title: 'Mục 1' }, { title: 'Mục 2' }, { title: 'Mục 3' }, { title: 'Mục 4' }] });
  });

  it('sends a caption before the attachment it describes', () => {
    expect(renderMessengerParts({ type: 'media', kind: 'file', url: 'https://x.vn/a.pdf', caption: 'Mẫu đơn' }).map((p) => p.payload)).toEqual([
      { text: 'Mẫu đơn' },
      { attachment: { type: 'file', payload: { url: 'https://x.vn/a.pdf', is_reusable: true } } },
    ]);
  });
});
