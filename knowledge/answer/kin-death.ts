import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * "bố em mất", "chồng tôi vừa mất": after a relative, "mất" means died, and the law says "chết". Read as typed, the
 * search and the FAQ took it for the "mất" of "mất việc làm": "… giờ bố em mất thì nhà em được trợ cấp gì" was
 * answered with the job-loss allowance (Bộ luật Lao động Điều 47) and the survivors' entries scored 0.2 (issue #11
 * item 1, D-answers-35). The relative must come right before (an asker word and "đã / vừa / mới" may stand between),
 * and "mất" must end the phrase: "bố em mất việc", "chồng em mất sổ" keep their sense. Relatives that fold onto
 * common words ("má" / "mà", "con" / "còn", "ba" / "ba") count only when typed with their marks.
 */
const KIN_FOLDED = new Set(['bo', 'cha', 'me', 'chong', 'vo', 'ong', 'nguoi nha', 'nguoi than', 'bo me', 'cha me', 'bo de', 'me de', 'bo chong', 'me chong', 'bo vo', 'me vo']);
const KIN_TYPED = new Set(['má', 'con', 'ba', 'bà', 'anh', 'chị']);
const ASKER = new Set(['em', 'e', 'toi', 'minh', 'tui', 'chau', 'con']);
const WHEN = new Set(['da', 'vua', 'moi']);
/** What may follow "mất" = died: the end of a clause or words that go on with the story or the question. */
const AFTER_DIED = new Set([
  'roi', 'thi', 'do', 'vi', 'dot', 'nam', 'hom', 'thang', 'tuan', 'duoc', 'dc', 'em', 'e', 'toi', 'minh', 'nha', 'gia', 'cty', 'ma', 'nen',
  'khi', 'luc', 'sau', 'cach', 'truoc', 'vay', 'a', 'nhung', 'tai', 'o', 'trong',
]);

interface Token {
  typed: string;
  folded: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    typed: match[0].toLowerCase(),
    folded: foldDiacritics(match[0]).toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function isKinAt(words: readonly Token[], end: number): boolean {
  const last = words[end];
  if (!last) return false;
  const two = end > 0 ? `${words[end - 1]?.folded} ${last.folded}` : '';
  if (KIN_FOLDED.has(two) || KIN_FOLDED.has(last.folded)) return true;
  return KIN_TYPED.has(last.typed);
}

/** `text` with "mất" after a relative written as the law's "chết" (unaccented text gets "chet"); unchanged otherwise. */
export function readKinDeath(text: string): string {
  const words = tokens(text);
  const died = hasDiacritics(text) ? 'chết' : 'chet';
  let out = '';
  let from = 0;
  words.forEach((word, index) => {
    if (word.folded !== 'mat' || (word.typed !== 'mất' && word.typed !== 'mat')) return;
    const next = words[index + 1];
    const clauseEnds = !next || /[,.;:!?\n]/u.test(text.slice(word.end, next.start));
    if (!clauseEnds && !AFTER_DIED.has(next.folded)) return;
    let before = index - 1;
    if (before >= 0 && WHEN.has(words[before]!.folded)) before -= 1;
    if (before >= 0 && ASKER.has(words[before]!.folded) && isKinAt(words, before - 1)) before -= 1;
    if (!isKinAt(words, before)) return;
    out += text.slice(from, word.start) + died;
    from = word.end;
  });
  return from === 0 ? text : out + text.slice(from);
}
