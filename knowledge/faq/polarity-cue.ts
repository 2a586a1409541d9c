/**
 * Which side of a rule a question asks about: when a right applies ("Người lao động được trả trợ cấp mất việc làm
 * trong trường hợp nào?") or when it does not ("Trường hợp nào nghỉ việc không được trợ cấp thôi việc?"). The
 * matcher's grams cannot see it: the two share every word but "không", and the formal question was answered with
 * the exceptions (issue #11, D-answers-22). Only questions that ask for the conditions are read ("trường hợp nào",
 * "khi nào", "điều kiện"): a yes/no question ("say rượu bị tai nạn có được bồi thường không") is rightly answered
 * by the entry on the exceptions. Folded syllables, after the members' normaliser ("ko dc" → "khong duoc").
 */
const CONDITION_CUES = [' truong hop nao ', ' th nao ', ' khi nao ', ' luc nao ', ' dieu kien '] as const;

/** "không được", "bị mất": a right withheld. A final "không" is the question particle ("có được … không"), not a cue. */
const WITHHELD_CUES = [' khong duoc ', ' ko duoc ', ' k duoc ', ' khong dc ', ' ko dc ', ' k dc ', ' bi mat ', ' mat quyen '] as const;

const padded = (folded: readonly string[]) => ` ${folded.join(' ')} `;

/** Does the text ask when something applies, without asking when it is withheld? */
export function asksWhenGranted(folded: readonly string[]): boolean {
  const text = padded(folded);
  return CONDITION_CUES.some((cue) => text.includes(cue)) && !speaksOfWithheld(folded);
}

/** Whether a text speaks of a right withheld ("không được", "bị mất"). */
export function speaksOfWithheld(folded: readonly string[]): boolean {
  const text = padded(folded);
  return WITHHELD_CUES.some((cue) => text.includes(cue));
}

/**
 * An entry is about when a right is withheld when at least a third of its phrasings say so (the actor cue's rule):
 * one "không được" variant does not make the entry on maternity leave an entry on its exceptions.
 */
export function entryIsAboutWithheld(phrasings: readonly (readonly string[])[]): boolean {
  const withheld = phrasings.filter((folded) => speaksOfWithheld(folded)).length;
  return withheld > 0 && 3 * withheld >= phrasings.length;
}
