import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';

/**
 * Who acts in what is asked, and in a clause of the law: the social insurance agency, the employer, the worker or the
 * union. Sibling clauses of one article often differ by that alone ("Trong thời hạn 07 ngày …, người sử dụng lao động
 * lập danh sách …" and "Trong thời hạn 07 ngày … kể từ ngày nhận danh sách …, cơ quan bảo hiểm xã hội có trách nhiệm
 * giải quyết"), and word overlap cannot tell them apart: a member asking "bảo hiểm xét trong bao lâu" got the
 * employer's 7 days (issue #11, D-answers-48). Folded syllables; the members' short forms ("cty", "bhxh", "bh") count.
 */
export type Party = 'insurer' | 'employer' | 'worker' | 'union';

const NAMES: readonly (readonly [Party, string])[] = (
  [
    ['insurer', 'co quan bao hiem xa hoi'],
    ['insurer', 'co quan bao hiem'],
    ['insurer', 'co quan bhxh'],
    ['insurer', 'bao hiem xa hoi'],
    ['insurer', 'bhxh'],
    ['insurer', 'bao hiem'],
    ['insurer', 'bh'],
    ['employer', 'nguoi su dung lao dong'],
    ['employer', 'cong ty'],
    ['employer', 'cty'],
    ['employer', 'doanh nghiep'],
    ['employer', 'giam doc'],
    ['worker', 'nguoi lao dong'],
    ['worker', 'nld'],
    ['worker', 'cong nhan'],
    ['worker', 'nhan vien'],
    ['union', 'to chuc dai dien nguoi lao dong'],
    ['union', 'cong doan'],
    ['union', 'ban chap hanh'],
  ] as const
).slice().sort((a, b) => b[1].length - a[1].length);

/** "đóng bảo hiểm", "tiền bảo hiểm", "sổ bảo hiểm": the scheme, not the agency. */
const SCHEME_BEFORE = new Set(['dong', 'tien', 'quy', 'so', 'che', 'gia', 'huong', 'muc', 'nop', 'no', 'tron']);

/**
 * The parties a text names, in order. In the law (`law`) the agency is only "cơ quan bảo hiểm xã hội": the law's bare
 * "bảo hiểm xã hội" is the scheme.
 */
function partiesNamed(words: readonly string[], law: boolean): Party[] {
  const named: Party[] = [];
  for (let i = 0; i < words.length; ) {
    const found = NAMES.find(([party, name]) => (!law || party !== 'insurer' || name.startsWith('co quan')) && name.split(' ').every((word, k) => words[i + k] === word));
    if (!found) {
      i += 1;
      continue;
    }
    const [party, name] = found;
    const scheme = party === 'insurer' && !name.startsWith('co quan') && SCHEME_BEFORE.has(words[i - 1] ?? '');
    if (!scheme) named.push(party);
    i += name.split(' ').length;
  }
  return named;
}

const fold = (text: string) => foldDiacritics(text).toLowerCase();

/**
 * The party of what is asked: the first one named after the last "thì" of the question's last clause ("… thì bao nhiêu
 * ngày bh giải quyết xong"), else the first one named in that clause ("bảo hiểm xét trong bao lâu thì có kết quả",
 * "công ty phải đóng … bao nhiêu %"); null when it names none. Read on the text as typed: its marks end the clauses.
 */
export function askedParty(question: string): Party | null {
  const clauses = question.split(/[,.;:!?\n]+/u).map((clause) => clause.trim()).filter((clause) => clause !== '');
  const words = syllables(fold(clauses[clauses.length - 1] ?? ''));
  const then = words.lastIndexOf('thi');
  const afterThen = then >= 0 ? partiesNamed(words.slice(then + 1), false) : [];
  return afterThen[0] ?? partiesNamed(words, false)[0] ?? null;
}

/** A clause's time or condition opening, before the comma after which its subject comes ("Trong thời hạn …, X …"). */
const OPENING = /^(?:trong thoi han|cham nhat|truoc khi|sau khi|khi|truong hop|trong truong hop|doi voi|ke tu)\b/u;

/** The party that acts in a clause of the law or a sentence of an entry: the first one named after its opening. */
export function actingParty(text: string): Party | null {
  let folded = fold(text).trim();
  const comma = folded.indexOf(',');
  if (OPENING.test(folded) && comma > 0) folded = folded.slice(comma + 1);
  return partiesNamed(syllables(folded), true)[0] ?? null;
}
