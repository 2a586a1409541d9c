import { isHumanOwned } from '../../conversations/conversation-state.js';
import { foldDiacritics, syllables } from '../../text/vietnamese-fold.js';
import { CHOICE_PAYLOADS, REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

const SHORTHAND: Record<string, string> = { qay: 'quay', wai: 'quay', way: 'quay', lj: 'li', ko: 'khong', k: 'khong', kg: 'khong', hok: 'khong', hong: 'khong', bót: 'bot' };
const ASSISTANT = '(tro ly|tro li|bot|chatbot|chat bot|may)';

/**
 * "quay lại trợ lý", "quay lai tro ly", "qay lai bot", "cho em nói chuyện với trợ lý", "không cần gặp cán bộ
 * nữa": the member wants the assistant back. Short messages only: a long one that mentions the bot is a message.
 */
export function asksForBot(text: string): boolean {
  const words = syllables(text).map((w) => SHORTHAND[w] ?? SHORTHAND[foldDiacritics(w)] ?? foldDiacritics(w));
  if (words.length === 0 || words.length > 10) return false;
  const folded = ` ${words.join(' ')} `;
  return (
    new RegExp(` (quay lai|quay ve|tro lai|tro ve|ve lai|chuyen lai|chuyen ve|gap|noi chuyen voi|hoi) (voi )?${ASSISTANT} `).test(folded) ||
    / khong can (gap )?can bo( nua)? /.test(folded) ||
    / (huy|thoi) (gap|cho) can bo /.test(folded)
  );
}

/**
 * The member goes back to the assistant (a button or the words), from the queue or from an officer: the
 * conversation returns to the bot and its queue fields are cleared by the commit. In the bot's own state the
 * button only gets a short "you are with the assistant" (a stale button pressed twice).
 */
export const backToBot: Middleware = async (turn, next) => {
  const { content } = turn.input.message;
  const pressed = content.type === 'postback' && content.payload === CHOICE_PAYLOADS.backToBot;
  const humanOwned = isHumanOwned(turn.input.conversation.state);
  if (humanOwned && (pressed || (content.type === 'text' && asksForBot(turn.text)))) {
    turn.event = { type: 'member_return' };
    turn.lowConfidenceStreak = 0;
    turn.notes.backToBot = true;
    turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.backToBot } });
    return;
  }
  if (pressed) {
    turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.alreadyWithBot } });
    return;
  }
  return next();
};
