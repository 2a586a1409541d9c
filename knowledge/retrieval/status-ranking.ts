import { RECOMMENDED_MIN_STRENGTH } from './match-strength.js';

/** True when the best expired match covers the question and the best in-force match does not. */
export function onlyExpiredIsStrong(scores: Float64Array, expired: readonly boolean[], strengthOf: (position: number) => number): boolean {
  let bestLive = -1;
  let bestExpired = -1;
  scores.forEach((score, position) => {
    if (score <= 0) return;
    if (expired[position]) {
      if (bestExpired < 0 || score > (scores[bestExpired] as number)) bestExpired = position;
    } else if (bestLive < 0 || score > (scores[bestLive] as number)) {
      bestLive = position;
    }
  });
  if (bestExpired < 0) return false;
  if (bestLive < 0) return true;
  return strengthOf(bestLive) < RECOMMENDED_MIN_STRENGTH && strengthOf(bestExpired) >= RECOMMENDED_MIN_STRENGTH;
}

/**
 * Orders matching articles. In force first: expired ones are dropped unless asked for, unless nothing in force
 * matched, or unless only an expired article covers the question. When they are included they are discounted,
 * and the article that replaced each one is lifted just above it, so an old provision never outranks its
 * current version. `liftReplacements` false leaves that to the caller (law-retriever.ts: when the old law is not
 * asked about, in-force-instead.ts decides, clause by clause, whether the replacement states what matched).
 */
export function rankByStatus(
  scores: Float64Array,
  expired: readonly boolean[],
  replacement: Int32Array,
  includeExpired: boolean,
  expiredPenalty: number,
  liftReplacements = true,
): { position: number; score: number }[] {
  const matched: number[] = [];
  scores.forEach((score, position) => {
    if (score > 0) matched.push(position);
  });
  const live = matched.filter((position) => !expired[position]);
  let pool: number[];
  const adjusted = Float64Array.from(scores);
  if (!includeExpired) {
    pool = live.length > 0 ? live : matched;
  } else {
    pool = [...matched];
    for (const position of matched) {
      if (!expired[position]) continue;
      const discounted = (scores[position] as number) * expiredPenalty;
      adjusted[position] = discounted;
      const successor = replacement[position] as number;
      if (liftReplacements && successor >= 0 && (adjusted[successor] as number) <= discounted) {
        adjusted[successor] = discounted * 1.001 + 1e-9;
        if (!pool.includes(successor)) pool.push(successor);
      }
    }
  }
  return pool
    .map((position) => ({ position, score: adjusted[position] as number }))
    .sort((a, b) => b.score - a.score || a.position - b.position);
}

