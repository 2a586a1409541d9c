import { canonicalizeTones, placeTones } from './tone-placement.js';

describe('canonicalizeTones (new style)', () => {
  it.each([
    ['hòa', 'hoà'],
    ['hoà', 'hoà'],
    ['thúy', 'thuý'],
    ['khỏe', 'khoẻ'],
    ['ủy ban', 'uỷ ban'],
    ['thỏa thuận', 'thoả thuận'],
    ['hóa đơn', 'hoá đơn'],
    ['tòa án', 'toà án'],
    ['lũy kế', 'luỹ kế'],
    ['Thủy', 'Thuỷ'],
    ['HÒA', 'HOÀ'],
    ['xóa', 'xoá'],
    // qu and gi are onsets
    ['quý', 'quý'],
    ['qúa', 'quá'],
    ['quyển', 'quyển'],
    ['quốc', 'quốc'],
    ['giữa', 'giữa'],
    ['gìn', 'gìn'],
    ['gịa', 'giạ'],
    ['giếng', 'giếng'],
    // quality-marked vowels carry the tone
    ['người', 'người'],
    ['ngừơi', 'người'],
    ['rượu', 'rượu'],
    ['thuở', 'thuở'],
    ['khuyến', 'khuyến'],
    ['tuần', 'tuần'],
    ['cứu', 'cứu'],
    ['gửi', 'gửi'],
    ['mưa', 'mưa'],
    ['yếu', 'yếu'],
    // triphthongs: middle vowel
    ['ngoài', 'ngoài'],
    ['xoáy', 'xoáy'],
    ['khuỷu', 'khuỷu'],
    ['ngoẻo', 'ngoẻo'],
    // a coda pulls the mark to the second vowel
    ['hoàn', 'hoàn'],
    ['hòan', 'hoàn'],
    ['huýt', 'huýt'],
    ['hoạch', 'hoạch'],
    // falling diphthongs keep it on the first vowel
    ['mía', 'mía'],
    ['của', 'của'],
    ['tài', 'tài'],
    ['núi', 'núi'],
    ['cáo', 'cáo'],
    // not Vietnamese syllables: untouched
    ['file', 'file'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['5 triệu', '5 triệu'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeTones(input)).toBe(expected);
  });

  it('accepts decomposed input', () => {
    expect(canonicalizeTones('hòa bình'.normalize('NFD'))).toBe('hoà bình');
  });
});

describe('tone styles', () => {
  const words = ['hoà', 'thuý', 'khoẻ', 'uỷ', 'quý', 'giữa', 'người', 'khuỷu', 'ngoài', 'hoàn', 'mía', 'của', 'oà', 'hoả', 'loè'];

  it.each(words)('canon(old(%s)) equals canon(new(%s)) and is idempotent', (word) => {
    const fromOld = canonicalizeTones(placeTones(word, 'old'));
    const fromNew = canonicalizeTones(placeTones(word, 'new'));
    expect(fromOld).toBe(fromNew);
    expect(canonicalizeTones(fromOld)).toBe(fromOld);
  });

  it('old style puts the mark on the first vowel of open oa/oe/uy', () => {
    expect(placeTones('hoà khoẻ thuý', 'old')).toBe('hòa khỏe thúy');
  });
});
