import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { askedQuantity } from './asked-quantity.js';

/**
 * Whether a complaint also asks something the law answers (issue #11 item 1, D-answers-35): "bố em đóng bảo hiểm mấy
 * chục năm, công ty nợ tiền bảo hiểm, giờ bố em mất thì nhà em được trợ cấp gì" asks about survivors' benefits, and
 * the topic's brief (late contributions) did not answer it. A message asks when one of its clauses asks for a figure
 * (asked-quantity.ts), a rule or a case ("bao lâu", "khi nào", "ở đâu", "thế nào", "… gì", "… nào") or yes or no
 * ("có được … không", "… ko"). Asking only what to do now ("giờ sao", "em phải làm sao đây", "làm gì bây giờ") is
 * what the brief answers, and "sao / tại sao" in a complaint is mostly a reproach ("sao cty cứ nợ lương hoài"): neither
 * counts. Read on folded text, clause by clause.
 */
const CLAUSE_BREAK = /[,.;!\n…]+|\?+/u;

/** Question words that ask for a rule, a time, a place, a way or a case. */
const WH = /\b(bao nhieu|bao nhiu|bn|bao lau|khi nao|luc nao|bao gio|o dau|cho nao|nhu the nao|the nao|ntn|ra sao|tinh sao|nhung gi|nhung ai|ai phai|ai chiu)\b/;
/**
 * "… gì / … nào" asks ("được trợ cấp gì", "trường hợp nào"), unless it closes a negation ("chẳng ngó ngàng gì", "không
 * có ngày nghỉ nào").
 */
const WHAT = /\b(gi|nao)\b/;
// "không biết … gì" still asks.
const NEGATED_WHAT = /\b(khong|ko|k|chang|cha|chua|dau co)\b(?!\s+(?:biet|ro)\b)(?:\s+\S+){0,3}\s+(gi|nao)\b/;
/** A clause closing on "không / ko / k" (and a particle) asks yes or no: "nghỉ ngang có phải báo trước không". */
const YES_NO_END = /\b(khong|ko|k|hong|hok|hem)\s*(a|vay|ha|nhi|nhe|ta|z|v|ak|ah)?\s*$/;
const YES_NO_FRAME = /\b(co duoc|co phai|co bi|co can|co dung|dung luat|co quyen)\b.*\b(khong|ko|k|hong|hok)\b/;
/**
 * Words that only ask what to do now, or address the listener: a clause made of these alone asks nothing the brief
 * does not answer ("giờ em phải làm sao", "làm gì bây giờ ạ", "mn ơi em nên làm thế nào").
 */
const WHAT_NOW_WORDS = new Set(
  'gio bay gio vay the thi em e minh toi tui chau phai nen lam sao gi day a ah ak ha nhi ta oi ad mn ban chi anh nhe nha can giup voi cho hoi tiep theo the nao ntn ra sao xu ly bi duoc dc moi nguoi'.split(' '),
);

function clauseAsks(folded: string, typed: string): boolean {
  const words = folded.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || words.every((word) => WHAT_NOW_WORDS.has(word))) return false;
  if (askedQuantity(typed) !== null) return true;
  if (WH.test(folded)) return true;
  if (WHAT.test(folded) && !NEGATED_WHAT.test(folded)) return true;
  return YES_NO_END.test(folded) || YES_NO_FRAME.test(folded);
}

/** True when one clause (no punctuation inside) asks something specific, not only what to do now. */
export function clauseAsksSpecifically(clause: string): boolean {
  return clauseAsks(foldDiacritics(clause).toLowerCase().replace(/[^a-z0-9%\s]+/g, ' '), clause);
}

/** True when the message asks something specific, not only what to do now; see above. */
export function asksSpecifically(text: string): boolean {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '')
    .some(clauseAsksSpecifically);
}
