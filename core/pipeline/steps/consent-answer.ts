import type { InboundContent } from '../../messages/content.js';
import type { ConsentState } from '../../privacy/consent.js';
import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { CONSENT_PAYLOADS, isConsentPayload } from '../consent-replies.vi.js';
import type { TurnInput } from '../turn.js';

export type ConsentAnswer = { decision: 'granted'; handoff: boolean } | { decision: 'refused' };

// Folded, lower case, end punctuation dropped. Explicit forms mean consent whatever was asked before.
const GRANT_ALWAYS = /^(?:\/dongy|(?:toi |em |minh )?dong y (?:cho )?(?:luu|xu ly)(?: du lieu| thong tin)?(?: ca nhan)?(?: cua (?:toi|em|minh))?)$/;
const REFUSE_ALWAYS = /^(?:\/tuchoi|(?:toi |em |minh )?(?:khong|ko|k|hong) (?:dong y|cho) (?:cho )?(?:luu|xu ly)(?: du lieu| thong tin)?(?: ca nhan)?(?: cua (?:toi|em|minh))?|rut lai (?:su )?dong y)$/;
// Short answers, only right after the notice (or, for "đồng ý", when nothing else was asked).
const GRANT_SHORT = /^(?:(?:toi |em |minh )?dong y(?: a| nhe| nha)?|co|ok|oke|okay|vang|da|yes|uh|um)$/;
const REFUSE_SHORT = /^(?:(?:toi |em |minh )?(?:khong|ko|k|hong|hok) dong y|khong|ko|k|tu choi|thoi|no)$/;

function folded(text: string): string {
  return foldDiacritics(text).toLowerCase().trim().replace(/\s+/g, ' ').replace(/[.!?…]+$/, '').trim();
}

/**
 * The member's answer to the privacy notice: its button, its number on a channel without buttons, a short yes/no
 * right after the notice, or an explicit "đồng ý lưu dữ liệu" / `/dongy` / `/tuchoi` at any time (members change
 * their mind). A lone "đồng ý" later also counts when the member has not consented and the bot's last message asked
 * nothing else (after a hand-off offer it is the answer to the offer). Null: not about consent.
 */
export function consentAnswer(content: InboundContent, lastBotReply: TurnInput['lastBotReply'], consent: ConsentState): ConsentAnswer | null {
  if (content.type === 'postback') return isConsentPayload(content.payload) ? fromPayload(content.payload) : null;
  if (content.type !== 'text') return null;
  const answer = folded(content.text);
  if (GRANT_ALWAYS.test(answer)) return { decision: 'granted', handoff: false };
  if (REFUSE_ALWAYS.test(answer)) return { decision: 'refused' };
  const choices = lastBotReply?.choices ?? [];
  const noticeAsked = choices.some((choice) => isConsentPayload(choice.payload));
  if (noticeAsked) {
    const number = /^\d{1,2}$/.test(answer) ? Number(answer) : null;
    if (number !== null) {
      const payload = choices[number - 1]?.payload;
      return payload && isConsentPayload(payload) ? fromPayload(payload) : null;
    }
    const handoff = choices.some((choice) => choice.payload === CONSENT_PAYLOADS.grantHandoff);
    if (GRANT_SHORT.test(answer)) return { decision: 'granted', handoff };
    if (REFUSE_SHORT.test(answer)) return { decision: 'refused' };
    return null;
  }
  if (consent !== 'granted' && choices.length === 0 && /^(?:(?:toi |em |minh )?dong y)(?: a| nhe| nha)?$/.test(answer)) return { decision: 'granted', handoff: false };
  return null;
}

function fromPayload(payload: string): ConsentAnswer {
  if (payload === CONSENT_PAYLOADS.refuse) return { decision: 'refused' };
  return { decision: 'granted', handoff: payload === CONSENT_PAYLOADS.grantHandoff };
}
