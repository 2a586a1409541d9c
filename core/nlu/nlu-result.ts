import type { Route, Sentiment, Topic } from './labels.js';

export const ENTITY_TYPES = [
  'money',
  'duration',
  'date',
  'phone',
  'national_id',
  'social_insurance_no',
  'email',
  'bank_account',
  'province',
  'region',
  'person_name',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entity types that identify a person: redacted before logs and before any external LLM call. */
export const PERSONAL_ENTITY_TYPES: readonly EntityType[] = [
  'phone',
  'national_id',
  'social_insurance_no',
  'email',
  'bank_account',
  'person_name',
];

/**
 * A span found in the member's text. `start`/`end` index the original text (UTF-16 offsets) so that
 * redaction can cut exactly; `value` is the normalised meaning (a number of VND, days, an ISO date,
 * an E.164 phone, a province key...).
 */
export interface Entity {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  value: string | number;
  /** Extra, type-specific facts: e.g. `{ unit: 'month' }` for durations, `{ oldName: 'Bình Dương' }`. */
  meta?: Record<string, string | number | boolean>;
}

/**
 * Signals that a message is not a plain member message, whatever its route says:
 * - `injection`: it tries to instruct the assistant (ignore your rules, reveal your prompt, play a role, answer X);
 * - `spam`: advertising, scams, links to prizes, keyboard mash.
 * Mood figures and the learning queue leave flagged messages out of the concern counts (issue #11 item 4);
 * the answering side still answers a genuine question inside an injection attempt, without obeying it.
 */
export const NLU_FLAGS = ['injection', 'spam'] as const;
export type NluFlag = (typeof NLU_FLAGS)[number];

export interface NluConfidence {
  route: number;
  topic: number;
  sentiment: number;
}

/** What the classifier says about one member message. */
export interface NluResult {
  route: Route;
  topic: Topic;
  sentiment: Sentiment;
  /** Calibrated probabilities in [0, 1] of the chosen label of each head. */
  confidence: NluConfidence;
  entities: Entity[];
  /** Which model produced it (e.g. `keyword-rules@1`, `linear@2026-11-23`), stored for audits. */
  model: string;
  /** Second-best route and its probability, used to phrase a clarifying question. */
  alternatives?: { route: Route; confidence: number }[];
  /**
   * Injection/spam signals (see NLU_FLAGS), from reviewed high-precision patterns. Optional and additive: the
   * trained classifier always sets it (empty when nothing was found); other classifiers may leave it out, which
   * means the same as empty.
   */
  flags?: NluFlag[];
}

/** The classifier port. Synchronous and fast: it runs on every message. */
export interface MessageClassifier {
  readonly modelId: string;
  classify(text: string): NluResult;
}
