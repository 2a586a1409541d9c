import { foldedSyllables } from './faq-text-features.js';
import { actorOf, entryActorOf } from './actor-cue.js';

const actor = (text: string) => actorOf(foldedSyllables(text));

describe('who ends the job in a termination question', () => {
  it('reads the employer acting in dismissals, typed or unaccented', () => {
    expect(actor('bị đuổi việc ngang không báo trước, công ty phải đền mấy tháng lương')).toBe('employer');
    expect(actor('bi duoi viec ngang ko bao truoc cty phai den may thang luong')).toBe('employer');
    expect(actor('công ty cho em nghỉ việc khi đang mang thai')).toBe('employer');
    expect(actor('bị sa thải vì đi làm muộn')).toBe('employer');
    // The employer named between "bị" and "đuổi": the teencode complaint.
    expect(actor('e bi cty duoi ngang ko bao truoc thi dc den gi ko')).toBe('employer');
    expect(actor('công ty đuổi em không lý do')).toBe('employer');
  });

  it('reads the employee acting when they quit', () => {
    expect(actor('nghỉ ngang không báo trước phải đền bao nhiêu')).toBe('employee');
    expect(actor('em tự nghỉ việc có được trợ cấp không')).toBe('employee');
  });

  it('reads the member quitting at once, said of themselves, and not "cho / bắt em nghỉ luôn"', () => {
    expect(actor('em muốn nghỉ ngay không báo trước được không')).toBe('employee');
    expect(actor('e muon nghi luon ko bao truoc dc ko')).toBe('employee');
    expect(actor('cty nợ lương 3 tháng, tôi nghỉ việc luôn được không')).toBe('employee');
    expect(actor('muốn nghỉ ngay thì phải làm sao')).toBe('employee');
    expect(actor('công ty cho em nghỉ luôn không báo trước')).toBeNull();
    expect(actor('cty bat em nghi ngay tu mai')).toBeNull();
    expect(actor('bị đuổi, cty bắt em nghỉ luôn')).toBe('employer');
  });

  it('reads a side named as the subject of ending the contract, with modal words between (D-answers-24)', () => {
    expect(actor('Người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi nào')).toBe('employee');
    expect(actor('nguoi lao dong duoc don phuong cham dut hop dong khi nao')).toBe('employee');
    expect(actor('Người sử dụng lao động có quyền đơn phương chấm dứt hợp đồng khi nào?')).toBe('employer');
    expect(actor('cty co duoc don phuong cham dut hd voi e ko')).toBe('employer');
    expect(actor('công ty đơn phương chấm dứt hợp đồng với người lao động đang mang thai')).toBe('employer');
  });

  it('names nobody for leave, for "dưới 18 tuổi" and when both sides are named', () => {
    expect(actor('công ty cho nghỉ mấy ngày khi cưới')).toBeNull();
    expect(actor('em xin nghỉ phép 3 ngày')).toBeNull();
    expect(actor('người dưới 18 tuổi làm mấy giờ')).toBeNull();
    expect(actor('công ty dưới 10 người có phải lập công đoàn không')).toBeNull();
    expect(actor('cty duoi 50 lao dong thi sao')).toBeNull();
    expect(actor('bị đuổi việc nên em tự nghỉ luôn')).toBeNull();
  });

  it("gives an entry an actor only when a third of its phrasings name it and none names the other", () => {
    const fold = (texts: string[]) => texts.map((text) => foldedSyllables(text));
    expect(entryActorOf(fold(['Bị đuổi việc trái luật được gì?', 'duoi viec sai luat', 'bồi thường khi chấm dứt trái luật']))).toBe('employer');
    expect(entryActorOf(fold(['Điều kiện hưởng thất nghiệp', 'đóng bao lâu thì được hưởng', 'mức hưởng', 'tự nghỉ việc có được hưởng không']))).toBeNull();
    expect(entryActorOf(fold(['bị đuổi việc', 'tự nghỉ việc']))).toBeNull();
  });
});
