import { foldDiacritics, syllables } from '../../text/vietnamese-fold.js';

/**
 * Recognises self-harm / suicide talk in a member's message, typed with diacritics, without them, or in
 * teencode ("ko mún sống nữa", "muon chet", "tu tu"). Pure and dependency-free: it runs before everything
 * else in every conversation state, so it must not depend on the classifier or the database.
 *
 * Recall comes first (a missed crisis costs a life; an unneeded urgent hand-off costs an officer a few
 * minutes), so the exclusions below are narrow, each for a look-alike members really write: "mệt muốn chết"
 * (an intensifier), "từ từ" (slowly: the same letters as "tự tử" once unaccented), "không sống nổi với mức
 * lương này" (a wage complaint), news about someone else's suicide. The labelled set beside this file
 * (crisis-cases.json) is the test and the bench; docs/decisions.md D-handoff-1 records the choices.
 */

interface Token {
  /** NFC lower-case syllable as typed (diacritics kept). */
  raw: string;
  /** Folded, repeated letters collapsed, teencode mapped to the plain word. */
  word: string;
}

/** Teencode and common shorthand → the folded plain word. Only words the phrases below use matter. */
const TEENCODE: Record<string, string> = {
  ko: 'khong', k: 'khong', kg: 'khong', kh: 'khong', khg: 'khong', hok: 'khong', hong: 'khong', hem: 'khong',
  khum: 'khong', hk: 'khong', hum: 'khong', khog: 'khong', hog: 'khong', kô: 'khong', kp: 'khong',
  mun: 'muon', mug: 'muon', muh: 'muon',
  chit: 'chet', chec: 'chet', chek: 'chet', die: 'chet', ngum: 'chet', ngom: 'chet',
  sog: 'song', sonq: 'song',
  nx: 'nua', nuaa: 'nua',
  thjet: 'thiet',
  j: 'gi', z: 'gi',
  r: 'roi', dc: 'duoc', dk: 'duoc', wa: 'qua', qa: 'qua', vs: 'voi', cx: 'cung', lm: 'lam', ms: 'moi',
  mk: 'minh', mik: 'minh', mh: 'minh', e: 'em', a: 'anh',
};

/** Adjectives that make "… muốn chết" an intensifier ("mệt muốn chết" = dead tired), not a wish to die. */
const INTENSIFIED = new Set([
  'met', 'nong', 'lanh', 'ret', 'so', 'khat', 'dau', 'nhuc', 'ngai', 'cuoi', 'chan', 'nhot', 'run',
  'hoi', 'ngon', 'dep', 'vui', 'ho', 'buc', 'ghen', 'thom', 'cay', 'tuc', 'oi', 'om',
]);
/** Same letters once folded as a word of life ("đời", "bạn"): an intensifier only when typed with its accents. */
const INTENSIFIED_ACCENTED = new Set(['đói', 'bận']);

/** Words after "không muốn sống" that make it about where or with whom to live ("… ở đây nữa"). */
const LIVING_PLACE = new Set(['o', 'tai', 'chung', 'cung', 'voi', 'gan', 'trong', 'ngoai', 'tren', 'canh', 'nha']);

/** Unaccented "tu tu" next to these is "từ từ" (slowly): "cứ từ từ", "từ từ thôi", "từ từ rồi tính". */
const SLOWLY_BEFORE = new Set(['cu', 'lam', 'an', 'noi', 'doc', 'viet', 'chay', 'nghi', 'hoc', 'thi']);
const SLOWLY_AFTER = new Set(['thoi', 'da', 'nao', 'ma', 'tinh', 'hay', 'thi', 'lam', 'an', 'roi', 'nhe', 'nha', 'cung', 'tung']);

/** Signs that a message reports someone else's death (news, films, statistics) rather than the writer's intent. */
const NEWS_MARKERS = [['doc', 'bao'], ['tren', 'bao'], ['bai', 'bao'], ['bao', 'dua'], ['dua', 'tin'], ['tin', 'tuc'], ['ban', 'tin'], ['thoi', 'su'], ['bo', 'phim'], ['xem', 'phim'], ['tieu', 'thuyet'], ['thong', 'ke'], ['ty', 'le'], ['so', 'vu'], ['nghien', 'cuu'], ['tren', 'mang']];
/** Words just before a phrase that make it the writer's own intent, which beats any news context. */
const INTENT = new Set(['muon', 'dinh', 'se', 'chac', 'tinh', 'nghi', 'doi', 'thu', 'phai', 'cung', 'em', 'toi', 'minh', 'tao', 'anh', 'chi']);

interface Phrase {
  words: readonly string[];
  /** Reject this occurrence (given the tokens and the phrase's start index). */
  unless?: (tokens: readonly Token[], at: number) => boolean;
}

const before = (tokens: readonly Token[], at: number, back = 1): string | undefined => tokens[at - back]?.word;
const after = (tokens: readonly Token[], at: number, length: number): string | undefined => tokens[at + length]?.word;

function isNews(tokens: readonly Token[], at: number): boolean {
  if (INTENT.has(before(tokens, at) ?? '') || INTENT.has(before(tokens, at, 2) ?? '')) return false;
  if (before(tokens, at) === 'vu') return true;
  const words = tokens.map((t) => t.word);
  return NEWS_MARKERS.some((marker) => words.some((_, i) => marker.every((w, j) => words[i + j] === w)));
}

/** "từ từ" typed with its accents is never "tự tử"; unaccented, only the "slowly" contexts are excluded. */
function isSlowly(tokens: readonly Token[], at: number): boolean {
  const pair = [tokens[at], tokens[at + 1]];
  const compatible = pair.every((t) => t && (t.raw === t.word || /^(tự|tử|tữ|tụ|tứ)$/.test(t.raw)));
  if (!compatible) return true;
  if (pair.every((t) => t && /[ựửữ]/.test(t.raw))) return false;
  return SLOWLY_BEFORE.has(before(tokens, at) ?? '') || SLOWLY_AFTER.has(after(tokens, at, 2) ?? '');
}

const p = (text: string, unless?: Phrase['unless']): Phrase => ({ words: text.split(' '), ...(unless ? { unless } : {}) });
const news: Phrase['unless'] = isNews;

const PHRASES: readonly Phrase[] = [
  p('muon chet', (t, at) => {
    const prev = before(t, at) ?? '';
    const next = after(t, at, 2);
    const wishIsExplicit = next === 'cho' || (next === 'di' && after(t, at, 3) === 'cho');
    const intensifier = INTENSIFIED.has(prev) || INTENSIFIED_ACCENTED.has(t[at - 1]?.raw ?? '') || (prev === 'ngu' && before(t, at, 2) === 'buon');
    return !wishIsExplicit && (intensifier || prev === 'ai');
  }),
  p('wanna chet'), p('want to chet'), p('kill myself'), p('suicide'), p('kms'),
  p('chet quach'), p('chet cho xong'), p('chet cho roi'), p('chet di cho roi'), p('chet di cho xong'), p('chet cho khoe'), p('chet cho nhe'),
  p('tu tu', (t, at) => isSlowly(t, at) || isNews(t, at)),
  p('tu sat', news), p('tu van', news), p('quyen sinh', news), p('treo co', news), p('gieo minh', news),
  p('tu ket lieu'), p('ket lieu ban than'), p('ket lieu doi'), p('ket lieu cuoc doi'), p('ket thuc cuoc doi'), p('ket thuc cuoc song'),
  p('muon ket thuc tat ca'), p('muon bien mat mai mai'), p('muon bien mat khoi'),
  p('nhay cau', (t, at) => ['mon', 'xem', 'thi', 'vien', 'doi'].includes(before(t, at) ?? '') || isNews(t, at)),
  p('nhay lau', news), p('nhay song', news), p('nhay xuong song', news), p('lao xuong song'),
  p('rach tay'), p('cat co tay'), p('cat mach mau'), p('lam hai ban than'), p('tu lam hai minh'), p('tu hai ban than'),
  p('uong thuoc chuot'), p('thuoc chuot de uong'), p('uong thuoc tru sau'), p('uong thuoc diet co'), p('uong thuoc sau'),
  p('uong het thuoc'), p('uong het lo thuoc'), p('uong het vi thuoc'), p('uong ca lo thuoc'), p('uong ca vi thuoc'), p('uong thuoc ngu cho'),
  p('khong muon song', (t, at) => LIVING_PLACE.has(after(t, at, 3) ?? '')),
  p('chang muon song', (t, at) => LIVING_PLACE.has(after(t, at, 3) ?? '')),
  p('cha muon song', (t, at) => LIVING_PLACE.has(after(t, at, 3) ?? '')),
  p('het muon song'), p('khong con muon song'),
  p('khong thiet song'), p('chang thiet song'), p('khong con thiet song'), p('het thiet song'), p('khong thiet gi nua'), p('chang thiet gi nua'),
  p('chan song', (t, at) => /^(à|hả|hử)$/.test(t[at + 2]?.raw ?? '') || after(t, at, 2) === 'hay'),
  p('song lam gi nua'), p('song de lam gi'), p('song lam chi'), p('song cung chang de lam gi'), p('song cung khong de lam gi'),
  p('khong muon ton tai'), p('khong con ly do de song'), p('khong con ly do gi de song'),
  p('chang con thiet song'), p('chang con thiet gi'), p('khong con thiet gi'),
  p('di chet day'), p('di chet thoi'), p('di chet cho'), p('nghi den cai chet'), p('nghi toi cai chet'), p('nghi ve cai chet'),
  p('se ket thuc moi thu'), p('muon ket thuc moi thu'), p('dinh ket thuc moi thu'), p('se ket thuc tat ca'), p('dinh ket thuc tat ca'),
  p('muon di theo', (t, at) => !['me', 'bo', 'cha', 'ba', 'ma', 'anh', 'chi', 'chong', 'vo', 'con', 'ong', 'ba'].includes(after(t, at, 3) ?? '')),
  p('song vo nghia'), p('song that vo nghia'),
  p('khong muon thuc day nua'), p('ngu mai khong day'), p('ngu luon khong day'), p('mot di khong tro lai'),
];

function collapseRepeats(word: string): string {
  return word.replace(/([a-z])\1+/g, '$1');
}

function tokenize(text: string): Token[] {
  return syllables(text).map((raw) => {
    const folded = foldDiacritics(raw);
    const word = TEENCODE[raw] ?? TEENCODE[folded] ?? TEENCODE[collapseRepeats(folded)] ?? collapseRepeats(folded);
    return { raw, word };
  });
}

export interface CrisisDetection {
  crisis: boolean;
  /** The plain (folded) phrase that fired, for the stored message's notes; never the member's words. */
  phrase: string | null;
}

export function detectCrisis(text: string): CrisisDetection {
  const tokens = tokenize(text);
  for (const phrase of PHRASES) {
    for (let at = 0; at + phrase.words.length <= tokens.length; at++) {
      if (!phrase.words.every((w, i) => tokens[at + i]?.word === w)) continue;
      if (phrase.unless?.(tokens, at)) continue;
      return { crisis: true, phrase: phrase.words.join(' ') };
    }
  }
  return { crisis: false, phrase: null };
}

/**
 * The member says they are under 18 (only then is the child-protection line 111 given): "em mới 16 tuổi",
 * "em chưa đủ 18", "em là học sinh lớp 11".
 */
export function saysMinor(text: string): boolean {
  const folded = ` ${tokenize(text).map((t) => t.word).join(' ')} `;
  const age = / (\d{1,2}) tuoi /.exec(folded);
  if (age && Number(age[1]) >= 8 && Number(age[1]) < 18) return true;
  return / (chua du 18|chua du tuoi|chua 18|duoi 18|vi thanh nien|hoc sinh|hoc lop|dang hoc cap|lop (6|7|8|9|10|11|12)) /.test(folded);
}
