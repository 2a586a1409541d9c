import { spellingKey } from '../../core/text/spelling-key.js';
import type { DeskClause, DeskQuery, DeskSearchDoc, DeskSentence } from './desk-search-text.js';

/**
 * How well an entry matches, best first (higher is better). Vietnamese words are mostly two syllables and one
 * syllable alone is ambiguous (suất/xuất, chay/chạy/cháy), so what the syllables are next to is what tells a match:
 * - 6 the words as a phrase (adjacent, in order, within one clause) in the question or the id;
 * - 5 a phrase in a variant (another way members ask);
 * - 4 a phrase in the answer;
 * - 3 every word in one clause of the question or of a variant, in any order ("ca đêm có được tăng lương");
 * - 2 every word close together in one clause of the answer (at most two other words among them: "suất ăn chay");
 * - 1 two neighbouring words of the search next to each other somewhere (searches of three words or more);
 * - 0 scattered: every word somewhere, none of them together ("tăng năng suất, … phòng chống cháy nổ" for
 *   "suat chay": one long sentence of the answer, but 20 words apart);
 * - -1 a word is missing: not a match.
 */
export type DeskMatchClass = -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DeskMatch {
  /** Is the search the entry's id. */
  idExact: boolean;
  /** The class with the words as typed (diacritics agree, or the entry's word has none); -1 when the search has no diacritics. */
  accent: DeskMatchClass;
  /** The class with whole words compared without diacritics. */
  folded: DeskMatchClass;
  /** The class with the last word read as the start of a word (the officer may still be typing it); decides inclusion. */
  prefix: DeskMatchClass;
  /** How many neighbouring words of the search sit next to each other somewhere (a longer search's pieces). */
  pairs: number;
  /** How many of the search's words are in the question. */
  questionWords: number;
}

/** `spelling`: whole words and the last word's start compared under the spelling key (core/text/spelling-key.ts). */
type View = 'accent' | 'folded' | 'prefix' | 'spelling';
type WordMatcher = (queryIndex: number, clause: DeskClause, position: number) => boolean;

function matcherOf(query: DeskQuery, view: View): WordMatcher {
  const last = query.folded.length - 1;
  if (view === 'accent') {
    // An entry word typed without diacritics (variants often are) cannot disagree with the search's diacritics.
    return (i, clause, p) => clause.tokens[p] === query.tokens[i] || (clause.tokens[p] === clause.folded[p] && clause.folded[p] === query.folded[i]);
  }
  if (view === 'folded') return (i, clause, p) => clause.folded[p] === query.folded[i];
  if (view === 'spelling') {
    const keys = query.folded.map(spellingKey);
    return (i, clause, p) => {
      const key = spellingKey(clause.folded[p] ?? '');
      return i === last ? key.startsWith(keys[i] ?? '') : key === keys[i];
    };
  }
  return (i, clause, p) => (i === last ? (clause.folded[p] ?? '').startsWith(query.folded[i] ?? '') : clause.folded[p] === query.folded[i]);
}

interface FieldReading {
  /** Which of the search's words the field holds. */
  present: boolean[];
  phrase: boolean;
  /** For each two neighbouring words of the search, are they next to each other in one clause. */
  pairs: boolean[];
  /** The smallest window of one clause holding every word (Infinity when no clause holds them all). */
  window: number;
  /** Every word in one clause (in any order). */
  allInClause: boolean;
}

function readClause(n: number, match: WordMatcher, clause: DeskClause, present: boolean[], pairs: boolean[]): { phrase: boolean; positions: number[][] } {
  const positions: number[][] = Array.from({ length: n }, () => []);
  let phrase = false;
  for (let p = 0; p < clause.folded.length; p++) {
    for (let i = 0; i < n; i++) {
      if (!match(i, clause, p)) continue;
      present[i] = true;
      positions[i]?.push(p);
      if (i + 1 < n && p + 1 < clause.folded.length && match(i + 1, clause, p + 1)) pairs[i] = true;
    }
    if (!phrase && p + n <= clause.folded.length) {
      let whole = true;
      for (let i = 0; i < n && whole; i++) whole = match(i, clause, p + i);
      phrase = whole;
    }
  }
  return { phrase, positions };
}

/** The smallest span holding one position of every list (each list ascending). */
function smallestWindow(positions: number[][]): number {
  if (positions.some((list) => list.length === 0)) return Infinity;
  let best = Infinity;
  for (const start of positions.flat()) {
    let end = start;
    for (const list of positions) {
      const next = list.find((p) => p >= start);
      if (next === undefined) {
        end = Infinity;
        break;
      }
      end = Math.max(end, next);
    }
    best = Math.min(best, end - start + 1);
  }
  return best;
}

function readField(n: number, match: WordMatcher, sentences: DeskSentence[]): FieldReading {
  const present = new Array<boolean>(n).fill(false);
  const pairs = new Array<boolean>(Math.max(n - 1, 0)).fill(false);
  let phrase = false;
  let window = Infinity;
  for (const sentence of sentences) {
    for (const clause of sentence) {
      const read = readClause(n, match, clause, present, pairs);
      phrase ||= read.phrase;
      window = Math.min(window, smallestWindow(read.positions));
    }
  }
  return { present, phrase, pairs, window, allInClause: window < Infinity };
}

function classOf(query: DeskQuery, doc: DeskSearchDoc, view: View): { cls: DeskMatchClass; pairs: number; questionWords: number } {
  const n = query.folded.length;
  const match = matcherOf(query, view);
  const question = readField(n, match, [...doc.question, ...doc.idText]);
  const variants = doc.variants.map((variant) => readField(n, match, variant));
  const answer = readField(n, match, doc.answer);
  const fields = [question, ...variants, answer];
  const questionWords = question.present.filter(Boolean).length;
  const covered = query.folded.every((_, i) => fields.some((field) => field.present[i]));
  const pairs = query.folded.slice(1).filter((_, i) => fields.some((field) => field.pairs[i])).length;
  if (!covered) return { cls: -1, pairs, questionWords };
  const titles = [question, ...variants];
  let cls: DeskMatchClass = 0;
  if (pairs > 0) cls = 1;
  if (answer.window <= n + 2) cls = 2;
  if (titles.some((field) => field.allInClause)) cls = 3;
  if (answer.phrase) cls = 4;
  if (variants.some((field) => field.phrase)) cls = 5;
  if (question.phrase) cls = 6;
  return { cls, pairs, questionWords };
}

function mayHoldEvery(query: DeskQuery, vocabulary: ReadonlySet<string>): boolean {
  const last = query.folded.length - 1;
  for (const [i, word] of query.folded.entries()) {
    if (vocabulary.has(word)) continue;
    if (i !== last) return false;
    let started = false;
    for (const known of vocabulary) {
      if (known.startsWith(word)) {
        started = true;
        break;
      }
    }
    if (!started) return false;
  }
  return true;
}

/** How one entry matches a search (a search of no words matches nothing: the caller lists without ranking). */
export function deskMatchOf(query: DeskQuery, doc: DeskSearchDoc, rawQuery: string): DeskMatch {
  const idExact = rawQuery.trim().toLowerCase() === doc.id.toLowerCase();
  // Most entries lack a word: the vocabulary says so at once (a search over the whole FAQ then takes milliseconds).
  if (!mayHoldEvery(query, doc.vocabulary)) return { idExact, accent: -1, folded: -1, prefix: -1, pairs: 0, questionWords: 0 };
  const prefix = classOf(query, doc, 'prefix');
  return {
    idExact,
    accent: query.accented ? classOf(query, doc, 'accent').cls : -1,
    folded: classOf(query, doc, 'folded').cls,
    prefix: prefix.cls,
    pairs: prefix.pairs,
    questionWords: prefix.questionWords,
  };
}

/**
 * How one entry matches a search read under the spelling key: the second chance of a search that matched nothing as
 * typed ("xuất chay", "chợ cấp", "nghỉ fép" → "trợ cấp"…). Every view is that one reading, so the usual order applies.
 */
export function deskSpellingMatchOf(query: DeskQuery, doc: DeskSearchDoc): DeskMatch {
  const spelling = classOf(query, doc, 'spelling');
  return { idExact: false, accent: -1, folded: spelling.cls, prefix: spelling.cls, pairs: spelling.pairs, questionWords: spelling.questionWords };
}

/** Best first; equal matches keep the order they came in (the list's id order), so pages never shuffle. */
export function compareDeskMatches(a: DeskMatch, b: DeskMatch): number {
  return Number(b.idExact) - Number(a.idExact) || b.accent - a.accent || b.folded - a.folded || b.prefix - a.prefix || b.pairs - a.pairs || b.questionWords - a.questionWords;
}

/**
 * The entries that match, best first, and the best class among them (-1 when none matches; an id typed exactly
 * counts as above every class). The class is read with the words as typed when the search has diacritics (what
 * the officer wrote: "chợ cấp" is not "cho cấp"), folded otherwise.
 * Entries whose words are only scattered (class 0) are dropped when any entry matches better: apart, two common
 * syllables say nothing ("năng suất, … cháy nổ" is not "suất chay"), and an officer who sees a real match does not
 * need them; when nothing matches better they are all there is, so they stay.
 */
export function rankDeskMatches<T>(items: readonly T[], matchOf: (item: T) => DeskMatch | null, accented = false): { ranked: T[]; best: number } {
  const matched: { item: T; match: DeskMatch; index: number }[] = [];
  items.forEach((item, index) => {
    const match = matchOf(item);
    if (match && (match.prefix >= 0 || match.idExact)) matched.push({ item, match, index });
  });
  const real = matched.some(({ match }) => match.prefix >= 1 || match.idExact);
  const ranked = matched
    .filter(({ match }) => !real || match.prefix >= 1 || match.idExact)
    .sort((a, b) => compareDeskMatches(a.match, b.match) || a.index - b.index)
    .map(({ item }) => item);
  const best = Math.max(-1, ...matched.map(({ match }) => (match.idExact ? 7 : accented ? match.accent : match.prefix)));
  return { ranked, best };
}

/** The entries that match, best first (rankDeskMatches without the flag). */
export function rankDeskEntries<T>(items: readonly T[], matchOf: (item: T) => DeskMatch | null): T[] {
  return rankDeskMatches(items, matchOf).ranked;
}
