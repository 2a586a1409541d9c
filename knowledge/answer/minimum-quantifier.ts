import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * "nghỉ tối thiểu mấy phút", "tối thiểu bao nhiêu tuổi mới được đi làm": members ask for a minimum with "tối thiểu",
 * the law states one with "ít nhất" (156 times in the corpus). The law's "tối thiểu" is nearly always the minimum
 * wage (71 of its 93 uses are "lương tối thiểu", 6 more "mức sống tối thiểu"), so a question's "tối thiểu" drew the
 * minimum-wage articles above the rule asked about (dev r009: the night shift's 45-minute break ranked 4th under
 * three minimum-wage articles and was "not covered"; dev-16 z029: the working age answered with the wage table).
 * Read as the quantifier of a question — right before "mấy / bao nhiêu / bn / bao lâu", "là / được / phải" may stand
 * between — after a word of the same clause, and not after "lương", "sống" or "mức", it is written as the law's
 * "ít nhất". Opening a clause it is a noun ("lương cơ bản 4 triệu có thấp quá không, tối thiểu bao nhiêu": the
 * minimum wage, dev m028) and stays. Everything else is left as typed.
 */
const QUESTION_AFTER = /^\s+(?:(?:la|duoc|dc|phai|can|co)\s+)?(?:may|bao nhieu|bao nhiu|bn|bao lau)\b/u;
const NOUN_BEFORE = /(?:luong|song|muc)\s+$/u;
/** Opening a clause, "tối thiểu (là) bao nhiêu" asks what "the minimum" is (of the wage just talked about): a noun. */
const CLAUSE_START = /(?:^|[,.;:!?\n])\s*$/u;
const MINIMUM = /\btoi thieu\b/gu;

/** `text` with a question's "tối thiểu" written "ít nhất" (unaccented text gets "it nhat"); unchanged otherwise. */
export function readMinimumAsAtLeast(text: string): string {
  const nfc = text.normalize('NFC');
  const folded = foldDiacritics(nfc).toLowerCase();
  // Folding keeps one letter per precomposed letter; offsets would not line up otherwise, so leave the text alone.
  if (folded.length !== nfc.length) return text;
  const atLeast = hasDiacritics(nfc) ? 'ít nhất' : 'it nhat';
  let out = '';
  let from = 0;
  for (const match of folded.matchAll(MINIMUM)) {
    const end = match.index + match[0].length;
    const before = folded.slice(0, match.index);
    if (!QUESTION_AFTER.test(folded.slice(end)) || NOUN_BEFORE.test(before) || CLAUSE_START.test(before)) continue;
    out += nfc.slice(from, match.index) + atLeast;
    from = end;
  }
  return from === 0 ? text : out + nfc.slice(from);
}
