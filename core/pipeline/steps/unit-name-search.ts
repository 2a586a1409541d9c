import type { Choice } from '../../messages/content.js';
import type { ReplyKind } from '../../messages/outbound.js';
import { canonicalOrgText } from '../../org/unit-search.js';
import type { MemberDirectory, UnitSearchOutcome } from '../../ports/member-directory.js';
import { MEMBER_REPLIES_VI, unitChoiceTitle, unitNoneChosenReply, unitNotFoundByNameReply } from '../member-replies.vi.js';
import type { Middleware, Turn } from '../turn.js';
import { setUnitText } from './member-commands.js';

/** Button payloads of the union offer: `unit:pick:<CODE>` confirms that union, `unit:none` says none of them. */
export const UNIT_PICK_PREFIX = 'unit:pick:';
export const UNIT_NONE = 'unit:none';

// On the canonical text ("cty" already "cong ty"): words that say "this is about my workplace".
const COMPANY_MARKER = /\b(?:cong ty|nha may|xi nghiep|tap doan|chi nhanh|cong doan|lam (?:o|tai|cho|viec o|viec tai))\b/;
// A question is not an answer to "which union?": "công ty May Sông Hồng có công đoàn không?".
const QUESTION = /\?|^(?:cho (?:em|minh|toi) hoi|hoi|lam sao|tai sao|vi sao|co duoc|the nao)\b|\b(?:khong|ko|chua|gi|sao|nao|bao nhieu|the nao|ntn|nhi)$/;
/** At least this share of the member's words is the union's name: the message is the answer and nothing else. */
const PURE_ANSWER_COVERAGE = 0.75;
const MAX_ANSWER_WORDS = 15;
// Replies that show the assistant did not grasp the message: for a company name, the search's own word is better.
const NOT_UNDERSTOOD: readonly ReplyKind[] = ['clarify', 'out_of_scope', 'smalltalk', 'unsupported', 'not_covered'];

/**
 * Finding your union without a code (issue #15): a member without a union who names their company and province
 * (after the first-contact question, or unasked: "em làm ở công ty …") is offered the best few matching unions
 * as buttons (a numbered list where the channel has none), confirms one with a tap or its number, or says none
 * of them is theirs. Meanwhile their messages go to the province they named (or the intake unit).
 * A message that says more than a name (a complaint naming the company) is still answered as usual; the offer
 * comes after the answer.
 */
export const unitNameSearch: Middleware = async (turn, next) => {
  const directory = turn.ports.memberDirectory;
  if (!directory) return next();
  const now = turn.ports.clock.now();
  const { member } = turn.input;
  const payload = turn.choicePayload;
  if (payload?.startsWith(UNIT_PICK_PREFIX)) {
    turn.notes.memberCommand = 'unit_pick';
    systemReply(turn, await setUnitText(directory, member.id, payload.slice(UNIT_PICK_PREFIX.length), now));
    return;
  }
  if (payload === UNIT_NONE) {
    turn.notes.memberCommand = 'unit_none';
    systemReply(turn, unitNoneChosenReply(await directory.routeWithoutUnit(member.id, null, now)));
    return;
  }
  const candidate = await answerCandidate(turn, directory);
  if (!candidate) return next();
  const found = await directory.searchUnits(turn.text);
  const intake = found.province ? await directory.routeWithoutUnit(member.id, found.province.id, now) : null;
  if (found.matches.length > 0) {
    turn.notes.unitSearch = { matches: found.matches.map((m) => m.code), province: found.province?.code ?? null };
    if (found.bestCoverage >= PURE_ANSWER_COVERAGE) {
      turn.notes.memberCommand = 'unit_search';
      offer(turn, found);
      return;
    }
    await next();
    offer(turn, found);
    return;
  }
  if (!candidate.marker && !found.province) return next();
  // Nothing matched: let the assistant try first; if it did not grasp the words either, they were a name.
  const streak = turn.lowConfidenceStreak;
  await next();
  if (turn.replies.length > 0 && turn.replies.every((r) => NOT_UNDERSTOOD.includes(r.kind)) && !turn.event) {
    turn.replies.length = 0;
    turn.lowConfidenceStreak = streak;
    turn.notes.unitSearch = { matches: [], province: found.province?.code ?? null };
    systemReply(turn, unitNotFoundByNameReply(found.province, intake ?? (await directory.routeWithoutUnit(member.id, null, now)), found.namedSomething));
  }
};

/** A short text from a member without a union that could be their company: asked for, or said unasked. */
async function answerCandidate(turn: Turn, directory: MemberDirectory): Promise<{ marker: boolean } | null> {
  if (turn.input.member.unitId || turn.input.message.content.type !== 'text') return null;
  const canonical = canonicalOrgText(turn.text);
  if (!canonical || canonical.split(' ').length > MAX_ANSWER_WORDS || QUESTION.test(turn.text.trim()) || QUESTION.test(canonical)) return null;
  const marker = COMPANY_MARKER.test(canonical);
  if (marker) return { marker };
  // Loaded with the turn where the store can (one statement fewer per turn on the embedded database, issue #12).
  const { member } = turn.input;
  const askedAt = member.unitPromptAskedAt !== undefined ? member.unitPromptAskedAt : await directory.unitPromptAskedAt(member.id);
  return askedAt ? { marker } : null;
}

function offer(turn: Turn, found: UnitSearchOutcome): void {
  const choices: Choice[] = [
    ...found.matches.map((unit) => ({ title: unitChoiceTitle(unit), payload: `${UNIT_PICK_PREFIX}${unit.code}` })),
    { title: MEMBER_REPLIES_VI.unitNoneOfThese, payload: UNIT_NONE },
  ];
  turn.reply({ kind: 'system', content: { type: 'choices', text: MEMBER_REPLIES_VI.unitMatchesOffer, choices } });
}

function systemReply(turn: Turn, text: string): void {
  turn.reply({ kind: 'system', content: { type: 'text', text } });
}
