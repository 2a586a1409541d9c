import type { NluFlag } from '../../core/nlu/nlu-result.js';
import type { NormalizedText } from '../normalize/normalize-text.js';
import { INJECTION_PATTERNS, REPEATING_FILLERS, SPAM_CUES, SPAM_THRESHOLD } from './message-signals.vi.js';

const NO_FLAGS: readonly NluFlag[] = Object.freeze([]);
const LETTERS_ONLY = /^[a-z]+$/;

export function isInjectionAttempt(text: NormalizedText, lowered = text.nfc.toLowerCase()): boolean {
  // Fake turns ("system:") are read on the raw text, lower-cased: folding keeps the punctuation they need.
  return INJECTION_PATTERNS.some((pattern) => pattern.test(text.folded) || pattern.test(lowered));
}

/**
 * A token that is no word: one short chunk repeated to 8+ letters ("aaaaaaaa", "asdfasdfasdf", "qwerqwer"),
 * unless the chunk is laughter or a filler, or a run of 6+ letters without a vowel ("hhhhhhh", "jjjjjj").
 */
function isMash(token: string): boolean {
  if (token.length < 6 || !LETTERS_ONLY.test(token)) return false;
  if (!/[aeiouy]/.test(token) && !/^k+$/.test(token)) return true;
  if (token.length < 8) return false;
  const repeated = /^(.{1,5}?)\1+(.{0,4})$/.exec(token);
  if (repeated === null) return false;
  const chunk = repeated[1] as string;
  return !REPEATING_FILLERS.has(chunk) && (repeated[2] === '' || chunk.startsWith(repeated[2] as string));
}

export function isSpam(text: NormalizedText, typed = text.nfc.toLowerCase()): boolean {
  // Keyboard mash is read on the text as typed: the normaliser squeezes "aaaaaaaa" to "a".
  const tokens = typed.split(/[\s.,!?;:]+/).filter((t) => t !== '');
  if (tokens.length > 0 && tokens.length <= 4 && tokens.every(isMash)) return true;
  let score = 0;
  for (const cue of SPAM_CUES) {
    const view = cue.view === 'canonical' ? text.canonical : cue.view === 'typed' ? typed : text.folded;
    const matches = cue.pattern.global ? Math.min(2, view.match(cue.pattern)?.length ?? 0) : cue.pattern.test(view) ? 1 : 0;
    score += matches * cue.weight;
    if (score >= SPAM_THRESHOLD) return true;
  }
  return false;
}

/** The message's injection/spam flags (empty for nearly every message; the array is shared, do not mutate). */
export function detectMessageFlags(text: NormalizedText): readonly NluFlag[] {
  // Both read the typed text lower-cased: lower-case it once.
  const lowered = text.nfc.toLowerCase();
  const injection = isInjectionAttempt(text, lowered);
  const spam = isSpam(text, lowered);
  if (!injection && !spam) return NO_FLAGS;
  const flags: NluFlag[] = [];
  if (injection) flags.push('injection');
  if (spam) flags.push('spam');
  return flags;
}
