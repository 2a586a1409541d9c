import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { canonicalRegionSyllables } from '../../core/text/wage-region.js';
import { extractNumericMentions, type NumericMention } from './numeric-mentions.js';

/**
 * A figure that is in the sources can still be wrong: "ngày nghỉ hằng tuần: 150%" takes the weekday rate, "vùng I:
 * 4.730.000" takes region II's (issue #11 item 8). Each statement of a reply is bound to the source unit it talks
 * about — the clause, point or table row sharing most of its words, a different region never — and its figures
 * must be that unit's (or those of a unit about as close).
 */
const STOP = new Set([
  'la', 'duoc', 'cua', 'va', 'cho', 'co', 'khong', 'the', 'thi', 'ma', 'nhung', 'cac', 'mot', 'nhu', 'ban', 'toi', 'em',
  'theo', 'tai', 'voi', 'trong', 'khi', 'se', 'da', 'dang', 'nay', 'do', 'it', 'nhat', 'bang', 'tu', 'den', 'o', 'hoac',
  'neu', 'phai', 'sau', 'tren', 've', 'vao', 'muc', 'quy', 'dinh', 'hien', 'hanh', 'dieu', 'khoan', 'diem', 'luat',
]);
/** How much closer the best unit may be than the unit holding the figure. */
const TOLERANCE = 0.1;
/** Below this the statement is about no unit in particular: the plain "is it in the sources" check is all there is. */
const MIN_BEST = 0.5;

interface SourceUnit {
  words: Set<string>;
  region: string | null;
  mentions: NumericMention[];
}

function wordsOf(text: string): string[] {
  return canonicalRegionSyllables(syllables(foldDiacritics(text).toLowerCase()));
}

function regionOf(words: readonly string[]): string | null {
  const at = words.findIndex((word, i) => i > 0 && words[i - 1] === 'vung' && /^[1-4]$/.test(word));
  return at > 0 ? (words[at] as string) : null;
}

function contentWords(words: readonly string[]): Set<string> {
  return new Set(words.filter((word, i) => !STOP.has(word) && (!/^\d/.test(word) || words[i - 1] === 'vung')));
}

/** Lines of the sources; a point carries its lead-in; a flattened table row per region carries the table's lead-in. */
export function sourceUnits(sourcesText: string): SourceUnit[] {
  const units: SourceUnit[] = [];
  let leadIn = '';
  for (const line of sourcesText.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const isPoint = /^([a-zđ]\)|-\s)/u.test(line);
    const rows = line.split(/(?=\bVùng\s+(?:I{1,3}|IV)\b\s+\d)/u);
    const head = rows.length > 1 ? (rows.shift() as string) : '';
    // One line may hold several rules ("150% … ngày thường; 200% … ngày nghỉ hằng tuần; 300% … ngày lễ"): each
    // part separated by a semicolon is its own unit.
    const parts = head ? rows : rows.flatMap((row) => row.split(/;\s+/u));
    for (const part of parts) {
      const text = `${isPoint ? leadIn : ''} ${head} ${part}`;
      const words = wordsOf(text);
      units.push({ words: contentWords(words), region: head ? regionOf(wordsOf(part)) : regionOf(words), mentions: extractNumericMentions(part) });
    }
    if (line.endsWith(':')) leadIn = line;
    else if (!isPoint) leadIn = '';
  }
  return units;
}

const sameMention = (a: NumericMention, b: NumericMention) => a.kind === b.kind && a.value === b.value;

type Verdict = 'ok' | 'wrong' | 'unknown';

/** Whether `mention` belongs to the source unit(s) `statement` talks about; unknown when it talks about none. */
function bindingOf(statement: string, mention: NumericMention, units: readonly SourceUnit[]): Verdict {
  const words = wordsOf(statement);
  const key = contentWords(words);
  if (key.size < 2) return 'unknown';
  const region = regionOf(words);
  const overlap = (unit: SourceUnit) => {
    if (region && unit.region && unit.region !== region) return 0;
    let shared = 0;
    for (const word of key) if (unit.words.has(word)) shared += 1;
    return shared / key.size;
  };
  const scored = units.map((unit) => ({ unit, score: overlap(unit) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < MIN_BEST) return 'unknown';
  const close = scored.filter((s) => s.score >= best - TOLERANCE);
  return close.some((s) => s.unit.mentions.some((m) => sameMention(m, mention))) ? 'ok' : 'wrong';
}

/**
 * The figures of `reply` bound to a source unit that does not hold them. A figure is judged in its sentence and in
 * its comma-separated part ("ngày thường 150%, ngày nghỉ hằng tuần 200%" lists several rules in one sentence;
 * "Làm thêm vào ngày nghỉ hằng tuần, bạn được 200%" states one across a comma): it is wrong when the sentence binds
 * it elsewhere and its part does not confirm it, or when only its part has a view and that view is wrong. Counts
 * the member gave ("với 4 giờ làm thêm") are theirs to repeat.
 */
export function misboundFigures(reply: string, sourcesText: string, memberText = ''): string[] {
  const units = sourceUnits(sourcesText);
  const memberValues = new Set(extractNumericMentions(memberText).map((m) => `${m.kind}:${m.value}`));
  const wrong: string[] = [];
  const sentences = reply.replace(/\[[^\]]*\]/g, ' ').split(/\.(?=\s|$)|[;\n]+/u);
  for (const sentence of sentences) {
    for (const part of sentence.split(/,\s+/u)) {
      for (const mention of extractNumericMentions(part)) {
        if (memberValues.has(`${mention.kind}:${mention.value}`)) continue;
        const inSentence = bindingOf(sentence, mention, units);
        const inPart = bindingOf(part, mention, units);
        if ((inSentence === 'wrong' && inPart !== 'ok') || (inSentence === 'unknown' && inPart === 'wrong')) wrong.push(mention.raw);
      }
    }
  }
  return wrong;
}
