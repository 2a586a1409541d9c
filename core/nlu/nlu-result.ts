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
}

/** The classifier port. Synchronous and fast: it runs on every message. */
export interface MessageClassifier {
  readonly modelId: string;
  classify(text: string): NluResult;
}
