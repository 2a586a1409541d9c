import type { Topic } from '../../core/nlu/labels.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * What a member who complains should learn about their rights (issue #11 item 1): a complaint ("công ty nợ lương
 * 2 tháng rồi, bực lắm") rarely matches an FAQ entry word for word, so each topic names the curated question whose
 * answer states the key rights on that topic and what to do next. Cues (folded, lower-case) pick the closer entry
 * when the complaint says more ("sờ mó" → sexual harassment rather than verbal abuse). The query is the entry's own
 * question, matched through the FAQ matcher: a unit's local override of that entry answers its members.
 */
export interface ConcernBrief {
  topic: Topic;
  /** Folded cue words; absent = the topic's default brief (listed last). */
  cue?: RegExp;
  query: string;
  /**
   * What a cued brief is about, in members' words (Vietnamese, lower-case, fits "phản ánh của bạn về …"): the
   * complaint's acknowledgement names it, since the cue says more than the topic's name (D-answers-26).
   */
  subject?: string;
}

/**
 * Fined through the pay: "bị trừ 100k", "đi làm muộn bị trừ lương", "phạt tiền". A sum deducted for lateness is a
 * fine, which the law forbids (Bộ luật Lao động Điều 127), not wages owed: without "trừ lương" or "phạt" in the
 * words, "đi làm muộn bị trừ 100k" got the topic's default brief on late payment.
 */
const FINED = /\b(tru luong|tru tien|bi tru|tru \d+\w*|phat tien|phat|di muon|di lam muon|di tre|di lam tre|ve som|quen cham cong)\b/;

export const CONCERN_BRIEFS: readonly ConcernBrief[] = [
  { topic: 'wage_arrears', cue: FINED, query: 'Công ty phạt tiền, trừ lương khi đi làm muộn có đúng luật không?', subject: 'việc bị phạt tiền, trừ lương' },
  { topic: 'wage_arrears', cue: /\b(nghi viec|thoi viec|quyet toan|thang cuoi)\b/, query: 'Nghỉ việc rồi mà công ty chưa thanh toán lương tháng cuối thì sao?', subject: 'việc chưa được thanh toán lương khi nghỉ việc' },
  { topic: 'wage_arrears', cue: /\b(pha san|bo tron|chu bo|giai the)\b/, query: 'Công ty phá sản, chủ bỏ trốn thì tiền lương của công nhân có được ưu tiên trả không?', subject: 'tiền lương khi công ty phá sản, chủ bỏ trốn' },
  { topic: 'wage_arrears', query: 'Công ty chậm trả lương thì có phải bồi thường cho người lao động không?' },
  { topic: 'wages', cue: /\b(tang ca|lam them|ngoai gio)\b/, query: 'Tiền lương tăng ca được tính như thế nào?', subject: 'tiền lương tăng ca' },
  { topic: 'wages', cue: FINED, query: 'Công ty phạt tiền, trừ lương khi đi làm muộn có đúng luật không?', subject: 'việc bị phạt tiền, trừ lương' },
  { topic: 'wages', cue: /\b(cho viec|ngung viec|nghi cho)\b/, query: 'Công ty cho nghỉ chờ việc thì có được trả lương không?', subject: 'tiền lương khi phải nghỉ chờ việc' },
  { topic: 'wages', query: 'Công ty trả lương thấp hơn lương tối thiểu vùng có đúng luật không?' },
  { topic: 'working_time', cue: /\b(phep|nghi phep)\b/, query: 'Một năm người lao động được nghỉ phép bao nhiêu ngày?', subject: 'nghỉ phép năm' },
  { topic: 'working_time', cue: /\b(chu nhat|nghi tuan|ngay nghi)\b/, query: 'Mỗi tuần người lao động được nghỉ ít nhất mấy ngày?', subject: 'ngày nghỉ hằng tuần' },
  { topic: 'working_time', cue: /\b(tien tang ca|luong tang ca|khong tra tang ca)\b/, query: 'Tiền lương tăng ca được tính như thế nào?', subject: 'tiền lương tăng ca' },
  { topic: 'working_time', query: 'Người lao động có quyền từ chối tăng ca không?' },
  { topic: 'contract', cue: /\b(giu bang|giu cccd|giu can cuoc|giu giay|giu so|the chap|dat coc)\b/, query: 'Công ty giữ bằng cấp, căn cước bản gốc của người lao động có đúng không?', subject: 'việc bị giữ giấy tờ bản gốc' },
  { topic: 'contract', cue: /\b(thu viec)\b/, query: 'Thời gian thử việc tối đa là bao lâu?', subject: 'thử việc' },
  { topic: 'contract', cue: /\b(dieu chuyen|chuyen sang lam|doi viec)\b/, query: 'Công ty điều chuyển sang làm công việc khác với hợp đồng có được không?', subject: 'việc bị điều chuyển công việc' },
  { topic: 'contract', query: 'Đi làm mà công ty không ký hợp đồng lao động có đúng không?' },
  { topic: 'termination', cue: /\b(ep|bat viet don|ep nghi|ep ky)\b/, query: 'Công ty ép viết đơn xin nghỉ việc tự nguyện thì có nên ký không?', subject: 'việc bị ép nghỉ việc' },
  { topic: 'termination', cue: /\b(cat giam|tai co cau|co cau lai|giam bien che|giam nguoi|doi may|doi day chuyen|doi cong nghe|thay doi cong nghe|thu hep san xuat)\b/, query: 'Bị cắt giảm lao động do công ty tái cơ cấu thì được bồi thường gì?', subject: 'việc bị cắt giảm lao động' },
  { topic: 'termination', cue: /\b(tro cap thoi viec|tro cap)\b/, query: 'Nghỉ việc có được trợ cấp thôi việc không và tính như thế nào?', subject: 'trợ cấp thôi việc' },
  { topic: 'termination', query: 'Bị công ty đuổi việc trái luật thì được bồi thường những gì?' },
  { topic: 'maternity', cue: /\b(duoi|sa thai|cho nghi viec|khong ky|cham dut)\b/, query: 'Trường hợp nào công ty không được đơn phương cho người lao động nghỉ việc?', subject: 'việc bị cho nghỉ việc khi mang thai, nuôi con nhỏ' },
  { topic: 'maternity', cue: /\b(ca dem|tang ca|lam dem)\b/, query: 'Đang mang thai có phải làm ca đêm, tăng ca không?', subject: 'việc làm ca đêm, tăng ca khi mang thai' },
  { topic: 'maternity', cue: /\b(tien thai san|che do|bao hiem)\b/, query: 'Cần đóng bảo hiểm xã hội bao lâu thì được hưởng chế độ thai sản khi sinh con?', subject: 'chế độ thai sản' },
  { topic: 'maternity', query: 'Lao động nữ sinh con được nghỉ thai sản bao lâu?' },
  { topic: 'social_insurance', cue: /\b(that nghiep)\b/, query: 'Điều kiện để được hưởng trợ cấp thất nghiệp là gì?', subject: 'trợ cấp thất nghiệp' },
  { topic: 'social_insurance', cue: /\b(chot so|tra so|so bhxh|so bao hiem)\b/, query: 'Sổ bảo hiểm xã hội do ai giữ và khi nghỉ việc thì lấy lại thế nào?', subject: 'sổ bảo hiểm xã hội' },
  { topic: 'social_insurance', query: 'Công ty trừ tiền bảo hiểm nhưng không đóng cho người lao động thì phải làm sao?' },
  // Before the accident cue: "đau lưng do bê vác … có được tính tai nạn lao động không" is about a disease.
  { topic: 'safety', cue: /\b(benh nghe nghiep|benh do lam viec|benh do cong viec|dau lung|dau cot song|thoat vi|benh phoi|bui phoi|nhiem doc|diec)\b/, query: 'Bị đau lưng, mắc bệnh do làm việc lâu ngày thì có được tính là tai nạn lao động không?', subject: 'bệnh do công việc' },
  { topic: 'safety', cue: /\b(tai nan|bi thuong|gay tay|dut tay|chet)\b/, query: 'Bị tai nạn lao động thì công ty phải bồi thường những gì?', subject: 'tai nạn lao động' },
  { topic: 'safety', cue: /\b(bao ho|khau trang|gang tay|mu bao hiem)\b/, query: 'Công ty có phải cấp đồ bảo hộ lao động miễn phí không?', subject: 'đồ bảo hộ lao động' },
  { topic: 'safety', query: 'Xưởng quá nóng, bụi, thiếu nhà vệ sinh thì công ty có vi phạm không?' },
  {
    topic: 'harassment',
    cue: /\b(so mo|dung cham|ga gam|ga tinh|quay roi|khiem nha|tuc tiu|nham nhi|om ap|om hon|khach san|nhay cam|tinh duc|show hang)\b/,
    query: 'Bị quấy rối tình dục ở nơi làm việc thì phải làm gì?',
    subject: 'quấy rối tình dục',
  },
  { topic: 'harassment', cue: /\b(danh|tat|dam|xo|bao luc)\b/, query: 'Bị người quản lý đánh ở nơi làm việc thì phải làm gì?', subject: 'bạo lực nơi làm việc' },
  { topic: 'harassment', cue: /\b(mang thai|co bau|co thai|bau bi)\b/, query: 'Công ty không nhận hoặc gây khó dễ vì tôi đang mang thai có phải phân biệt đối xử không?', subject: 'phân biệt đối xử vì mang thai' },
  { topic: 'harassment', query: 'Bị quản lý chửi mắng, xúc phạm thường xuyên thì phải làm sao?' },
  { topic: 'union', cue: /\b(chua co cong doan|khong co cong doan|ko co cong doan)\b/, query: 'Công ty chưa có công đoàn thì ai bảo vệ quyền lợi cho người lao động?', subject: 'nơi làm việc chưa có công đoàn' },
  { topic: 'union', query: 'Bị công ty gây khó dễ vì tham gia công đoàn thì có vi phạm không?' },
  { topic: 'dispute', cue: /\b(dinh cong|ngung viec|lan cong)\b/, query: 'Đình công thế nào thì mới đúng luật?', subject: 'đình công, ngừng việc tập thể' },
  { topic: 'dispute', query: 'Có tranh chấp với công ty thì giải quyết theo trình tự nào?' },
  { topic: 'living_conditions', cue: /\b(ky tuc|can tin|tru tien an|tru tien o)\b/, query: 'Công ty bắt ở ký túc xá, ăn căng tin rồi trừ tiền vào lương có đúng không?', subject: 'việc bị trừ tiền ăn ở vào lương' },
  { topic: 'living_conditions', query: 'Bữa ăn ca kém chất lượng thì người lao động kiến nghị thế nào?' },
];

/** The brief for a complaint on `topic`: the first entry whose cue the folded text carries, else the topic's default. */
export function pickConcernBrief(topic: Topic, text: string): ConcernBrief | null {
  const folded = ` ${foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const candidates = CONCERN_BRIEFS.filter((brief) => brief.topic === topic);
  return candidates.find((brief) => brief.cue?.test(folded)) ?? candidates.find((brief) => !brief.cue) ?? null;
}
