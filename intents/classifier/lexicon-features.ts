import type { NormalizedText } from '../normalize/normalize-text.js';
import type { FeatureSink } from './feature-hashing.js';
import { GROUP } from './feature-groups.js';
import { LEXICON, NEGATIVE_EMOTICONS, NEGATORS, POSITIVE_EMOTICONS, type LexiconCategory } from './lexicon.vi.js';
import { buildPhraseMatcher, matchPhrases } from './phrase-matcher.js';

/**
 * The hand-made features: lexicon categories, negation scope, emoticons, punctuation, shouting and length.
 * They carry what few training examples cannot teach on their own (that "tuyệt vời" and "hài lòng" are alike).
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CATEGORY_MATCHER = buildPhraseMatcher(
  (Object.keys(LEXICON) as LexiconCategory[]).flatMap((category) => LEXICON[category].map((phrase) => ({ phrase, tag: category }))),
);
const PRAISE_WORDS = new Set<string>(LEXICON.praise.filter((p) => !p.includes(' ')));
const NEGATOR_SINGLE = new Set<string>(NEGATORS.filter((n) => !n.includes(' ')));
const NEGATION_WINDOW = 3;
const NEG = GROUP.neg;
const LEX = GROUP.lex;
const UPPER_CASE = /\p{Lu}/gu;
const LETTER = /\p{L}/gu;

function emoticonPattern(list: readonly string[]): RegExp {
  const ascii = list.filter((e) => /^[\x20-\x7e]+$/.test(e)).map(escape);
  const pictographs = list.filter((e) => !/^[\x20-\x7e]+$/.test(e)).map(escape);
  // ASCII emoticons must stand apart from words ("TT" inside a word is not crying).
  return new RegExp(`(?:(?<![\\p{L}\\d])(?:${ascii.join('|')})(?![\\p{L}\\d])|${pictographs.join('|')})`, 'u');
}
const NEGATIVE_EMOTICON = emoticonPattern(NEGATIVE_EMOTICONS);
/** Every emoticon has one of these characters (or is a pictograph): most messages skip both patterns. */
const EMOTICON_HINT = /[:;=^<>_()|/\u2600-\u27bf\ud83c-\ud83e]/;
const POSITIVE_EMOTICON = emoticonPattern(POSITIVE_EMOTICONS);

function lengthBucket(tokens: number): string {
  if (tokens <= 1) return 'len:1';
  if (tokens <= 3) return 'len:2-3';
  if (tokens <= 7) return 'len:4-7';
  if (tokens <= 15) return 'len:8-15';
  return 'len:16+';
}

/**
 * `domainLexicon` false leaves out the cue-word categories (lexicon.vi.ts: grievance, topics…) and keeps what
 * holds for any Vietnamese text: negation scope, emoticons, punctuation, shouting, length. The generic
 * classifier of `nlu eval` runs without them, so it knows nothing of this domain's words or labels.
 */
export function addLexiconFeatures(text: NormalizedText, features: FeatureSink, domainLexicon = true): void {
  if (domainLexicon) for (const category of matchPhrases(CATEGORY_MATCHER, text.foldedTokens)) features.add(LEX, category);
  // Negation scope: the three syllables after a negator ("không trả", "chưa được đóng") get their own features.
  const tokens = text.foldedTokens;
  let negated = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const opensScope = NEGATOR_SINGLE.has(token) || (token === 'dau' && tokens[i + 1] === 'co');
    if (!opensScope) continue;
    negated = true;
    for (let j = i + 1; j <= i + NEGATION_WINDOW && j < tokens.length; j++) {
      const scoped = tokens[j] as string;
      features.add(NEG, scoped);
      if (domainLexicon && PRAISE_WORDS.has(scoped)) features.add(LEX, 'negated_praise');
    }
  }
  if (negated) features.add(LEX, 'negation');
  const raw = text.nfc;
  if (EMOTICON_HINT.test(raw)) {
    if (NEGATIVE_EMOTICON.test(raw)) features.add(LEX, 'NEG_EMO');
    if (POSITIVE_EMOTICON.test(raw)) features.add(LEX, 'POS_EMO');
  }
  if (raw.includes('?')) features.add(LEX, 'question_mark');
  if (/!{2,}/.test(raw)) features.add(LEX, 'exclamations');
  const upper = raw.match(UPPER_CASE)?.length ?? 0;
  if (upper >= 6) {
    const letters = raw.match(LETTER)?.length ?? 0;
    if (letters >= 8 && upper / letters > 0.7) features.add(LEX, 'shouting');
  }
  features.add(LEX, lengthBucket(tokens.length));
}
