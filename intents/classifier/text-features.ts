import { normalizeText, type NormalizedText } from '../normalize/normalize-text.js';
import { FeatureAccumulator, fnvStep, fnvString, groupSeed, type FeatureSink, type HashedVector } from './feature-hashing.js';
import { FEATURE_GROUPS, GROUP } from './feature-groups.js';
import { addLexiconFeatures } from './lexicon-features.js';

/**
 * How a message becomes a sparse vector: accented syllable uni+bigrams, folded uni+bigrams, folded char
 * n-grams, the typed teencode tokens next to their expansions, and the lexicon features, each group
 * normalised on its own and weighted. Stored in the model so a model is always read the way it was trained.
 */
export interface FeatureConfig {
  charNgramMin: number;
  charNgramMax: number;
  groupWeights: Record<string, number>;
  /** Cue-word categories of lexicon.vi.ts (this domain's words); false for the generic `nlu eval` learner. */
  domainLexicon?: boolean;
  /** Words of the message's last clause (after its last , . ; ? ! or line break) as their own features. */
  lastClause?: boolean;
}

/**
 * Bump whenever the way text becomes features changes (hashing, normalisation of groups, what a group holds):
 * it is part of every model's fingerprint, so a model file from older code is retrained instead of misread.
 */
export const FEATURE_SCHEME_VERSION = 5;

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  charNgramMin: 4,
  charNgramMax: 5,
  // Tuned by 5-fold cross-validation on intents/data/train (see intents/README.md): char n-grams at full weight
  // drown the syllables on short messages; the lexicon deserves more than its size suggests; 4–5-grams score
  // as well as 2–5 with half the features (so half the lookups per message). The last clause (issue #11,
  // D-answers-9) joins the edge group, which then deserves full weight: 5-fold CV route 94.0 → 94.8 %,
  // sentiment 91.8 → 92.4 %, topic unchanged; dev route 96.2 → 96.7 %.
  groupWeights: { w: 1, b: 0.8, fw: 1, fb: 0.8, c: 0.5, r: 0.5, neg: 0.5, lex: 1.5, pos: 1 },
  lastClause: true,
};

const SEEDS = FEATURE_GROUPS.map(groupSeed);
const SPACE = 0x20;
const NUMBER_SHAPE = '<n>';
const isNumber = (token: string): boolean => {
  const code = token.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
};

/** Unigrams and bigrams (with ^ and $ for the message edges); numbers become one shape token. */
function addUniBigrams(features: FeatureSink, unigram: number, bigram: number, tokens: readonly string[]): void {
  const unigramSeed = SEEDS[unigram] as number;
  const bigramSeed = SEEDS[bigram] as number;
  let previous = '^';
  for (const token of tokens) {
    const word = isNumber(token) ? NUMBER_SHAPE : token;
    features.addHash(unigram, fnvString(unigramSeed, word));
    features.addHash(bigram, fnvString(fnvStep(fnvString(bigramSeed, previous), SPACE), word));
    previous = word;
  }
  if (tokens.length > 0) features.addHash(bigram, fnvString(fnvStep(fnvString(bigramSeed, previous), SPACE), '$'));
}

/** Char n-grams of " folded text " (digits as 0), hashed incrementally: the (n+1)-gram extends the n-gram. */
function addCharNgrams(features: FeatureSink, folded: string, min: number, max: number): void {
  const length = folded.length + 2;
  const codes = new Uint16Array(length);
  codes[0] = SPACE;
  codes[length - 1] = SPACE;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    codes[i + 1] = code >= 0x30 && code <= 0x39 ? 0x30 : code;
  }
  const seed = SEEDS[GROUP.c] as number;
  for (let start = 0; start < length; start++) {
    let hash = seed;
    for (let n = 1; n <= max && start + n <= length; n++) {
      hash = fnvStep(hash, codes[start + n - 1] as number);
      if (n >= min) features.addHash(GROUP.c, hash);
    }
  }
}

const HEAD_WORDS = 2;
const TAIL_WORDS = 3;

/**
 * Where a word stands says what kind of message it is: the last words of a message carry its question or its
 * complaint ("… thì phải làm gì", "… bực lắm"), the first ones its opening ("cho hỏi", "bị"). Folded words tagged
 * with their distance from the end (or start), plus the final bigram; generic, no word list.
 */
function addEdgeFeatures(features: FeatureSink, tokens: readonly string[]): void {
  const seed = SEEDS[GROUP.pos] as number;
  const n = tokens.length;
  for (let i = 0; i < Math.min(HEAD_WORDS, n); i++) {
    features.addHash(GROUP.pos, fnvString(fnvStep(seed, 0x5e + i), tokens[i] as string));
  }
  for (let i = Math.max(0, n - TAIL_WORDS); i < n; i++) {
    const token = tokens[i] as string;
    features.addHash(GROUP.pos, fnvString(fnvStep(seed, 0x24 + (n - 1 - i)), isNumber(token) ? NUMBER_SHAPE : token));
  }
  if (n >= 2) features.addHash(GROUP.pos, fnvString(fnvStep(fnvString(fnvStep(seed, 0x7e), tokens[n - 2] as string), SPACE), tokens[n - 1] as string));
}

const CLAUSE_BREAK = /[,.;?!\n…]+/u;

/**
 * A long message that tells a story and ends with what the member wants ("… cđ gửi văn bản 3 lần, giờ ae làm j
 * đc nữa") is a question or a complaint by its last clause: that clause's folded words and bigrams, tagged as
 * such, only when the message has more than one clause (otherwise they repeat the whole message). Generic: the
 * clause is cut at punctuation, no word list.
 */
function addLastClauseFeatures(features: FeatureSink, text: NormalizedText): void {
  const clauses = text.nfc.split(CLAUSE_BREAK).map((part) => part.trim()).filter((part) => part !== '');
  if (clauses.length < 2) return;
  const tokens = normalizeText(clauses[clauses.length - 1] as string).foldedTokens;
  const seed = fnvStep(SEEDS[GROUP.pos] as number, 0x40);
  let previous = '^';
  for (const token of tokens) {
    const word = isNumber(token) ? NUMBER_SHAPE : token;
    features.addHash(GROUP.pos, fnvString(seed, word));
    features.addHash(GROUP.pos, fnvString(fnvStep(fnvString(seed, previous), SPACE), word));
    previous = word;
  }
}

/** Streams every feature hash of `text` into `features` (group by group as the config says). */
export function addFeatures(features: FeatureSink, text: NormalizedText, config: FeatureConfig = DEFAULT_FEATURE_CONFIG): void {
  const weights = config.groupWeights;
  addUniBigrams(features, GROUP.w, GROUP.b, text.tokens);
  addUniBigrams(features, GROUP.fw, GROUP.fb, text.foldedTokens);
  if (weights.c !== 0) addCharNgrams(features, text.folded, config.charNgramMin, config.charNgramMax);
  for (const expansion of text.expansions) features.addHash(GROUP.r, fnvString(SEEDS[GROUP.r] as number, expansion.from));
  if ((weights.pos ?? 0) !== 0) addEdgeFeatures(features, text.foldedTokens);
  if (config.lastClause === true && (weights.pos ?? 0) !== 0) addLastClauseFeatures(features, text);
  addLexiconFeatures(text, features, config.domainLexicon !== false);
}

export function extractFeatures(text: NormalizedText, config: FeatureConfig = DEFAULT_FEATURE_CONFIG): HashedVector {
  const features = new FeatureAccumulator(FEATURE_GROUPS);
  addFeatures(features, text, config);
  return features.toVector(config.groupWeights);
}
