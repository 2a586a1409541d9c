import { TEENCODE_ENTRIES, type TeencodeEntry } from './teencode.vi.js';
import { foldComposed } from './vietnamese-letters.js';

/** One token that was read as something else, for the classifier's "raw and expanded" features. */
export interface TeencodeExpansion {
  index: number;
  from: string;
  to: string;
}

export interface ExpandedTokens {
  tokens: string[];
  expansions: TeencodeExpansion[];
}

export type TeencodeTable = ReadonlyMap<string, TeencodeEntry>;

export function buildTeencodeTable(entries: readonly TeencodeEntry[] = TEENCODE_ENTRIES): TeencodeTable {
  return new Map(entries.map((entry) => [entry.from, entry]));
}

const DEFAULT_TABLE = buildTeencodeTable();
const NUMBER_TOKEN = /^\d/;

/**
 * Context words are compared without diacritics: members who type bare write "da ck tien", "phong ns", "tr oi",
 * and the accented lists alone never matched them (the token kept its default reading: "chồng", "nói").
 */
function listHas(words: readonly string[], token: string | undefined): boolean {
  if (token === undefined) return false;
  const folded = foldComposed(token);
  return words.some((word) => word === token || foldComposed(word) === folded);
}

function readingOf(entry: TeencodeEntry, tokens: readonly string[], index: number): string | null {
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (previous !== undefined && NUMBER_TOKEN.test(previous) && entry.afterNumber !== undefined) return entry.afterNumber;
  if (entry.beforeWords !== undefined && listHas(entry.beforeWords.words, next)) return entry.beforeWords.to;
  if (entry.afterWords !== undefined && listHas(entry.afterWords.words, previous)) return entry.afterWords.to;
  if (entry.whenMessageHas !== undefined && tokens.includes(entry.whenMessageHas.word)) return entry.whenMessageHas.to;
  return entry.to;
}

/**
 * Replaces whole tokens by their expansion (`ko` → `không`, `500 k` → `500 nghìn`). Expansions of several
 * syllables become several tokens. Tokens must already be lower-case, tone-canonical and split from digits.
 */
export function expandTeencode(tokens: readonly string[], table: TeencodeTable = DEFAULT_TABLE): ExpandedTokens {
  const out: string[] = [];
  const expansions: TeencodeExpansion[] = [];
  tokens.forEach((token, index) => {
    const entry = table.get(token);
    const reading = entry === undefined ? null : readingOf(entry, tokens, index);
    if (reading === null || reading === token) {
      out.push(token);
      return;
    }
    expansions.push({ index, from: token, to: reading });
    out.push(...reading.split(' '));
  });
  return { tokens: out, expansions };
}
