import { renderZaloParts, zaloTransactionBody } from './render.js';

describe('Zalo rendering', () => {
  it('renders choices as oa.query.hide buttons whose payload comes back marked as ours', () => {
    const [part] = renderZaloParts({ type: 'choices', text: 'Chọn:', choices: [{ title: 'Gặp cán bộ', payload: 'handoff:accept' }] });
    expect(part?.payload).toEqual({ text: 'Chọn:', attachment: { type: 'template', payload: { buttons: [{ title: 'Gặp cán bộ', type: 'oa.query.hide', payload: '#cd:handoff:accept' }] } } });
  });

  it('sends images as a media template and files as a link', () => {
    expect(renderZaloParts({ type: 'media', kind: 'image', url: 'https://x.vn/a.png' })[0]?.payload).toMatchObject({ attachment: { payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://x.vn/a.png' }] } } });
    expect(renderZaloParts({ type: 'media', kind: 'file', url: 'https://x.vn/a.pdf', caption: 'Mẫu' })[0]?.payload).toEqual({ text: 'Mẫu\nhttps://x.vn/a.pdf' });
  });

  it('builds a transaction template message with the text', () => {
    expect(zaloTransactionBody('transaction_event', 'Nội dung')).toMatchObject({ attachment: { payload: { template_type: 'transaction_event', language: 'VI', elements: [{ type: 'header' }, { type: 'text', content: 'Nội dung' }] } } });
  });
});
