import { createRedactor } from './redactor.js';

const redactor = createRedactor();

describe('createRedactor', () => {
  it.each([
    // phones: grouped, dotted, international, landline
    ['sđt em 0987.654.321 nhé', 'sđt em [SĐT] nhé'],
    ['gọi 0912 345 678 giúp em', 'gọi [SĐT] giúp em'],
    ['zalo: +84 912 345 678', 'zalo: [SĐT]'],
    ['so dt cty 028 3825 3263', 'so dt cty [SĐT]'],
    ['lh 0912-345-678 a', 'lh [SĐT] a'],
    ['sdt:0987654321', 'sdt:[SĐT]'],
    // national ids and social insurance numbers, with and without diacritics
    ['CCCD của em là 079123456789', 'CCCD của em là [CCCD]'],
    ['so can cuoc 001 203 004 567', 'so can cuoc [CCCD]'],
    ['cmnd 123456789 nha', 'cmnd [CCCD] nha'],
    ['mã số BHXH: 7912345678', 'mã số BHXH: [SỐ BHXH]'],
    ['so so bhxh 0123456789', 'so so bhxh [SỐ BHXH]'],
    // an unannounced 12-digit number is a CCCD
    ['em gửi 079123456789 rồi', 'em gửi [CCCD] rồi'],
    // emails and bank accounts
    ['mail em là An.Nguyen92@gmail.com ạ', 'mail em là [EMAIL] ạ'],
    ['stk vietcombank 0071000123456', 'stk vietcombank [STK]'],
    ['số tài khoản Techcombank: 1903 5555 7777 01', 'số tài khoản Techcombank: [STK]'],
    ['ck vao tk 123456789 giup em', 'ck vao tk [STK] giup em'],
    // names the member introduces
    ['Em tên là Nguyễn Văn An, làm ở Bình Dương', 'Em tên là [TÊN], làm ở Bình Dương'],
    ['toi ten la tran thi hoa o binh duong', 'toi ten la [TÊN] o binh duong'],
    ['tôi là chị Lan, công nhân may', 'tôi là chị [TÊN], công nhân may'],
    ['e là Hùng, cty nợ lương 2 tháng', 'e là [TÊN], cty nợ lương 2 tháng'],
    ['Họ và tên: Lê Thị Thu Hà', 'Họ và tên: [TÊN]'],
    ['chủ tk Le Van Tam', 'chủ tk [TÊN]'],
    ['TÔI TÊN LÀ NGUYỄN VĂN AN Ở BÌNH DƯƠNG', 'TÔI TÊN LÀ [TÊN] Ở BÌNH DƯƠNG'],
    // full-width and other keyboard forms of digits (issue #13 finding 10)
    ['sđt ０９１２ ３４５ ６７８ nhé', 'sđt [SĐT] nhé'],
    ['gọi ０９８７６５４３２１', 'gọi [SĐT]'],
    ['cccd ０７９１２３４５６７８９', 'cccd [CCCD]'],
    ['mail an９２＠gmail．com', 'mail [EMAIL]'],
    // obfuscated e-mails
    ['mail nguyenvana [at] gmail.com nhé', 'mail [EMAIL] nhé'],
    ['x(a)gmail.com', '[EMAIL]'],
    ['email an.nguyen92 @ gmail . com ạ', 'email [EMAIL] ạ'],
    ['hoa at yahoo dot com dot vn', '[EMAIL]'],
    ['em là Hoa, mail hoa92 a còng gmail chấm com', 'em là [TÊN], mail [EMAIL]'],
    ['thu (at) congty (dot) vn', '[EMAIL]'],
    // long numbers of no known kind are hidden too
    ['mã hồ sơ 123456789012345', 'mã hồ sơ [SỐ]'],
  ])('%s', (input, expected) => {
    expect(redactor.redact(input)).toBe(expected);
  });

  it.each([
    'Tôi là công nhân, lương 5.000.000đ một tháng',
    'tôi là đoàn viên công đoàn cơ sở',
    'Tôi là Đoàn viên công đoàn',
    'em làm 45 ngày, lương 4tr7, thưởng 500k',
    'Điều 113 Bộ luật Lao động 2019, Nghị định 293/2025/NĐ-CP',
    'lương 15000000 đồng, phụ cấp 1.500.000',
    'ngày 15/03/2025 em nghỉ',
    'em là công nhân ở Hà Nội',
    'gọi tổng đài 1900 1234 nhé',
    // spelled separators are common words ("đợt", "chậm"): without a domain they stay
    'lương đợt 1 chậm com',
    'lương chậm a còng ty nợ',
    // machine ids keep their digits (log lines name conversations and messages)
    'conversation 3f2a9c10-1234-4a5b-8123-123456789012 failed',
    'message 00000000-0000-4000-8000-000000000912 sent',
    'trace 0123456789abcdef0123456789abcdef done',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(redactor.redact(input)).toBe(input);
  });

  it('handles decomposed Unicode and zero-width characters without shifting the cut', () => {
    const decomposed = 'Em tên Thuỷ'.normalize('NFD') + ' ở Hà Nội, sđt 0987\u200b654321';
    const output = redactor.redact(decomposed);
    expect(output.normalize('NFC')).toBe('Em tên [TÊN] ở Hà Nội, sđt [SĐT]');
  });

  it('redacts several items in one message and keeps the rest verbatim', () => {
    const input = 'Em tên là Nguyễn Văn An, sđt 0987.654.321, CCCD 079123456789, mail an@congty.vn.';
    expect(redactor.redact(input)).toBe('Em tên là [TÊN], sđt [SĐT], CCCD [CCCD], mail [EMAIL].');
  });

  it('returns empty text unchanged', () => {
    expect(redactor.redact('')).toBe('');
  });
});
