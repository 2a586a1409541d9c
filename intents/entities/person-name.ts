import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';
import {
  ACCOUNT_HOLDER_CUES,
  COMMON_MIDDLE_NAMES,
  COMMON_SURNAMES,
  HONORIFICS,
  NAME_STOP_WORDS,
  ROLE_PHRASES,
  SELF_PRONOUNS,
} from './person-name-cues.vi.js';

/**
 * Names a member gives when introducing themselves. Only introductions are looked at: guessing names anywhere
 * in free text would redact words like "Hà Nội" or "Lương". Used for redaction, so a cut-short name is better
 * than a missed one, and "tôi là công nhân" must not become "tôi là [TÊN]".
 */

const pronouns = SELF_PRONOUNS.join('|');
const BOUNDARY = '(?:^|[^a-z0-9])';
const accountHolder = ACCOUNT_HOLDER_CUES.join('|');
// "tên em là", "em tên là", "em tên", "họ và tên:", "tên:", "chủ tk" — what follows is a name.
const STRONG_TRIGGER = new RegExp(
  `${BOUNDARY}(?:ten (?:cua )?(?:${pronouns}) la|(?:${pronouns}) ten(?: la)?|ho (?:va )?ten(?: (?:cua )?(?:${pronouns}))?(?: la)?\\s*:?|ten\\s*:|ten la|(?:${accountHolder})\\s*:?)\\s+`,
  'g',
);
// "tôi là ...", "đây là ..." — a name only with a title ("chị Lan"), a capital letter, or a known surname.
const WEAK_TRIGGER = new RegExp(`${BOUNDARY}(?:(?:${pronouns}|day) la)\\s+`, 'g');

const TOKEN = /[a-z]+/y;
const MAX_NAME_SYLLABLES = 4;
const MAX_SYLLABLE_LENGTH = 7;

const honorifics = new Set<string>(HONORIFICS);
const surnames = new Set<string>(COMMON_SURNAMES);
const middleNames = new Set<string>(COMMON_MIDDLE_NAMES);
const stopWords = new Set<string>(NAME_STOP_WORDS);
const roles = new Set<string>(ROLE_PHRASES);

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Up to `limit` syllables separated by single spaces; punctuation or digits end the run. */
function readTokens(folded: string, from: number, limit: number): Token[] {
  const tokens: Token[] = [];
  let cursor = from;
  while (tokens.length < limit) {
    TOKEN.lastIndex = cursor;
    const match = TOKEN.exec(folded);
    if (match === null) break;
    const end = cursor + match[0].length;
    // A token must end at a word boundary: "tên là Lan5" is not a name token followed by digits.
    const next = folded[end];
    if (next !== undefined && /[0-9]/.test(next)) break;
    tokens.push({ text: match[0], start: cursor, end });
    if (folded[end] !== ' ') break;
    cursor = end + 1;
  }
  return tokens;
}

function startsUpperCase(view: AlignedFold, token: Token): boolean {
  const char = view.original[view.origin[token.start] as number] as string;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function looksLikeRole(tokens: readonly Token[], from: number): boolean {
  const firstTwo = tokens.slice(from, from + 2).map((t) => t.text).join(' ');
  return roles.has(firstTwo);
}

function nameTokens(view: AlignedFold, tokens: readonly Token[], strong: boolean, caseIsInformative: boolean): Token[] {
  let index = 0;
  const titled = tokens.length > 1 && honorifics.has((tokens[0] as Token).text);
  if (titled) index = 1;
  const first = tokens[index];
  if (first === undefined || looksLikeRole(tokens, index)) return [];
  const picked: Token[] = [];
  if (caseIsInformative && startsUpperCase(view, first)) {
    for (let i = index; i < tokens.length && picked.length < MAX_NAME_SYLLABLES; i++) {
      const token = tokens[i] as Token;
      if (!startsUpperCase(view, token)) break;
      picked.push(token);
    }
    return picked;
  }
  const surnameFirst = surnames.has(first.text);
  if (!strong && !titled && !surnameFirst) return [];
  if (stopWords.has(first.text) && !surnameFirst) return [];
  const limit = titled ? 2 : MAX_NAME_SYLLABLES;
  for (let i = index; i < tokens.length && picked.length < limit; i++) {
    const token = tokens[i] as Token;
    if (token.text.length > MAX_SYLLABLE_LENGTH) break;
    const middleAfterSurname = surnameFirst && i === index + 1 && middleNames.has(token.text);
    if (i > index && stopWords.has(token.text) && !middleAfterSurname) break;
    picked.push(token);
  }
  return picked;
}

/** Every trigger contains one of these: a message without them introduces nobody. */
const TRIGGER_HINT = /ten|la |chu t|nguoi (?:nhan|thu)/;

export function findPersonNames(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  if (!TRIGGER_HINT.test(view.folded)) return found;
  // An all-capitals message says nothing about which words are names.
  const caseIsInformative = /\p{Ll}/u.test(view.original);
  const scan = (pattern: RegExp, strong: boolean): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(view.folded); match !== null; match = pattern.exec(view.folded)) {
      const from = match.index + match[0].length;
      const tokens = readTokens(view.folded, from, MAX_NAME_SYLLABLES + 1);
      const picked = nameTokens(view, tokens, strong, caseIsInformative);
      const firstToken = picked[0];
      const lastToken = picked[picked.length - 1];
      if (firstToken === undefined || lastToken === undefined) continue;
      const entity = entityFromFoldedSpan(view, 'person_name', firstToken.start, lastToken.end, '');
      entity.value = entity.text.normalize('NFC');
      found.push(entity);
      // Let the next search start inside the name so "tên là X, em là Y" finds both.
      pattern.lastIndex = Math.max(pattern.lastIndex, from);
    }
  };
  scan(STRONG_TRIGGER, true);
  scan(WEAK_TRIGGER, false);
  return found;
}
