import type { LawArticle } from '../../core/knowledge/law.js';
import { isGarbled } from './answer-units.js';
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS, sourcePhrase, trimQuote } from './extractive-answer.js';
import { selectSources } from './source-selection.js';
import { createKeywordRetriever, SAMPLE_ARTICLES } from './testing/sample-law.js';

const retriever = createKeywordRetriever();
const selection = { minStrength: 0.2, relativeFloor: 0.6, maxSources: 3, maxPassagesPerSource: 2 };

describe('extractive answers', () => {
  it('quotes the best clause as "Theo khoản N Điều M <law>:"', () => {
    const sources = selectSources(retriever.search('làm thêm giờ ngày nghỉ lễ được trả bao nhiêu', { k: 5 }), selection);
    const { body, quoted } = composeExtractiveAnswer(sources);
    expect(body).toContain('Theo khoản 1 Điều 98 Bộ luật Lao động 2019: Người lao động làm thêm giờ');
    expect(body).toContain('300%');
    expect(quoted[0]?.articleNo).toBe('98');
  });

  it('follows a lead-in that ends with a colon with the clauses after it', () => {
    const sources = [{ article: SAMPLE_ARTICLES[1]!, passages: [{ clauseNo: null, text: 'Trường hợp phải ngừng việc, người lao động được trả lương như sau:' }] }];
    const { body } = composeExtractiveAnswer(sources);
    expect(body).toContain('Theo khoản 1 Điều 99 Bộ luật Lao động 2019: Trường hợp phải ngừng việc, người lao động được trả lương như sau: nếu do lỗi của người sử dụng lao động thì được trả đủ tiền lương');
  });

  it('trims long quotes at a clause boundary and keeps within the budget', () => {
    const long = `${'Người lao động được bảo vệ; '.repeat(40)}kết thúc.`;
    const trimmed = trimQuote(long, 200);
    expect(trimmed.length).toBeLessThanOrEqual(201);
    expect(trimmed.endsWith('…')).toBe(true);
    expect(trimmed).not.toMatch(/;…$/);
    const sources = [{ article: SAMPLE_ARTICLES[0]!, passages: [{ clauseNo: '1', text: long }] }];
    expect(composeExtractiveAnswer(sources, { charBudget: 300, maxArticles: 2, maxPassages: 3 }).body.length).toBeLessThan(450);
  });

  it('notes when the quoted document has expired', () => {
    const sources = [{ article: SAMPLE_ARTICLES[4]!, passages: [{ clauseNo: '1', text: SAMPLE_ARTICLES[4]!.text }] }];
    expect(composeExtractiveAnswer(sources).body).toContain('đã hết hiệu lực');
  });

  it('never quotes an expired code beside the in-force version that replaced it, even when it ranks first', () => {
    const base = SAMPLE_ARTICLES[0]!;
    const old2012 = { ...base, id: '10/2012/QH13#22', lawId: '10/2012/QH13', lawName: 'Bộ luật Lao động 2012', articleNo: '22', title: 'Loại hợp đồng lao động', text: '1. Hợp đồng lao động xác định thời hạn là hợp đồng có thời hạn từ đủ 12 tháng đến 36 tháng.', status: 'expired' as const };
    const current = { ...base, articleNo: '20', title: 'Loại hợp đồng lao động', text: '1. Hợp đồng lao động xác định thời hạn là hợp đồng có thời hạn không quá 36 tháng kể từ thời điểm có hiệu lực của hợp đồng.' };
    const sources = [old2012, current].map((article) => ({ article, passages: [{ clauseNo: '1', text: article.text }] }));
    const { body, quoted } = composeExtractiveAnswer(sources, DEFAULT_EXTRACTIVE_OPTIONS, 'hợp đồng có thời hạn dài nhất được mấy năm');
    expect(quoted.map((article) => article.lawId)).toEqual(['45/2019/QH14']);
    expect(body).not.toContain('2012');
    expect(body).not.toContain('đã hết hiệu lực');
    // An expired article of another law, with nothing in force of its own family, is still quoted with the note.
    const other = { ...old2012, lawName: 'Luật Công đoàn 2012', lawType: 'Luật' };
    const mixed = composeExtractiveAnswer([other, current].map((article) => ({ article, passages: [{ clauseNo: '1', text: article.text }] })), DEFAULT_EXTRACTIVE_OPTIONS, 'hợp đồng có thời hạn dài nhất được mấy năm');
    expect(mixed.quoted.map((article) => article.lawName)).toContain('Luật Công đoàn 2012');
  });

  it('states several points of one list under their lead-in once, says the list has more, and puts no "Có." before a which-question', () => {
    const text = [
      '1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:',
      'a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;',
      'b) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn từ 12 tháng đến 36 tháng;',
      '2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước trong trường hợp sau đây:',
      'a) Không được bố trí theo đúng công việc, địa điểm làm việc hoặc không được bảo đảm điều kiện làm việc theo thỏa thuận, trừ trường hợp quy định tại Điều 29 của Bộ luật này;',
      'b) Không được trả đủ lương hoặc trả lương không đúng thời hạn, trừ trường hợp quy định tại khoản 4 Điều 97 của Bộ luật này;',
      'c) Bị người sử dụng lao động ngược đãi, đánh đập hoặc có lời nói, hành vi nhục mạ, hành vi làm ảnh hưởng đến sức khỏe, nhân phẩm, danh dự; bị cưỡng bức lao động;',
      'd) Bị quấy rối tình dục tại nơi làm việc;',
      'đ) Lao động nữ mang thai phải nghỉ việc theo quy định tại khoản 1 Điều 138 của Bộ luật này;',
      'e) Đủ tuổi nghỉ hưu theo quy định tại Điều 169 của Bộ luật này, trừ trường hợp các bên có thỏa thuận khác;',
      'g) Người sử dụng lao động cung cấp thông tin không trung thực theo quy định tại khoản 1 Điều 16 của Bộ luật này làm ảnh hưởng đến việc thực hiện hợp đồng lao động.',
    ].join('\n');
    const article = { ...SAMPLE_ARTICLES[0]!, id: '45/2019/QH14#35', articleNo: '35', title: 'Quyền đơn phương chấm dứt hợp đồng lao động của người lao động', text };
    const question = 'Người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi không được trả lương, không được bố trí đúng công việc trong trường hợp nào?';
    const { body } = composeExtractiveAnswer([{ article, passages: [{ clauseNo: '2', text }] }], DEFAULT_EXTRACTIVE_OPTIONS, question);
    expect(body).not.toMatch(/^Có\./u);
    expect(body.match(/không cần báo trước trong trường hợp sau đây/gu)).toHaveLength(1);
    expect(body).toMatch(/^Theo khoản 2 Điều 35 [^\n]*trường hợp sau đây:\n- /u);
    expect(body).toContain('- Không được trả đủ lương');
    expect(body).toContain('(Khoản này còn nêu thêm các trường hợp khác.)');
    // A single point of the list quoted alone says the list has more too.
    const alone = composeExtractiveAnswer([{ article, passages: [{ clauseNo: '2', text }] }], { charBudget: 260, maxArticles: 2, maxPassages: 0 }, 'bị quấy rối tình dục tại nơi làm việc thì sao');
    expect(alone.body).toMatch(/^Theo khoản 2 Điều 35 [^\n]*quấy rối tình dục[^\n]*\n\(Khoản này còn nêu thêm các trường hợp khác\.\)$/u);
    // Asked whether, the same law still answers "Có." first.
    const whether = composeExtractiveAnswer([{ article, passages: [{ clauseNo: '2', text }] }], DEFAULT_EXTRACTIVE_OPTIONS, 'bị quấy rối tình dục thì người lao động có quyền nghỉ việc không cần báo trước không');
    expect(whether.body).toMatch(/^Có\. Theo khoản 2 Điều 35/u);
  });

  it('leads with the unit that answers the question, a figure when a figure is asked', () => {
    const sources = selectSources(retriever.search('làm thêm giờ ngày nghỉ lễ được trả bao nhiêu', { k: 5 }), selection);
    const { body } = composeExtractiveAnswer(sources, DEFAULT_EXTRACTIVE_OPTIONS, 'làm thêm giờ ngày nghỉ lễ được trả bao nhiêu');
    expect(body.split('\n\n')[0]).toMatch(/^Theo khoản \d+ Điều 98 [\s\S]*300%/);
  });

  it('never quotes a table or formula flattened into one line', () => {
    expect(isGarbled('Tiền lương giờ thực trả của Mức ít nhất 150% Tiền lương làm Số giờ làm = công việc đang làm vào x hoặc 200% hoặc x thêm giờ')).toBe(true);
    expect(isGarbled('Người lao động làm thêm giờ được trả lương ít nhất bằng 150%.')).toBe(false);
  });

  it('answers "có được … không" with "Không." when the article forbids it, the prohibiting title leading the clause', () => {
    const article = { ...SAMPLE_ARTICLES[0]!, articleNo: '17', title: 'Hành vi người sử dụng lao động không được làm khi giao kết, thực hiện hợp đồng lao động', text: '1. Giữ bản chính giấy tờ tùy thân, văn bằng, chứng chỉ của người lao động.\n2. Yêu cầu người lao động phải thực hiện biện pháp bảo đảm bằng tiền hoặc tài sản khác cho việc thực hiện hợp đồng lao động.' };
    const { body } = composeExtractiveAnswer([{ article, passages: [{ clauseNo: '1', text: '' }] }], DEFAULT_EXTRACTIVE_OPTIONS, 'công ty có được giữ bản chính giấy tờ tùy thân không');
    expect(body).toMatch(/^Không\. Theo khoản 1 Điều 17 Bộ luật Lao động 2019: Hành vi người sử dụng lao động không được làm .*: giữ bản chính giấy tờ tùy thân/);
  });

  it('phrases sources without a clause number', () => {
    expect(sourcePhrase(SAMPLE_ARTICLES[3]!, null)).toBe('Theo Điều 3 Nghị định 293/2025/NĐ-CP');
  });
});

describe('source selection', () => {
  it('drops hits far weaker than the best and orders clauses as the law does', () => {
    const hits = retriever.search('nghỉ hằng năm mấy ngày', { k: 5 });
    const sources = selectSources(hits, selection);
    expect(sources[0]?.article.articleNo).toBe('113');
    expect(sources.every((source) => source.article.status !== 'expired')).toBe(true);
    const clauses = sources[0]?.passages.map((passage) => passage.clauseNo);
    expect(clauses).toEqual([...(clauses ?? [])].sort());
  });
  it('states an article that only enumerates as one list under its title, every item, with the article as its source', () => {
    const text = ['1. Sổ lao động.', '2. Giấy xác nhận của nơi điều trị sau khi ra viện.', '3. Biên bản kết luận của hội đồng giám định.', '4. Đơn đề nghị theo mẫu của cơ quan bảo hiểm.'].join('\n');
    const article = { ...SAMPLE_ARTICLES[0]!, id: '84/2015/QH13#57', lawId: '84/2015/QH13', lawName: 'Luật An toàn, vệ sinh lao động 2015', lawType: 'Luật', articleNo: '57', title: 'Hồ sơ hưởng chế độ khi bị thương tại nơi làm việc', text };
    const { body } = composeExtractiveAnswer([{ article, passages: [] }], DEFAULT_EXTRACTIVE_OPTIONS, 'hồ sơ hưởng chế độ khi bị thương gồm những giấy tờ gì');
    expect(body.startsWith('Theo Điều 57 Luật An toàn, vệ sinh lao động 2015: Hồ sơ hưởng chế độ khi bị thương tại nơi làm việc:')).toBe(true);
    for (const item of ['Sổ lao động', 'Giấy xác nhận', 'Biên bản kết luận', 'Đơn đề nghị']) expect(body).toContain(`- ${item}`);
  });

  it('states whole a short list of which some points were chosen, not only those', () => {
    const text = [
      '1. Người lao động thuộc một trong các trường hợp sau đây được hỗ trợ trước khi đi làm việc ở nước ngoài theo hợp đồng:',
      'a) Người có công với cách mạng và thân nhân của họ;',
      'b) Người dân tộc thiểu số;',
      'c) Người thuộc hộ nghèo, hộ cận nghèo;',
      'd) Người có đất bị thu hồi;',
      'đ) Người đã hoàn thành nghĩa vụ quân sự;',
      'e) Thanh niên tình nguyện đã hoàn thành nhiệm vụ;',
      'g) Trí thức trẻ tình nguyện đã hoàn thành nhiệm vụ.',
      '2. Chế độ hỗ trợ bao gồm:',
      'a) Giáo dục định hướng trước khi đi làm việc ở nước ngoài theo hợp đồng;',
      'b) Đào tạo, bồi dưỡng kỹ năng nghề, ngoại ngữ theo yêu cầu của bên tiếp nhận lao động;',
      'c) Chi phí khác cho người lao động đi làm việc ở nước ngoài theo hợp đồng.',
    ].join('\n');
    const article = { ...SAMPLE_ARTICLES[0]!, id: '74/2025/QH15#14', lawId: '74/2025/QH15', lawName: 'Luật Việc làm 2025', lawType: 'Luật', articleNo: '14', title: 'Hỗ trợ người đi làm việc ở nước ngoài', text };
    const question = 'nhà em thuộc hộ nghèo, em muốn đi làm việc ở nước ngoài theo hợp đồng mà không có tiền học tiếng, nhà nước có hỗ trợ gì không';
    const { body } = composeExtractiveAnswer([{ article, passages: [] }], DEFAULT_EXTRACTIVE_OPTIONS, question);
    expect(body).toContain('- Đào tạo, bồi dưỡng kỹ năng nghề, ngoại ngữ');
    expect(body).not.toContain('còn nêu thêm');
  });

  it('says the article, not a clause, goes on when an enumerating article is quoted in part', () => {
    const filler = 'theo quy định của pháp luật về nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam và các văn bản hướng dẫn';
    const items = ['Giấy phép lao động hết thời hạn', 'Chấm dứt hợp đồng lao động', 'Giấy phép lao động bị thu hồi', 'Làm việc không đúng nội dung giấy phép', 'Đối tác phía Việt Nam chấm dứt hoạt động', 'Phía nước ngoài thôi cử lao động'];
    const text = items.map((item, i) => `${i + 1}. ${item} ${filler}.`).join('\n');
    const article = { ...SAMPLE_ARTICLES[0]!, id: '45/2019/QH14#156', articleNo: '156', title: 'Các trường hợp giấy phép lao động hết hiệu lực', text };
    const { body } = composeExtractiveAnswer([{ article, passages: [{ clauseNo: '1', text }] }], DEFAULT_EXTRACTIVE_OPTIONS, 'giấy phép lao động bị thu hồi thì còn hiệu lực không');
    expect(body).toContain('Giấy phép lao động bị thu hồi');
    expect(body).toContain('(Điều này còn nêu thêm các trường hợp khác.)');
    expect(body).not.toContain('Khoản này');
  });

  describe("the lead's whole clause (D-answers-39)", () => {
    // Made-up wording: a clause whose second paragraph says what the member gets.
    const text = [
      '1. Người lao động được tham gia hội đồng an toàn của cơ sở.',
      '2. Người sử dụng lao động không được điều chuyển người lao động đang khiếu nại sang công việc khác nếu chưa có ý kiến của tổ chức đại diện.',
      '3. Trường hợp người lao động bị điều chuyển trái quy định thì tổ chức đại diện có trách nhiệm yêu cầu người sử dụng lao động đưa người lao động trở lại công việc cũ, trừ trường hợp người lao động không đồng ý.\nTrường hợp không thể trở lại công việc cũ thì người lao động được hỗ trợ bằng tiền trong thời gian chờ việc theo quy chế của tổ chức đại diện.',
    ].join('\n');
    const article = { ...SAMPLE_ARTICLES[0]!, id: 'X#40', articleNo: '40', title: 'Bảo đảm cho người lao động khiếu nại', text };
    const sources = [{ article, passages: [{ clauseNo: '3', text }] }];

    it("states the paragraph after the lead's sentence, which another clause used to push out", () => {
      const { body } = composeExtractiveAnswer(sources, DEFAULT_EXTRACTIVE_OPTIONS, 'bị điều chuyển trái quy định, tổ chức đại diện có yêu cầu người sử dụng lao động đưa trở lại không');
      expect(body).toContain('Theo khoản 3 Điều 40 Bộ luật Lao động 2019: Trường hợp người lao động bị điều chuyển trái quy định');
      expect(body).toContain('không đồng ý. Trường hợp không thể trở lại công việc cũ thì người lao động được hỗ trợ bằng tiền');
      // Said once, in the lead: not again as a further unit.
      expect(body.match(/được hỗ trợ bằng tiền/gu)).toHaveLength(1);
    });

    it('keeps the ";" the law wrote between the pieces of a long clause', () => {
      const long = `1. Khi chậm trả lương vì lý do bất khả kháng thì không được chậm quá 30 ngày; nếu chậm từ 15 ngày trở lên thì người sử dụng lao động phải đền bù một khoản tiền ít nhất bằng tiền lãi của số tiền trả chậm ${'theo lãi suất huy động của ngân hàng nơi mở tài khoản, '.repeat(4)}công bố tại thời điểm trả lương.`;
      const wage = { ...SAMPLE_ARTICLES[0]!, id: 'X#97', articleNo: '97', title: 'Kỳ hạn trả lương', text: long };
      const { body } = composeExtractiveAnswer([{ article: wage, passages: [{ clauseNo: '1', text: long }] }], DEFAULT_EXTRACTIVE_OPTIONS, 'chậm trả lương bất khả kháng tối đa bao nhiêu ngày');
      expect(body).toContain('không được chậm quá 30 ngày; nếu chậm từ 15 ngày trở lên');
    });

    it('quotes only the lead sentence when the whole clause would take most of the budget', () => {
      const { body } = composeExtractiveAnswer(sources, { charBudget: 300, maxArticles: 2, maxPassages: 3 }, 'bị điều chuyển trái quy định, tổ chức đại diện có yêu cầu người sử dụng lao động đưa trở lại không');
      expect(body).toContain('trừ trường hợp người lao động không đồng ý');
      expect(body).not.toContain('không đồng ý. Trường hợp không thể');
    });
  });
});

describe('sentences of one khoản (D-answers-53)', () => {
  it('quotes the sentences of one khoản chosen apart once, not as two "Theo khoản 1" in a row', () => {
    const long = 'Người lao động sau khi điều trị ổn định thương tật do tai nạn lao động mà sức khỏe chưa phục hồi thì được nghỉ dưỡng sức, phục hồi sức khỏe từ 05 ngày đến 10 ngày cho một lần bị tai nạn lao động, bệnh nghề nghiệp, tính cả ngày nghỉ lễ, nghỉ Tết và ngày nghỉ hằng tuần theo quy định của pháp luật về lao động.';
    const article: LawArticle = {
      id: '84/2015/QH13#54',
      lawId: '84/2015/QH13',
      lawName: 'Luật An toàn, vệ sinh lao động 2015',
      lawType: 'Luật',
      articleNo: '54',
      title: 'Dưỡng sức, phục hồi sức khỏe sau khi điều trị thương tật, bệnh tật',
      text: `1. ${long} Số ngày nghỉ dưỡng sức do người sử dụng lao động và Ban chấp hành công đoàn cơ sở quyết định, tối đa 10 ngày đối với người bị suy giảm khả năng lao động từ 51% trở lên, tối đa 07 ngày đối với người suy giảm từ 31% đến 50%.\n2. Mức hưởng một ngày bằng 30% mức lương cơ sở.`,
      chapter: null,
      section: null,
      effectiveDate: '2016-07-01',
      status: 'in_force',
    };
    const { body } = composeExtractiveAnswer([{ article, passages: [] }], { charBudget: 900, maxArticles: 2, maxPassages: 3 }, 'bi tai nan giam dinh mat 35% suc lao dong thi duoc nghi duong suc nhieu nhat may ngay');
    expect(body.match(/Theo khoản 1 Điều 54/gu)?.length).toBe(1);
    expect(body).toContain('tối đa 07 ngày');
  });
});
