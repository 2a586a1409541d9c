import type { Route } from '../nlu/labels.js';
import type { NluResult } from '../nlu/nlu-result.js';
import type { NluThresholds } from '../nlu/thresholds.js';

/** Routes whose messages count in the mood figures: members' concerns, not greetings or off-topic chat. */
export const MOOD_ROUTES: readonly Route[] = ['question', 'feedback', 'handoff'];

/**
 * How much one message weighs in the mood index. A "góp ý" (feedback route) is the member saying how they feel on
 * purpose, so it counts twice a question or a hand-off request (docs/decisions.md D-mood-2). Counts of members and
 * messages are never weighted: only the index is.
 */
export const MOOD_WEIGHTS: Record<'question' | 'feedback' | 'handoff', number> = { question: 1, handoff: 1, feedback: 2 };

/**
 * An answer to the 1–5 mood check (core/pipeline/mood-check.vi.ts) is the member rating how things went, on
 * purpose and unambiguously: it weighs 3 (D-mood-8). It is stored as a `feedback` message whose NLU model is
 * `MOOD_CHECK_MODEL`, so that `mood rebuild` finds it again.
 */
export const MOOD_CHECK_WEIGHT = 3;
export const MOOD_CHECK_MODEL = 'mood-check';

export const MOOD_EXCLUSION_REASONS = ['injection', 'spam', 'low_confidence'] as const;
export type MoodExclusionReason = (typeof MOOD_EXCLUSION_REASONS)[number];

export type MoodCapture =
  | { kind: 'counted'; topic: string; sentiment: string; weight: number }
  | { kind: 'excluded'; reason: MoodExclusionReason }
  | { kind: 'ignored' };

/**
 * Whether a classified member message moves the mood figures. Injection and spam (issue #11) and messages the NLU
 * is unsure about (route or topic below the thresholds the bot itself acts on) are counted apart, never in the
 * figures; greetings and off-topic chat are not concerns at all. `congdoan mood rebuild` applies the same rule
 * in SQL (bots/storage/repositories/mood-repository.ts): keep the two in step.
 */
export function moodCaptureOf(nlu: Pick<NluResult, 'route' | 'topic' | 'sentiment' | 'confidence' | 'flags'> & { model?: string }, thresholds: Pick<NluThresholds, 'route' | 'topic'>): MoodCapture {
  if (nlu.flags?.includes('injection')) return { kind: 'excluded', reason: 'injection' };
  if (nlu.flags?.includes('spam')) return { kind: 'excluded', reason: 'spam' };
  if (!(MOOD_ROUTES as readonly string[]).includes(nlu.route)) return { kind: 'ignored' };
  // Compared at the precision the database stores (float4), so that `mood rebuild` draws the line in the same place.
  if (Math.fround(nlu.confidence.route) < Math.fround(thresholds.route) || Math.fround(nlu.confidence.topic) < Math.fround(thresholds.topic)) return { kind: 'excluded', reason: 'low_confidence' };
  const weight = nlu.model === MOOD_CHECK_MODEL ? MOOD_CHECK_WEIGHT : MOOD_WEIGHTS[nlu.route as keyof typeof MOOD_WEIGHTS];
  return { kind: 'counted', topic: nlu.topic, sentiment: nlu.sentiment, weight };
}
