import { mergeAlbum } from './album.js';

describe('albums as one message', () => {
  it('keeps every photo as an item and the caption wherever it was', () => {
    expect(
      mergeAlbum([
        { type: 'media', kind: 'image', url: 'telegram-file:a' },
        { type: 'media', kind: 'image', url: 'telegram-file:b', caption: 'bảng lương tháng 2 bị trừ' },
        { type: 'media', kind: 'file', url: 'telegram-file:c', name: 'hop-dong.pdf' },
      ]),
    ).toEqual({
      type: 'media',
      kind: 'image',
      url: 'telegram-file:a',
      caption: 'bảng lương tháng 2 bị trừ',
      items: [
        { kind: 'image', url: 'telegram-file:a' },
        { kind: 'image', url: 'telegram-file:b' },
        { kind: 'file', url: 'telegram-file:c', name: 'hop-dong.pdf' },
      ],
    });
  });

  it('joins several captions, and leaves a single part as it was', () => {
    const merged = mergeAlbum([
      { type: 'media', kind: 'image', url: 'x', caption: 'ảnh 1' },
      { type: 'media', kind: 'image', url: 'y', caption: ' ảnh 2 ' },
    ]);
    expect(merged).toMatchObject({ caption: 'ảnh 1\nảnh 2' });
    expect(mergeAlbum([{ type: 'media', kind: 'image', url: 'x' }])).toEqual({ type: 'media', kind: 'image', url: 'x' });
  });
});
