import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { normalizeText } from '../../intents/index.js';

/**
 * One run of words with no punctuation inside: a phrase never spans a comma or a full stop, so "năng suất, …
 * cháy nổ" holds no phrase "suất cháy".
 */
export interface DeskClause {
  /** Lower-case, tone marks in one style, teencode expanded (`ko` → `không`): what accent-exact matching reads. */
  tokens: string[];
  /** The same tokens without diacritics, aligned with `tokens`. */
  folded: string[];
}

/** A sentence of an entry's text as the desk search reads it. */
export type DeskSentence = DeskClause[];

/** What an officer typed in the desk's search box, read the way entries are read. */
export interface DeskQuery {
  tokens: string[];
  folded: string[];
  /** True when the officer typed diacritics: then the words as typed rank above other words that fold the same. */
  accented: boolean;
}

// Full stops, colons and the like end a sentence when a space or a line break follows (not "20.000", "1,5").
const SENTENCE_END = /(?<=[.!?;:…])\s+|\n+/u;
const CLAUSE_END = /(?<=[,()"“”'])\s+|\s+(?=[("“])|\s[-–—]\s/u;

function clauseOf(text: string): DeskClause | null {
  const normalized = normalizeText(text);
  return normalized.tokens.length > 0 ? { tokens: normalized.tokens, folded: normalized.foldedTokens } : null;
}

/** A text cut into sentences and clauses, each normalised as members' messages are (the same teencode table). */
export function deskSentencesOf(text: string): DeskSentence[] {
  const sentences: DeskSentence[] = [];
  for (const sentence of text.split(SENTENCE_END)) {
    const clauses = sentence.split(CLAUSE_END).map(clauseOf).filter((clause): clause is DeskClause => clause !== null);
    if (clauses.length > 0) sentences.push(clauses);
  }
  return sentences;
}

export function deskQueryOf(text: string): DeskQuery {
  const normalized = normalizeText(text);
  // Judged on the typed text: teencode expansions bring diacritics the officer did not type (`ko` → `không`).
  return { tokens: normalized.tokens, folded: normalized.foldedTokens, accented: hasDiacritics(text) };
}

/** An FAQ entry's texts cut and normalised once, as the desk search reads them. */
export interface DeskSearchDoc {
  id: string;
  /** The entry's id read as words (`a1-canteen-vegetarian`): officers search by id too. */
  idText: DeskSentence[];
  question: DeskSentence[];
  variants: DeskSentence[][];
  answer: DeskSentence[];
  /** Every folded word of the entry, to skip at once the entries that lack a word of the search. */
  vocabulary: ReadonlySet<string>;
}

export function deskSearchDocOf(entry: { id: string; question: string; variants: readonly string[]; answer: string }): DeskSearchDoc {
  const idText = deskSentencesOf(entry.id.replace(/[-_]+/g, ' '));
  const question = deskSentencesOf(entry.question);
  const variants = entry.variants.map(deskSentencesOf);
  const answer = deskSentencesOf(entry.answer);
  const vocabulary = new Set<string>();
  for (const field of [idText, question, ...variants, answer]) for (const sentence of field) for (const clause of sentence) for (const word of clause.folded) vocabulary.add(word);
  return { id: entry.id, idText, question, variants, answer, vocabulary };
}
