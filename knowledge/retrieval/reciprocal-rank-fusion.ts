/**
 * Reciprocal rank fusion: each ranking contributes 1 / (constant + rank). It needs no score calibration
 * between BM25 and cosine similarity, which live on unrelated scales. 60 is the constant of the original paper.
 */
export const RRF_CONSTANT = 60;

export function reciprocalRankFusion(rankings: readonly (readonly string[])[], constant = RRF_CONSTANT): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const ranking of rankings) {
    ranking.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (constant + index + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (firstSeen.get(a.id) as number) - (firstSeen.get(b.id) as number));
}
