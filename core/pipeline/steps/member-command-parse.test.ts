import { looksLikeUnitCode, parseMemberCommand } from './member-command-parse.js';

const text = (value: string) => parseMemberCommand({ type: 'text', text: value });

describe('parseMemberCommand', () => {
  it.each([
    ['/start', { type: 'start', code: null }],
    ['/start cdcs001', { type: 'start', code: 'CDCS001' }],
    ['/start@congdoan_bot CDCS-HN_01', { type: 'start', code: 'CDCS-HN_01' }],
    ['/donvi CDCS001', { type: 'set_unit', code: 'CDCS001' }],
    ['/donvi', { type: 'set_unit', code: null }],
    ['/congdoan abc12', { type: 'set_unit', code: 'ABC12' }],
    ['mã công đoàn CDCS001', { type: 'set_unit', code: 'CDCS001' }],
    ['Ma cong doan: cdcs001', { type: 'set_unit', code: 'CDCS001' }],
    ['đổi đơn vị CDCS002', { type: 'set_unit', code: 'CDCS002' }],
    ['/lienket', { type: 'link_request' }],
    ['liên kết', { type: 'link_request' }],
    ['/lienket 123456', { type: 'link_redeem', code: '123456' }],
    ['/lienket 123 456', { type: 'link_redeem', code: '123456' }],
    ['mã liên kết: 654321', { type: 'link_redeem', code: '654321' }],
    ['/lienket abc', { type: 'link_redeem', code: 'abc' }],
    ['/trogiup', { type: 'help' }],
  ])('%s', (input, expected) => {
    expect(text(input)).toEqual(expected);
  });

  it('reads an officer\'s notice link code, and only an 8-digit one', () => {
    expect(text('/canbo 12345678')).toEqual({ type: 'officer_link', code: '12345678' });
    expect(text('/canbo 1234 5678')).toEqual({ type: 'officer_link', code: '12345678' });
    expect(text('/canbo 123')).toBeNull();
  });

  it.each([
    ['/taidulieu', 'data_view'],
    ['/xemdulieu', 'data_view'],
    ['xem dữ liệu của tôi', 'data_view'],
    ['Xem du lieu cua toi', 'data_view'],
    ['cho tôi tải dữ liệu của mình!', 'data_view'],
    ['tôi muốn xem dữ liệu cá nhân của tôi', 'data_view'],
    ['/xoadulieu', 'erase_request'],
    ['xoá dữ liệu của tôi', 'erase_request'],
    ['Xóa dữ liệu của tôi.', 'erase_request'],
    ['xoa het du lieu cua minh', 'erase_request'],
    ['em muốn xoá toàn bộ dữ liệu của em', 'erase_request'],
    ['xoá dữ liệu', 'erase_request'],
  ])('reads the data request %s', (input, type) => {
    expect(text(input)).toEqual({ type });
  });

  it('takes the erasure buttons, and no sentence that merely mentions data', () => {
    expect(parseMemberCommand({ type: 'postback', payload: 'privacy:erase:confirm' })).toEqual({ type: 'erase_confirm' });
    expect(parseMemberCommand({ type: 'postback', payload: 'privacy:erase:cancel' })).toEqual({ type: 'erase_cancel' });
    for (const message of ['công ty xoá dữ liệu chấm công của tôi', 'làm sao xoá dữ liệu trên máy chấm công?', 'dữ liệu của tôi có an toàn không', 'xem lương của tôi']) {
      expect(text(message)).toBeNull();
    }
  });

  it('leaves ordinary messages to the assistant', () => {
    for (const message of ['Công ty nợ lương 2 tháng', 'liên kết với công đoàn khác thế nào?', 'mã số thuế của tôi', '/unknowncommand', '2']) {
      expect(text(message)).toBeNull();
    }
  });

  it('reads the platform start button as start, other postbacks not at all', () => {
    expect(parseMemberCommand({ type: 'postback', payload: 'member:start' })).toEqual({ type: 'start', code: null });
    expect(parseMemberCommand({ type: 'postback', payload: 'handoff:accept' })).toBeNull();
  });
});

describe('looksLikeUnitCode', () => {
  it('takes lone tokens with letters and digits', () => {
    expect(looksLikeUnitCode(' cdcs001 ')).toBe('CDCS001');
    expect(looksLikeUnitCode('HN-0042')).toBe('HN-0042');
  });
  it('does not take choice numbers, phone numbers, words or sentences', () => {
    for (const value of ['2', '0912345678', 'alo', 'lương', 'CDCS 001', 'a1']) expect(looksLikeUnitCode(value)).toBeNull();
  });
});
