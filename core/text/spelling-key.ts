/**
 * A key under which the spellings Vietnamese writers most often confuse fall together, for a search's second chance
 * (a search that found nothing as typed). The confusions follow pronunciation, which differs by region, so the
 * written word is often the other one (shared/notes/vietnamese-nlp.md; the classic "lỗi chính tả" pairs):
 * - initials: s/x, ch/tr, d/gi/r, l/n, and the spelling pairs k/c, gh/g, ngh/ng;
 * - finals: n/ng/nh and t/c/ch (southern speech does not tell them apart);
 * - the vowel i/y written alone after an initial (kì/kỳ, quí/quý).
 * Tones are already gone: the input is a folded syllable (no diacritics, đ → d, lower case). Merging this much
 * loses real distinctions ("làn"/"làng"), so the key is for a fallback only, never for a first reading.
 */
const INITIAL = /^(ngh|ng|nh|ch|tr|gi|gh|kh|ph|th|qu|[bcdghklmnprstvx])?(.*)$/;

const INITIAL_KEY: Readonly<Record<string, string>> = {
  x: 's', tr: 'ch', gi: 'd', r: 'd', n: 'l', k: 'c', gh: 'g', ngh: 'ng',
};

const memo = new Map<string, string>();
/** Syllables are a small closed set (a few thousand): the memo stays bounded in practice; the cap guards odd input. */
const MEMO_LIMIT = 50_000;

function keyOf(syllable: string): string {
  const [, initial = '', rest = ''] = INITIAL.exec(syllable) ?? [];
  // "gi" alone (gì) is the initial gi with the vowel i: keep that vowel.
  const [head, tail] = initial === 'gi' && rest === '' ? ['d', 'i'] : [INITIAL_KEY[initial] ?? initial, rest];
  const vowel = tail === 'y' ? 'i' : tail;
  return head + vowel.replace(/(?:ng|nh)$/, 'n').replace(/(?:ch|c)$/, 't');
}

/** `folded` is one folded, lower-case syllable (`xuat`, `truong`, `giay`); other tokens (digits) come back as they are. */
export function spellingKey(folded: string): string {
  if (!/^[a-z]+$/.test(folded)) return folded;
  const known = memo.get(folded);
  if (known !== undefined) return known;
  const key = keyOf(folded);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(folded, key);
  return key;
}
