import { CONSENT_ASK_INTERVAL_HOURS, channelAsksConsent, consentOutdated, currentConsent, lastAskedForCurrentNotice, type ConsentState, type PrivacyNotice } from '../../privacy/consent.js';
import { confirmHandoff } from '../handoff-confirmation.js';
import { CONSENT_CHOICES, CONSENT_REPLIES_VI, HANDOFF_CONSENT_CHOICES, consentNoticeText, handoffConsentText } from '../consent-replies.vi.js';
import { MEMBER_REPLIES_VI } from '../member-replies.vi.js';
import type { Middleware, Turn } from '../turn.js';
import { consentAnswer, type ConsentAnswer } from './consent-answer.js';
import { UNIT_CODE_PROMPT_CHANNELS } from './member-commands.js';

/**
 * The privacy notice and the member's consent (Law 91/2025/QH15), on every member channel. The first step of the
 * pipeline, wrapped around all the others:
 * - an answer to the notice (button, number, "đồng ý", `/tuchoi`) is recorded with the notice version and thanked;
 * - otherwise the turn runs as usual, so the member's first question is answered, and the notice with its two
 *   choices follows the answer as the last message (a numbered answer then resolves against it). It is not
 *   attached when the answer itself asks something (it waits for the next turn), to a crisis reply, or while an
 *   officer owns the conversation; unanswered, it is shown again at most once a day. A member who agreed to an
 *   older version of the notice is treated as one who has not answered (D-privacy-5): shown the new one, once a day;
 * - an ordinary hand-off needs consent (an officer can only read what is stored): the member is asked first, and
 *   "Đồng ý và gặp cán bộ" carries it out. A crisis is always handled (safety first), consent or not;
 * - a turn of a member without consent is marked anonymous: the commit keeps only the minimum.
 */
export const privacyConsent: Middleware = async (turn, next) => {
  const notice = turn.ports.privacyNotice;
  if (!notice || !channelAsksConsent(turn.input.conversation.channel)) return next();
  // A consent to an older notice version counts as no answer yet: the new notice is shown and the turn is anonymous.
  const consent: ConsentState = currentConsent(turn.input.member, notice);
  const answer = consentAnswer(turn.input.message.content, turn.input.lastBotReply, consent);
  if (answer) return recordAnswer(turn, answer, notice, consent);
  await next();
  if (consent === 'granted') return;
  if (askBeforeHandoff(turn, notice)) return;
  attachNotice(turn, notice, consent);
  turn.anonymous = !turn.silentReason && turn.event?.type !== 'request_handoff' && turn.notes.selfHarm !== true;
};

async function recordAnswer(turn: Turn, answer: ConsentAnswer, notice: PrivacyNotice, consent: ConsentState): Promise<void> {
  turn.notes.consentAnswer = answer.decision;
  if (answer.decision === 'refused') {
    turn.anonymous = true;
    if (consent !== 'refused') turn.consent = { decision: 'refused', noticeVersion: notice.version };
    systemReply(turn, consent === 'refused' ? CONSENT_REPLIES_VI.alreadyRefused : CONSENT_REPLIES_VI.refused);
    return;
  }
  if (consent !== 'granted') turn.consent = { decision: 'granted', noticeVersion: notice.version };
  if (answer.handoff) {
    systemReply(turn, CONSENT_REPLIES_VI.granted);
    await confirmHandoff(turn);
    return;
  }
  if (consent === 'granted') return systemReply(turn, CONSENT_REPLIES_VI.alreadyGranted);
  // Only now is the union asked for (on channels that ask): the member's answer to it is personal data too.
  systemReply(turn, (await askUnitNow(turn)) ? `${CONSENT_REPLIES_VI.granted}\n\n${MEMBER_REPLIES_VI.askUnitCode}` : CONSENT_REPLIES_VI.granted);
}

async function askUnitNow(turn: Turn): Promise<boolean> {
  const directory = turn.ports.memberDirectory;
  const { member, conversation, message } = turn.input;
  if (!directory || member.unitId || !UNIT_CODE_PROMPT_CHANNELS.includes(conversation.channel)) return false;
  return directory.claimUnitCodePrompt(member.id, message.id, turn.ports.clock.now());
}

/** An ordinary hand-off without consent becomes the question; the turn's own replies (the confirmation) are dropped. */
function askBeforeHandoff(turn: Turn, notice: PrivacyNotice): boolean {
  const event = turn.event;
  if (event?.type !== 'request_handoff' || event.urgent === true || turn.notes.selfHarm === true || turn.silentReason) return false;
  turn.event = null;
  turn.replies.length = 0;
  turn.notes.handoffNeedsConsent = true;
  turn.consentAsked = true;
  turn.anonymous = true;
  turn.reply({ kind: 'system', content: { type: 'choices', text: handoffConsentText(notice, turn.input.conversation.channel), choices: HANDOFF_CONSENT_CHOICES } });
  return true;
}

function attachNotice(turn: Turn, notice: PrivacyNotice, consent: ConsentState): void {
  if (consent !== 'unknown' || turn.silentReason || turn.event || turn.notes.selfHarm === true || turn.notes.erasureRequested) return;
  const askedAt = lastAskedForCurrentNotice(turn.input.member, notice);
  if (askedAt && turn.ports.clock.now().getTime() - askedAt.getTime() < CONSENT_ASK_INTERVAL_HOURS * 3_600_000) return;
  const last = turn.replies.at(-1);
  // An answer that asks something keeps the last word, so its numbers still resolve; the notice comes next turn.
  if (!last || last.content.type === 'choices' || last.expects) return;
  turn.reply({ kind: 'system', content: { type: 'choices', text: consentNoticeText(notice, turn.input.conversation.channel, { updated: consentOutdated(turn.input.member, notice) }), choices: CONSENT_CHOICES } });
  turn.consentAsked = true;
}

function systemReply(turn: Turn, text: string): void {
  turn.reply({ kind: 'system', content: { type: 'text', text } });
}
