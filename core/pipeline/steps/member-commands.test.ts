import { createScriptedClassifier } from '../../../tests/support/scripted-classifier.js';
import type { KnowledgeService } from '../../knowledge/answer.js';
import type { ChannelId } from '../../messages/channels.js';
import type { InboundContent } from '../../messages/content.js';
import { DEFAULT_NLU_THRESHOLDS } from '../../nlu/thresholds.js';
import { silentLogger } from '../../ports/logger.js';
import { createUnitSearch } from '../../org/unit-search.js';
import type { MemberDirectory, RedeemLinkResult, UnitSummary } from '../../ports/member-directory.js';
import type { MemberPrivacy } from '../../ports/member-privacy.js';
import { ERASE_CHOICES } from '../privacy-replies.vi.js';
import { runTurn } from '../run-turn.js';
import type { TurnInput, TurnPorts } from '../turn.js';

/**
 * An in-memory MemberDirectory: this suite tests the pipeline step (what is answered, when the unit
 * question is asked); the SQL implementation has its own suite on both database backends.
 */
function memoryDirectory(options: { redeem?: RedeemLinkResult } = {}) {
  const unitsByCode = new Map<string, UnitSummary>([
    ['CDCS001', { id: 'u-1', code: 'CDCS001', name: 'Công đoàn cơ sở Công ty May Thăng Long' }],
    ['DTTL', { id: 'u-2', code: 'DTTL', name: 'CĐCS Công ty TNHH Điện tử Thăng Long' }],
    ['MSH', { id: 'u-3', code: 'MSH', name: 'CĐCS Công ty Cổ phần May Sông Hồng' }],
    ['GTT', { id: 'u-4', code: 'GTT', name: 'CĐCS Công ty TNHH Giày da Tân Thuận' }],
  ]);
  const provinces = { HN: { id: 'p-hn', code: 'HN', name: 'Liên đoàn Lao động thành phố Hà Nội' }, HCM: { id: 'p-hcm', code: 'HCM', name: 'Liên đoàn Lao động Thành phố Hồ Chí Minh' } };
  const provinceOf: Record<string, string> = { 'u-1': 'p-hn', 'u-2': 'p-hn', 'u-3': 'p-hn', 'u-4': 'p-hcm' };
  const search = createUnitSearch([
    ...Object.values(provinces).map((p) => ({ ...p, level: 'province_or_sector' as const, provinceId: p.id })),
    ...[...unitsByCode.values()].map((u) => ({ ...u, level: 'grassroots' as const, provinceId: provinceOf[u.id] ?? null })),
  ]);
  let intake: UnitSummary = { id: 'u-top', code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam' };
  const memberUnits = new Map<string, UnitSummary>();
  const prompts = new Map<string, string>();
  const calls: string[] = [];
  const directory: MemberDirectory = {
    async unitOf(memberId) {
      return memberUnits.get(memberId) ?? null;
    },
    async findUnitByCode(code) {
      return unitsByCode.get(code.toUpperCase()) ?? null;
    },
    async setUnitByCode(memberId, code) {
      calls.push(`setUnit ${code}`);
      const unit = unitsByCode.get(code.toUpperCase());
      if (!unit) return { status: 'not_found' };
      const changed = memberUnits.get(memberId)?.id !== unit.id;
      memberUnits.set(memberId, unit);
      return { status: changed ? 'set' : 'unchanged', unit };
    },
    async createLinkCode({ now }) {
      calls.push('createLinkCode');
      return { code: '482913', expiresAt: new Date(now.getTime() + 600_000) };
    },
    async redeemLinkCode({ code }) {
      calls.push(`redeem ${code}`);
      return options.redeem ?? { status: 'invalid' };
    },
    async undoLink() {
      return { status: 'not_found' };
    },
    async claimUnitCodePrompt(memberId, requestId) {
      const previous = prompts.get(memberId);
      if (!previous) prompts.set(memberId, requestId);
      return !previous || previous === requestId;
    },
    async unitPromptAskedAt(memberId) {
      return prompts.has(memberId) ? new Date('2026-03-02T07:00:00Z') : null;
    },
    async searchUnits(text) {
      const result = search.search(text);
      const summary = (u: { id: string; code: string; name: string }) => ({ id: u.id, code: u.code, name: u.name });
      return { matches: result.matches.map((m) => summary(m.unit)), bestCoverage: result.matches[0]?.queryCoverage ?? 0, province: result.province ? summary(result.province) : null, namedSomething: result.namedSomething };
    },
    async routeWithoutUnit(_memberId, provinceUnitId) {
      calls.push(`route ${provinceUnitId ?? '-'}`);
      if (provinceUnitId) intake = Object.values(provinces).find((p) => p.id === provinceUnitId) ?? intake;
      return intake;
    },
  };
  return { directory, calls };
}

const classifier = createScriptedClassifier({ 'lương tối thiểu vùng 1': { route: 'question', topic: 'wages' } });
const knowledge: KnowledgeService = { answer: async (q) => ({ kind: 'legal', text: `Trả lời: ${q.text}`, citations: [], confidence: 0.9, composer: 'extractive' }) };
const ports = (directory: MemberDirectory): TurnPorts => ({ classifier, knowledge, clock: { now: () => new Date('2026-03-02T08:00:00Z') }, logger: silentLogger, thresholds: DEFAULT_NLU_THRESHOLDS, memberDirectory: directory });

function input(content: InboundContent | string, options: { channel?: ChannelId; unitId?: string | null; state?: TurnInput['conversation']['state']; messageId?: string; lastBotReply?: TurnInput['lastBotReply'] } = {}): TurnInput {
  return {
    message: { id: options.messageId ?? 'msg-1', platformMessageId: 'p1', content: typeof content === 'string' ? { type: 'text', text: content } : content, receivedAt: new Date() },
    conversation: { id: 'c1', channel: options.channel ?? 'telegram', state: options.state ?? 'bot', version: 0, lowConfidenceStreak: 0 },
    member: { id: 'member-1', unitId: options.unitId ?? null },
    lastBotReply: options.lastBotReply ?? null,
  };
}

/** Records erasure requests; the summary is fixed (the SQL side has its own suite on both backends). */
function memoryPrivacy() {
  const erasures: string[] = [];
  const privacy: MemberPrivacy = {
    async summarize() {
      return {
        unitName: 'CĐCS Công ty TNHH Điện tử Thăng Long',
        channels: ['zalo', 'telegram'],
        since: new Date('2026-01-05T02:00:00Z'),
        conversations: 2,
        messages: 14,
        retentionMonths: 24,
        accesses: [{ at: new Date('2026-03-01T07:30:00Z'), who: 'Nguyễn Thị Hoa', role: 'officer', unitName: 'CĐCS Điện tử Thăng Long', whatVi: 'xem cuộc trò chuyện của bạn' }],
        exportUrl: 'https://congdoan.example/privacy/export?token=abc',
        exportValidHours: 24,
      };
    },
    async requestErasure({ memberId, messageId }) {
      erasures.push(`${memberId} ${messageId}`);
    },
  };
  return { privacy, erasures };
}
const erasePrompt: TurnInput['lastBotReply'] = { kind: 'system', choices: ERASE_CHOICES };
const texts = (outcome: Awaited<ReturnType<typeof runTurn>>) => outcome.replies.map((r) => (r.content.type === 'text' ? r.content.text : ''));

describe('member commands step', () => {
  it('greets /start CODE and confirms the union', async () => {
    const { directory } = memoryDirectory();
    const outcome = await runTurn(input('/start CDCS001'), ports(directory));
    expect(outcome.nlu).toBeNull();
    expect(texts(outcome)).toHaveLength(1);
    expect(texts(outcome)[0]).toMatch(/^Chào bạn! Mình là trợ lý/);
    expect(texts(outcome)[0]).toContain('Mình đã ghi nhận bạn là đoàn viên của Công đoàn cơ sở Công ty May Thăng Long (mã CDCS001)');
  });

  it('says plainly when a code is unknown and how to try again', async () => {
    const { directory } = memoryDirectory();
    const outcome = await runTurn(input('/donvi XYZ999'), ports(directory));
    expect(texts(outcome)[0]).toContain('chưa tìm thấy công đoàn cơ sở nào có mã XYZ999');
    expect(texts(outcome)[0]).toContain('/donvi MÃ_CÔNG_ĐOÀN');
  });

  it('gives a link code for /lienket and reports each redeem outcome in Vietnamese', async () => {
    const { directory } = memoryDirectory();
    expect(texts(await runTurn(input('/lienket'), ports(directory)))[0]).toContain('Mã liên kết của bạn là: 482913 (có hiệu lực trong 10 phút');
    expect(texts(await runTurn(input('/lienket 111111'), ports(directory)))[0]).toContain('không đúng hoặc đã được dùng');
    const linked = memoryDirectory({ redeem: { status: 'linked', unit: null, channels: ['telegram', 'zalo'] } });
    expect(texts(await runTurn(input('/lienket 482913'), ports(linked.directory)))[0]).toBe(
      'Đã liên kết thành công! Từ nay mình nhận ra bạn trên Telegram, Zalo là cùng một người, lịch sử trò chuyện được giữ nguyên.',
    );
  });

  it('shows what is stored, who read it, and how to get a copy or erase it', async () => {
    const { directory } = memoryDirectory();
    const { privacy } = memoryPrivacy();
    const outcome = await runTurn(input('xem dữ liệu của tôi', { state: 'officer' }), { ...ports(directory), memberPrivacy: privacy });
    expect(outcome.nlu).toBeNull();
    const [reply] = texts(outcome);
    expect(reply).toContain('• Kênh đã dùng: Zalo, Telegram');
    expect(reply).toContain('• Tin nhắn: 14 tin trong 2 cuộc trò chuyện');
    expect(reply).toContain('Tin nhắn được lưu tối đa 24 tháng');
    // 07:30 UTC is 14:30 in Vietnam.
    expect(reply).toContain('• 14:30 01/03/2026 — Nguyễn Thị Hoa (cán bộ, CĐCS Điện tử Thăng Long) đã xem cuộc trò chuyện của bạn');
    expect(reply).toContain('Tải bản sao đầy đủ (tệp JSON, hiệu lực 24 giờ): https://congdoan.example/privacy/export?token=abc');
    expect(reply).toContain('/xoadulieu');
  });

  it('asks before erasing, erases on the answer to that question only, and cancels on no', async () => {
    const { directory } = memoryDirectory();
    const { privacy, erasures } = memoryPrivacy();
    const withPrivacy = { ...ports(directory), memberPrivacy: privacy };
    const asked = await runTurn(input('/xoadulieu'), withPrivacy);
    expect(asked.replies[0]?.content).toMatchObject({ type: 'choices', choices: ERASE_CHOICES });
    expect(erasures).toEqual([]);

    // A stale button (the question is not the last thing the bot said) asks again instead of erasing.
    const stale = await runTurn(input({ type: 'postback', payload: 'privacy:erase:confirm' }), withPrivacy);
    expect(texts(stale)[0]).toContain('Nút này đã cũ');
    expect(erasures).toEqual([]);

    expect(texts(await runTurn(input('không', { lastBotReply: erasePrompt }), withPrivacy))[0]).toContain('Đã huỷ');
    expect(texts(await runTurn(input({ type: 'postback', payload: 'privacy:erase:cancel' }), withPrivacy))[0]).toContain('Đã huỷ');
    expect(erasures).toEqual([]);

    const confirmed = await runTurn(input({ type: 'postback', payload: 'privacy:erase:confirm' }, { lastBotReply: erasePrompt, messageId: 'msg-9' }), withPrivacy);
    expect(texts(confirmed)[0]).toContain('Dữ liệu của bạn sẽ được xoá trong ít phút nữa');
    expect(confirmed.notes.erasureRequested).toBe(true);
    // On a channel without buttons the member types the number.
    await runTurn(input('1', { lastBotReply: erasePrompt, messageId: 'msg-10' }), withPrivacy);
    expect(erasures).toEqual(['member-1 msg-9', 'member-1 msg-10']);
    // "1" after any other question is not an erasure.
    await runTurn(input('1', { lastBotReply: { kind: 'handoff_offer', choices: [{ title: 'Gặp cán bộ', payload: 'handoff:accept' }] }, messageId: 'msg-11' }), withPrivacy);
    expect(erasures).toHaveLength(2);
  });

  it('says the data requests are unavailable when the deployment has no privacy port', async () => {
    const { directory } = memoryDirectory();
    expect(texts(await runTurn(input('/taidulieu'), ports(directory)))[0]).toContain('chưa thực hiện được yêu cầu này');
    expect(texts(await runTurn(input('/xoadulieu'), ports(directory)))[0]).toContain('chưa thực hiện được yêu cầu này');
  });

  it('works while an officer owns the conversation (a request to the system, not to the bot)', async () => {
    const { directory } = memoryDirectory();
    const outcome = await runTurn(input('/donvi CDCS001', { state: 'officer' }), ports(directory));
    expect(outcome.silentReason).toBeNull();
    expect(texts(outcome)[0]).toContain('CDCS001');
  });

  it('asks a new Zalo member for the union code once, before the answer', async () => {
    const { directory } = memoryDirectory();
    const first = await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo' }), ports(directory));
    expect(first.replies.map((r) => r.kind)).toEqual(['system', 'answer']);
    expect(texts(first)[0]).toContain('nhắn mã công đoàn');
    expect(texts(first)[0]).toContain('tên công ty và tỉnh/thành');
    // The same turn computed again (a version conflict) asks again; a later message does not.
    expect((await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo' }), ports(directory))).replies).toHaveLength(2);
    const later = await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo', messageId: 'msg-2' }), ports(directory));
    expect(later.replies.map((r) => r.kind)).toEqual(['answer']);
  });

  it('does not ask on other channels, in officer mode, or when the member has a union', async () => {
    const { directory } = memoryDirectory();
    expect((await runTurn(input('lương tối thiểu vùng 1', { channel: 'telegram' }), ports(directory))).replies).toHaveLength(1);
    // In officer mode the only reply is the officer-mode acknowledgement, not the union question.
    expect((await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo', state: 'officer' }), ports(directory))).replies.map((r) => r.kind)).toEqual(['acknowledge']);
    expect((await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo', unitId: 'u-1' }), ports(directory))).replies).toHaveLength(1);
  });

  it('takes a lone code from a member without a union as the answer to the question', async () => {
    const { directory, calls } = memoryDirectory();
    const outcome = await runTurn(input('cdcs001', { channel: 'zalo' }), ports(directory));
    expect(calls).toEqual(['setUnit CDCS001']);
    expect(texts(outcome)[0]).toContain('Công ty May Thăng Long');
    // With a union already, the same token is just a message for the assistant.
    const again = memoryDirectory();
    await runTurn(input('cdcs001', { channel: 'zalo', unitId: 'u-1' }), ports(again.directory));
    expect(again.calls).toEqual([]);
  });

  it('takes a letters-only code (DTTL) or a pasted join link, but not an ordinary word', async () => {
    const bare = memoryDirectory();
    expect(texts(await runTurn(input('DTTL', { channel: 'zalo' }), ports(bare.directory)))[0]).toContain('Điện tử Thăng Long');
    const link = memoryDirectory();
    expect(texts(await runTurn(input('https://congdoan.vn/chat?unit=dttl', { channel: 'zalo' }), ports(link.directory)))[0]).toContain('(mã DTTL)');
    const word = memoryDirectory();
    const outcome = await runTurn(input('alo', { channel: 'zalo' }), ports(word.directory));
    expect(word.calls).toEqual([]);
    expect(outcome.notes.memberCommand).toBeUndefined();
  });

  it('says what became of the link code: a wrong code, or a union the member chose before', async () => {
    const { directory } = memoryDirectory();
    const wrong = input('lương tối thiểu vùng 1', { channel: 'web' });
    wrong.message.join = { code: 'ZZZZ', status: 'not_found' };
    expect(texts(await runTurn(wrong, ports(directory)))[0]).toContain('Mã công đoàn ZZZZ trong đường liên kết bạn vừa mở không đúng');
    const kept = input('lương tối thiểu vùng 1', { channel: 'web', unitId: 'u-2' });
    kept.message.join = { code: 'CDCS001', status: 'kept', unit: { id: 'u-1', code: 'CDCS001', name: 'CĐCS May' }, current: { id: 'u-2', code: 'DTTL', name: 'CĐCS Điện tử' } };
    const keptTexts = texts(await runTurn(kept, ports(directory)));
    expect(keptTexts[0]).toContain('Bạn đang là đoàn viên của CĐCS Điện tử (mã DTTL)');
    expect(keptTexts[0]).toContain('/donvi CDCS001');
    expect(keptTexts).toHaveLength(2);
  });

  it('does nothing without a directory (commands off)', async () => {
    const outcome = await runTurn(input('/donvi CDCS001'), { ...ports(memoryDirectory().directory), memberDirectory: undefined });
    expect(outcome.notes.memberCommand).toBeUndefined();
  });

  describe('finding the union by company name and province', () => {
    const choicesOf = (outcome: Awaited<ReturnType<typeof runTurn>>) => {
      const last = outcome.replies.at(-1)?.content;
      return last?.type === 'choices' ? last.choices : [];
    };

    it('offers the matching unions as buttons after the question was asked, and confirms the one tapped', async () => {
      const { directory, calls } = memoryDirectory();
      await runTurn(input('lương tối thiểu vùng 1', { channel: 'zalo' }), ports(directory));
      const offer = await runTurn(input('cty may song hong, ha noi', { channel: 'zalo', messageId: 'msg-2' }), ports(directory));
      expect(offer.nlu).toBeNull();
      expect(offer.replies).toHaveLength(1);
      expect(choicesOf(offer)).toEqual([
        { title: 'Công ty Cổ phần May Sông Hồng', payload: 'unit:pick:MSH' },
        { title: 'Không có đơn vị của tôi', payload: 'unit:none' },
      ]);
      // Until the member confirms, their messages go to the province they named.
      expect(calls).toContain('route p-hn');
      const picked = await runTurn(input({ type: 'postback', payload: 'unit:pick:MSH', text: 'Công ty Cổ phần May Sông Hồng' }, { channel: 'zalo', messageId: 'msg-3' }), ports(directory));
      expect(texts(picked)[0]).toContain('Mình đã ghi nhận bạn là đoàn viên của CĐCS Công ty Cổ phần May Sông Hồng (mã MSH)');
      expect(calls).toContain('setUnit MSH');
    });

    it('reads the time the question was asked from the turn input when the store loaded it (no lookup of its own)', async () => {
      const { directory } = memoryDirectory();
      directory.unitPromptAskedAt = () => Promise.reject(new Error('looked up although loaded with the turn'));
      const asked = { ...input('cty may song hong, ha noi', { channel: 'zalo' }) };
      asked.member = { ...asked.member, unitPromptAskedAt: new Date('2026-03-02T07:00:00Z') };
      expect(choicesOf(await runTurn(asked, ports(directory)))[0]?.payload).toBe('unit:pick:MSH');
      // Never asked (null, not absent): a name without a company word is not taken as the answer.
      const unasked = { ...input('may song hong', { channel: 'zalo', messageId: 'msg-2' }) };
      unasked.member = { ...unasked.member, unitPromptAskedAt: null };
      expect(choicesOf(await runTurn(unasked, ports(directory))).map((choice) => choice.payload)).not.toContain('unit:pick:MSH');
    });

    it('takes the number of a choice on a channel without buttons', async () => {
      const { directory, calls } = memoryDirectory();
      const offer = await runTurn(input('em làm ở công ty giày da tân thuận sài gòn'), ports(directory));
      const choices = choicesOf(offer);
      expect(choices[0]?.payload).toBe('unit:pick:GTT');
      const numbered = { ...input('1', { messageId: 'msg-2' }), lastBotReply: { kind: 'system' as const, choices } };
      expect(texts(await runTurn(numbered, ports(directory)))[0]).toContain('(mã GTT)');
      expect(calls).toEqual(['route p-hcm', 'setUnit GTT']);
    });

    it('says where questions go when none of the unions is theirs', async () => {
      const { directory } = memoryDirectory();
      await runTurn(input('công ty giày da tân thuận, tp hcm'), ports(directory));
      const none = await runTurn(input({ type: 'postback', payload: 'unit:none', text: 'Không có đơn vị của tôi' }, { messageId: 'msg-2' }), ports(directory));
      expect(texts(none)[0]).toBe(
        'Không sao cả. Trong lúc chưa tìm được công đoàn cơ sở, câu hỏi và phản ánh của bạn sẽ được chuyển tới Liên đoàn Lao động Thành phố Hồ Chí Minh để cán bộ hỗ trợ. Khi biết mã công đoàn, bạn nhắn /donvi MÃ để mình ghi nhận nhé.',
      );
    });

    it('still answers a complaint that names the company, with the offer after the answer', async () => {
      const { directory } = memoryDirectory();
      const complaintClassifier = createScriptedClassifier({ 'công ty may sông hồng nợ lương': { route: 'feedback', topic: 'wage_arrears', sentiment: 'negative' } });
      const outcome = await runTurn(input('công ty may sông hồng nợ lương'), { ...ports(directory), classifier: complaintClassifier });
      expect(outcome.nlu?.route).toBe('feedback');
      expect(outcome.replies.length).toBeGreaterThan(1);
      expect(outcome.replies[0]?.kind).not.toBe('system');
      expect(choicesOf(outcome)[0]?.payload).toBe('unit:pick:MSH');
    });

    it('says kindly when nothing matches a company answer, and leaves questions and members with a union alone', async () => {
      const { directory } = memoryDirectory();
      const notFound = await runTurn(input('công ty TNHH Bánh kẹo Hải Hà, Hà Nội'), ports(directory));
      expect(texts(notFound)[0]).toBe(
        'Mình chưa tìm thấy công đoàn cơ sở nào thuộc Liên đoàn Lao động thành phố Hà Nội có tên như bạn nhắn. Bạn thử nhắn tên công ty đầy đủ hơn, hoặc mã công đoàn nếu có nhé. Trong lúc đó, câu hỏi và phản ánh của bạn vẫn được chuyển tới Liên đoàn Lao động thành phố Hà Nội để cán bộ hỗ trợ.',
      );
      const offered = (outcome: Awaited<ReturnType<typeof runTurn>>) => choicesOf(outcome).some((c) => c.payload.startsWith('unit:'));
      expect(offered(await runTurn(input('công ty may sông hồng có công đoàn không?'), ports(directory)))).toBe(false);
      expect(offered(await runTurn(input('công ty may sông hồng', { unitId: 'u-1' }), ports(directory)))).toBe(false);
      // Unasked and without a word like "công ty", a short text is the assistant's.
      expect(offered(await runTurn(input('may sông hồng'), ports(directory)))).toBe(false);
    });
  });
});
