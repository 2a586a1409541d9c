/**
 * The mood index of a group, from -100 (every weighted message negative) to +100 (every one positive):
 * 100 × (positive weight − negative weight) / total weight. Weights come from MOOD_WEIGHTS (a "góp ý" counts
 * double). Null when nothing was said.
 */
export function moodIndex(weights: { positive: number; negative: number; total: number }): number | null {
  if (weights.total <= 0) return null;
  return round1((100 * (weights.positive - weights.negative)) / weights.total);
}

/**
 * A 95 % band around the index: the index is the mean of a score in {-1, 0, +1}, so its standard error is
 * sqrt(variance / n) with n the distinct members behind the point (conservative: members, not messages, are
 * the independent voices).
 */
export function moodIndexBand(weights: { positive: number; negative: number; total: number }, members: number): { low: number; high: number } | null {
  if (weights.total <= 0 || members <= 0) return null;
  const pos = weights.positive / weights.total;
  const neg = weights.negative / weights.total;
  const mean = pos - neg;
  const variance = Math.max(0, pos + neg - mean * mean);
  const half = 1.96 * Math.sqrt(variance / members);
  return { low: round1(Math.max(-100, 100 * (mean - half))), high: round1(Math.min(100, 100 * (mean + half))) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
