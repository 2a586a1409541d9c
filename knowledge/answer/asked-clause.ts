import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { clauseAsksSpecifically } from './asked-part.js';

/** A message told as a story around one question: what to search first, and the story around it. */
export interface StoryAndQuestion {
  /** The story's opening clause (what happened) and the question. */
  focus: string;
  /** The clauses between them and after the question. */
  story: string;
}

/** Where a message's clauses part: a punctuation mark before a space or the end (not "1,5" or "1.000"), or a line break. */
const CLAUSE_BREAK = /[,.;:!?…]+(?=\s|$)|\n+/u;

/**
 * Words that open the question after a run-on story typed without punctuation: "… cty bảo không có lương vậy em được
 * hưởng bao nhiêu", "… z e dc bn", "… thế thì có được không". Each needs a few words on both sides, so "là sao vậy" and
 * a message opening on "vậy" are not cut. "vay" unaccented is also "vay" (borrow), rare in what members ask about work.
 */
const RUN_ON_OPENERS: readonly (readonly string[])[] = [['vay'], ['z'], ['zay'], ['dzay'], ['the', 'thi'], ['vay', 'thi'], ['nhu', 'vay']];
const RUN_ON_SIDE = 3;

/**
 * A question with fewer content syllables than this is read with the clause before it: "…, vậy có đúng luật không"
 * says only "luật" of what it asks about.
 */
const MIN_ASKED_CONTENT = 2;
/** Question words, particles and pronouns (folded): what a question is made of besides what it is about. */
const ASKING_WORDS = new Set(
  'vay z v thi the co khong ko k hong hok duoc dc bao nhieu bn nhiu lau gi nao sao ntn ra nhu a ah ak nhi ha nhe nha em e minh toi tui chau anh chi la phai dung luat cho hoi xin oi giup voi roi chua da se con'.split(' '),
);
const contentSyllables = (text: string): number => syllables(foldedOf(text)).filter((syllable) => !ASKING_WORDS.has(syllable)).length;

/** A clause that opens on a condition ("nếu…", "khi…") belongs to the question after it, as does one the question's "thì" closes. */
const CONDITION_OPENER = /^(?:neu|khi|trong truong hop|truong hop|lo nhu|gia su)\b/u;
const CONSEQUENCE_OPENER = /^(?:thi|the thi|vay thi)\b/u;

const foldedOf = (text: string): string => foldDiacritics(text).toLowerCase().trim();

function runOnParts(clause: string): string[] {
  const words = clause.split(/\s+/u).filter((word) => word !== '');
  const folded = words.map((word) => foldDiacritics(word).toLowerCase());
  for (let i = RUN_ON_SIDE; i < words.length - RUN_ON_SIDE; i += 1) {
    // The last opener wins: the question is at the end of a story.
    const j = words.length - RUN_ON_SIDE - (i - RUN_ON_SIDE) - 1;
    const opens = RUN_ON_OPENERS.some((opener) => opener.every((word, k) => folded[j + k] === word));
    // "vậy" typed with its marks, or unaccented; not "vay" typed as "vày/váy/vảy".
    if (opens && (folded[j] !== 'vay' || /^(vậy|vay)$/iu.test(words[j] as string))) {
      return [words.slice(0, j).join(' '), words.slice(j).join(' ')];
    }
  }
  return [clause];
}

function clausesOf(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '')
    .flatMap(runOnParts);
}

/**
 * The question inside a story (issue #11): members tell what happened and ask one thing ("em làm ở cty may 3 năm, tháng
 * trước bị ốm nằm viện 1 tuần, cty bảo không có lương, vậy em được hưởng chế độ ốm đau bao nhiêu"), and searched as
 * one text the story's words pull the search to other articles. The asked part is the last clause that asks something
 * specific (asked-part.ts; read through `normalize`, the members' teencode normaliser, so "e dc nghi bn ngay" asks),
 * with the questions right before it ("… được nghỉ mấy ngày, có được trả lương không") and the clause before it when it
 * is too short to say what about ("…, vậy có đúng luật không"), opens on "thì" or follows a condition ("nếu em nghỉ
 * việc, thì …"); the focus is it and the story's opening clause. Null when the message asks nothing specific or
 * nothing is left around the focus (a message of one or two clauses).
 */
export function splitStoryQuestion(text: string, normalize: (text: string) => string = (value) => value): StoryAndQuestion | null {
  const clauses = clausesOf(text);
  if (clauses.length < 2) return null;
  let end = -1;
  for (let i = clauses.length - 1; i >= 0; i -= 1) {
    if (clauseAsksSpecifically(normalize(clauses[i] as string))) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let start = end;
  // Questions asked one after the other are one question: "… được nghỉ mấy ngày, có được trả lương không".
  while (start > 0 && clauseAsksSpecifically(normalize(clauses[start - 1] as string))) start -= 1;
  const askedText = () => clauses.slice(start, end + 1).join(', ');
  while (start > 0 && (contentSyllables(normalize(askedText())) < MIN_ASKED_CONTENT || CONSEQUENCE_OPENER.test(foldedOf(clauses[start] as string)) || CONDITION_OPENER.test(foldedOf(clauses[start - 1] as string)))) {
    start -= 1;
  }
  // The opening clause says what happened ("em bị máy dập cắt đứt ngón tay", "em đang thử việc"): the case the law is
  // chosen by, so it is read with the question. What comes between (how it went on, how the member coped) and after
  // the question is the story.
  const opening = start > 0 ? [clauses[0] as string] : [];
  const story = [...clauses.slice(opening.length, start), ...clauses.slice(end + 1)].join(', ');
  if (syllables(story).length === 0) return null;
  return { focus: [...opening, askedText()].join(', '), story };
}
