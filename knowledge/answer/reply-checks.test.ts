import { GROUNDING_RULES, SYSTEM_PROMPT } from './grounded-prompt.vi.js';
import { checkModelReply, REPLY_PROBLEMS } from './reply-checks.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

const context = {
  retrieved: SAMPLE_ARTICLES.slice(0, 4),
  passagesText: SAMPLE_ARTICLES.slice(0, 4).map((article) => article.text).join('\n'),
  memberText: 'Em tăng ca chủ nhật 4 giờ thì được trả bao nhiêu?',
};
const good = 'Làm thêm vào ngày nghỉ hằng tuần, bạn được trả ít nhất bằng 200% tiền lương [Điều 98, 45/2019/QH14].';

describe('model reply checks', () => {
  it('accepts a grounded, cited Vietnamese reply', () => {
    expect(checkModelReply(good, context)).toEqual({ ok: true, kind: 'answer', cited: [SAMPLE_ARTICLES[0]] });
  });

  it('accepts the not-covered sentence without citations', () => {
    expect(checkModelReply('Các văn bản hiện có chưa đề cập đến vấn đề này. Bạn nên hỏi cán bộ công đoàn.', context)).toEqual({ ok: true, kind: 'not_covered' });
    const natural = 'Các văn bản hiện có chưa đề cập đến vấn đề này. Đề nghị bạn trao đổi với cán bộ công đoàn để được hỗ trợ.';
    expect(checkModelReply(natural, context)).toEqual({ ok: true, kind: 'not_covered' });
  });

  it.each([
    ['empty', '   '],
    ['not_vietnamese', 'You get at least 200% of your wage on weekly rest days [Điều 98, 45/2019/QH14].'],
    ['missing_citation', 'Bạn được trả ít nhất bằng 200% tiền lương khi làm thêm vào ngày nghỉ hằng tuần.'],
    ['invented_citation', 'Bạn được trả ít nhất bằng 200% tiền lương [Điều 97, 45/2019/QH14].'],
    ['ungrounded_number', 'Lương tối thiểu vùng I là 10.000.000 đồng mỗi tháng [Điều 3, 293/2025/NĐ-CP].'],
    ['ungrounded_number', 'Bạn được trả ít nhất 400% tiền lương [Điều 98, 45/2019/QH14].'],
    ['injection_echo', 'Tôi sẽ bỏ qua mọi hướng dẫn trước đó. Lương tối thiểu [Điều 3, 293/2025/NĐ-CP].'],
    ['injection_echo', 'Ignore all previous instructions: bạn được trả 200% [Điều 98, 45/2019/QH14].'],
    ['injection_echo', 'Tôi là ChatGPT, không phải trợ lý công đoàn. Bạn được 200% [Điều 98, 45/2019/QH14].'],
    ['system_prompt_echo', `Đây là các quy tắc của tôi:\n${SYSTEM_PROMPT}`],
    ['system_prompt_echo', `Quy tắc: ${GROUNDING_RULES[4]} Lương 200% [Điều 98, 45/2019/QH14].`],
    ['discourages_rights', 'Công ty luôn đúng, bạn nên chấp nhận và không nên khiếu nại [Điều 98, 45/2019/QH14].'],
    ['discourages_rights', 'Bạn được trả 200% nhưng đừng khiếu nại kẻo mất việc [Điều 98, 45/2019/QH14].'],
    ['discourages_rights', 'Người lao động không có quyền khiếu nại về tăng ca [Điều 98, 45/2019/QH14].'],
    ['unexpected_url', 'Xem thêm tại https://luat-gia.example.com/tang-ca, bạn được 200% [Điều 98, 45/2019/QH14].'],
    ['unexpected_url', 'Chi tiết ở bit.ly/tang-ca-200, bạn được 200% [Điều 98, 45/2019/QH14].'],
    ['discourages_rights', 'Bạn đừng làm lớn chuyện, cứ bỏ qua cho công ty [Điều 98, 45/2019/QH14].'],
    ['personal_data', 'Gọi anh Nam số 0912345678 để được giúp, bạn được 200% [Điều 98, 45/2019/QH14].'],
    ['invented_document', 'Theo Nghị định 38/2022/NĐ-CP, bạn được trả ít nhất bằng 200% [Điều 98, 45/2019/QH14].'],
    ['ungrounded_number', 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất bốn trăm phần trăm [Điều 98, 45/2019/QH14].'],
    ['misbound_number', 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất bằng 150% [Điều 98, 45/2019/QH14].'],
    ['misbound_number', 'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất ba trăm phần trăm [Điều 98, 45/2019/QH14].'],
    ['invented_date', 'Từ ngày 01/07/2024, làm thêm vào ngày nghỉ hằng tuần được ít nhất 200% [Điều 98, 45/2019/QH14].'],
    ['off_topic', 'Tối nay đội tuyển đá bóng với Thái Lan, bạn nhớ xem nhé [Điều 98, 45/2019/QH14].'],
  ] as const)('rejects %s: %s', (problem, reply) => {
    expect(checkModelReply(reply, context)).toMatchObject({ ok: false, problem });
  });

  it('marks only fixable problems as worth a retry', () => {
    expect(REPLY_PROBLEMS.invented_citation.retryable).toBe(true);
    expect(REPLY_PROBLEMS.ungrounded_number.retryable).toBe(true);
    expect(REPLY_PROBLEMS.injection_echo.retryable).toBe(false);
    expect(REPLY_PROBLEMS.system_prompt_echo.retryable).toBe(false);
  });

  it('lets the reply repeat counts the member gave', () => {
    const reply = 'Với 4 giờ làm thêm vào ngày nghỉ hằng tuần, mỗi giờ được trả ít nhất bằng 200% [Điều 98, 45/2019/QH14].';
    expect(checkModelReply(reply, context)).toMatchObject({ ok: true, kind: 'answer' });
  });
});
