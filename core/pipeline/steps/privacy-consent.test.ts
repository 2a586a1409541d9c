import { createScriptedClassifier } from '../../../tests/support/scripted-classifier.js';
import type { KnowledgeService } from '../../knowledge/answer.js';
import type { ChannelId } from '../../messages/channels.js';
import { DEFAULT_NLU_THRESHOLDS } from '../../nlu/thresholds.js';
import { silentLogger } from '../../ports/logger.js';
import type { ConsentState } from '../../privacy/consent.js';
import { CONSENT_PAYLOADS, HANDOFF_CONSENT_CHOICES, CONSENT_CHOICES } from '../consent-replies.vi.js';
import { runTurn } from '../run-turn.js';
import type { TurnInput, TurnPorts } from '../turn.js';

const classifier = createScriptedClassifier({
  'lương tối thiểu vùng 1 là bao nhiêu': { route: 'question', topic: 'wages' },
  'cho em gặp cán bộ': { route: 'handoff' },
  'xin chào': { route: 'smalltalk' },
});
const knowledge: KnowledgeService = { answer: async () => ({ kind: 'legal', text: 'Vùng I: 4.960.000 đồng/tháng.', citations: [], confidence: 0.9, composer: 'extractive' }) };
const NOW = new Date('2026-12-03T09:00:00Z');
const notice = { version: 'v-test', url: 'https://congdoan.example/quyen-rieng-tu', retentionMonths: 24 };

function ports(extra: Partial<TurnPorts> = {}): TurnPorts {
  return { classifier, knowledge, clock: { now: () => NOW }, logger: silentLogger, thresholds: DEFAULT_NLU_THRESHOLDS, privacyNotice: notice, ...extra };
}

function input(
  content: TurnInput['message']['content'],
  member: { consent?: ConsentState; consentVersion?: string | null; consentAt?: Date | null; consentAskedAt?: Date | null } = {},
  lastBotReply: TurnInput['lastBotReply'] = null,
  channel: ChannelId = 'web',
): TurnInput {
  return {
    message: { id: 'm1', platformMessageId: 'p1', content, receivedAt: NOW },
    conversation: { id: 'c1', channel, state: 'bot', version: 0, lowConfidenceStreak: 0 },
    member: { id: 'u1', unitId: null, ...member },
    lastBotReply,
  };
}
const text = (value: string) => ({ type: 'text' as const, text: value });
const noticeAsked = { kind: 'system' as const, choices: CONSENT_CHOICES };

describe('privacy notice and consent (Law 91/2025/QH15)', () => {
  it('answers the first question, then shows the short notice with its link and two choices, last', async () => {
    const outcome = await runTurn(input(text('lương tối thiểu vùng 1 là bao nhiêu')), ports());
    expect(outcome.replies).toHaveLength(2);
    expect(outcome.replies[0]?.kind).toBe('answer');
    const last = outcome.replies[1];
    expect(last?.content).toMatchObject({ type: 'choices', choices: CONSENT_CHOICES });
    expect(JSON.stringify(last?.content)).toContain('https://congdoan.example/quyen-rieng-tu');
    expect(JSON.stringify(last?.content)).toContain('tối đa 24 tháng');
    expect(outcome.consentAsked).toBe(true);
    // Not consented yet: the turn keeps only the minimum.
    expect(outcome.anonymous).toBe(true);
  });

  it('does not show it again within the day, nor to a member who answered', async () => {
    const recently = await runTurn(input(text('xin chào'), { consentAskedAt: new Date(NOW.getTime() - 3_600_000) }), ports());
    expect(recently.replies).toHaveLength(1);
    expect(recently.anonymous).toBe(true);
    const nextDay = await runTurn(input(text('xin chào'), { consentAskedAt: new Date(NOW.getTime() - 25 * 3_600_000) }), ports());
    expect(nextDay.consentAsked).toBe(true);
    const refused = await runTurn(input(text('xin chào'), { consent: 'refused' }), ports());
    expect(refused.replies).toHaveLength(1);
    expect(refused.anonymous).toBe(true);
    const granted = await runTurn(input(text('xin chào'), { consent: 'granted' }), ports());
    expect(granted.replies).toHaveLength(1);
    expect(granted.anonymous).toBe(false);
  });

  it.each([
    ['the button', { type: 'postback' as const, payload: CONSENT_PAYLOADS.grant }, noticeAsked],
    ['its number', text('1'), noticeAsked],
    ['a short yes', text('dong y'), noticeAsked],
    ['"ok" right after the notice', text('ok'), noticeAsked],
    ['an explicit phrase at any time', text('Tôi đồng ý cho lưu dữ liệu'), null],
    ['/dongy', text('/dongy'), null],
  ])('records consent given by %s, with the notice version', async (_how, content, last) => {
    const outcome = await runTurn(input(content, {}, last), ports());
    expect(outcome.consent).toEqual({ decision: 'granted', noticeVersion: 'v-test' });
    expect(outcome.replies).toHaveLength(1);
    expect(JSON.stringify(outcome.replies[0]?.content)).toContain('Cảm ơn bạn đã đồng ý');
    expect(outcome.anonymous).toBe(false);
  });

  it.each([
    ['the button', { type: 'postback' as const, payload: CONSENT_PAYLOADS.refuse }, noticeAsked],
    ['its number', text('2'), noticeAsked],
    ['"ko đồng ý"', text('ko đồng ý'), noticeAsked],
    ['/tuchoi at any time', text('/tuchoi'), null],
  ])('records a refusal given by %s and says what it means', async (_how, content, last) => {
    const outcome = await runTurn(input(content, {}, last), ports());
    expect(outcome.consent).toEqual({ decision: 'refused', noticeVersion: 'v-test' });
    expect(JSON.stringify(outcome.replies[0]?.content)).toContain('không lưu lời nhắn');
    expect(outcome.anonymous).toBe(true);
  });

  it('lets a member who refused change their mind with a plain "đồng ý" later', async () => {
    const afterAnswer = { kind: 'answer' as const, choices: [] };
    const outcome = await runTurn(input(text('đồng ý'), { consent: 'refused' }, afterAnswer), ports());
    expect(outcome.consent).toEqual({ decision: 'granted', noticeVersion: 'v-test' });
  });

  it('takes "1" for the notice only right after it', async () => {
    const outcome = await runTurn(input(text('1'), {}, { kind: 'clarify', choices: [{ title: 'Lương', payload: 'x' }] }), ports());
    expect(outcome.consent).toBeNull();
  });

  it('asks for consent before an ordinary hand-off, and "Đồng ý và gặp cán bộ" carries it out', async () => {
    const asked = await runTurn(input(text('cho em gặp cán bộ')), ports());
    expect(asked.event).toBeNull();
    expect(asked.replies).toHaveLength(1);
    expect(asked.replies[0]?.content).toMatchObject({ type: 'choices', choices: HANDOFF_CONSENT_CHOICES });
    const accepted = await runTurn(input({ type: 'postback', payload: CONSENT_PAYLOADS.grantHandoff }, {}, { kind: 'system', choices: HANDOFF_CONSENT_CHOICES }), ports());
    expect(accepted.consent?.decision).toBe('granted');
    expect(accepted.event).toEqual({ type: 'request_handoff' });
    expect(accepted.replies.map((reply) => reply.kind)).toEqual(['system', 'handoff']);
  });

  it('handles a crisis whatever the consent: hotline, urgent hand-off, the words kept, no notice', async () => {
    for (const consent of ['unknown', 'refused'] as const) {
      const outcome = await runTurn(input(text('ko mún sống nữa'), { consent }), ports());
      expect(outcome.event).toEqual({ type: 'request_handoff', urgent: true });
      expect(JSON.stringify(outcome.replies)).toContain('115');
      expect(outcome.replies).toHaveLength(1);
      expect(outcome.anonymous).toBe(false);
    }
  });

  it('asks for the union on Zalo only once consent is given, never together with the notice', async () => {
    const claims: string[] = [];
    const directory = {
      claimUnitCodePrompt: async (memberId: string) => {
        claims.push(memberId);
        return true;
      },
    } as unknown as NonNullable<TurnPorts['memberDirectory']>;
    const first = await runTurn(input(text('lương tối thiểu vùng 1 là bao nhiêu'), {}, null, 'zalo'), ports({ memberDirectory: directory }));
    expect(first.replies.map((reply) => reply.kind)).toEqual(['answer', 'system']);
    expect(JSON.stringify(first.replies)).not.toContain('mã công đoàn');
    expect(claims).toEqual([]);
    const consented = await runTurn(input(text('1'), {}, noticeAsked, 'zalo'), ports({ memberDirectory: directory }));
    expect(JSON.stringify(consented.replies)).toContain('mã công đoàn');
    expect(claims).toEqual(['u1']);
  });

  it('is off without a notice port (PRIVACY_CONSENT=off) and on the operators\' CLI channel', async () => {
    const off = await runTurn(input(text('lương tối thiểu vùng 1 là bao nhiêu')), { ...ports(), privacyNotice: undefined });
    expect(off.replies).toHaveLength(1);
    expect(off.anonymous).toBe(false);
    const cli = await runTurn(input(text('lương tối thiểu vùng 1 là bao nhiêu'), {}, null, 'cli'), ports());
    expect(cli.replies).toHaveLength(1);
  });

  describe('a new notice version (D-privacy-5)', () => {
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    // Agreed to the old notice an hour ago, right after it was shown: the new one is asked at once all the same.
    const agreedToOld = { consent: 'granted' as const, consentVersion: 'v-old', consentAt: hoursAgo(1), consentAskedAt: hoursAgo(1.1) };

    it('answers first, then shows the new notice saying it changed; the turn keeps only the minimum until the answer', async () => {
      const outcome = await runTurn(input(text('lương tối thiểu vùng 1 là bao nhiêu'), agreedToOld), ports());
      expect(outcome.replies).toHaveLength(2);
      expect(outcome.replies[0]?.kind).toBe('answer');
      expect(outcome.replies[1]?.content).toMatchObject({ type: 'choices', choices: CONSENT_CHOICES });
      expect(JSON.stringify(outcome.replies[1]?.content)).toContain('cập nhật thông báo về dữ liệu cá nhân');
      expect(outcome.consentAsked).toBe(true);
      expect(outcome.anonymous).toBe(true);
    });

    it('once shown, it is repeated at most once a day, as for a member who has not answered', async () => {
      const shownAfterTheOldAnswer = { ...agreedToOld, consentAskedAt: hoursAgo(0.5) };
      const again = await runTurn(input(text('xin chào'), shownAfterTheOldAnswer), ports());
      expect(again.replies).toHaveLength(1);
      expect(again.anonymous).toBe(true);
      const nextDay = await runTurn(input(text('xin chào'), { ...agreedToOld, consentAt: hoursAgo(30), consentAskedAt: hoursAgo(25) }), ports());
      expect(nextDay.consentAsked).toBe(true);
    });

    it('records the answer with the new version; a hand-off asks for consent first', async () => {
      const granted = await runTurn(input(text('1'), agreedToOld, noticeAsked), ports());
      expect(granted.consent).toEqual({ decision: 'granted', noticeVersion: 'v-test' });
      expect(JSON.stringify(granted.replies)).toContain('Cảm ơn bạn đã đồng ý');
      const refused = await runTurn(input(text('2'), agreedToOld, noticeAsked), ports());
      expect(refused.consent).toEqual({ decision: 'refused', noticeVersion: 'v-test' });
      const handoff = await runTurn(input(text('cho em gặp cán bộ'), agreedToOld), ports());
      expect(handoff.replies.at(-1)?.content).toMatchObject({ type: 'choices', choices: HANDOFF_CONSENT_CHOICES });
    });

    it('leaves alone a consent to the current version and a refusal of an older one', async () => {
      const current = await runTurn(input(text('xin chào'), { ...agreedToOld, consentVersion: 'v-test' }), ports());
      expect(current.replies).toHaveLength(1);
      expect(current.anonymous).toBe(false);
      const refusedOld = await runTurn(input(text('xin chào'), { ...agreedToOld, consent: 'refused' }), ports());
      expect(refusedOld.replies).toHaveLength(1);
      expect(refusedOld.consentAsked).toBeFalsy();
    });
  });
});
