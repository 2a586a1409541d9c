/**
 * How much of a question's distinctive vocabulary each FAQ entry explains. The matcher's cosine treats a question
 * as a bag of grams, so a word most entries share ("nghỉ", "tháng lương", "báo trước") counts nearly as much as the
 * one word that names the subject ("đuổi việc" vs "nghỉ ngang"): "bị đuổi việc ngang … đền mấy tháng lương" reached
 * the entry about the employee quitting (issue #11, D-answers-18). Here a feature's weight is its inverse document
 * frequency over ENTRIES (all phrasings of an entry pooled), not over phrasings: an entry with ten phrasings of
 * its own subject no longer makes that subject look common, and a word every entry uses weighs nothing.
 */
export interface EntryTermWeights {
  /**
   * For one question: the share in [0, 1] of its distinctive weight (features some entry has) that entry
   * `entryIndex` holds among all its phrasings; 1 when the question has no distinctive feature at all (nothing to
   * tell apart), 0 for an unknown entry. The question's weights are computed once, then each candidate is a lookup.
   */
  supportOf(queryFeatures: readonly string[]): (entryIndex: number) => number;
}

export function buildEntryTermWeights(entryFeatureBags: readonly (readonly string[])[]): EntryTermWeights {
  const entrySets = entryFeatureBags.map((bag) => new Set(bag));
  const entryFrequency = new Map<string, number>();
  for (const features of entrySets) {
    for (const feature of features) entryFrequency.set(feature, (entryFrequency.get(feature) ?? 0) + 1);
  }
  const total = entrySets.length;
  // Unsmoothed: a feature in every entry weighs exactly 0; one unknown to the FAQ weighs nothing either, since it
  // cannot tell two candidate entries apart (the cosine already counts it against all of them).
  const weight = (feature: string) => {
    const frequency = entryFrequency.get(feature) ?? 0;
    return frequency === 0 ? 0 : Math.log(total / frequency);
  };

  const supportOf = (queryFeatures: readonly string[]) => {
    const weighted: [string, number][] = [];
    let all = 0;
    for (const feature of new Set(queryFeatures)) {
      const w = weight(feature);
      if (w === 0) continue;
      weighted.push([feature, w]);
      all += w;
    }
    return (entryIndex: number): number => {
      const features = entrySets[entryIndex];
      if (!features) return 0;
      if (all === 0) return 1;
      let held = 0;
      for (const [feature, w] of weighted) if (features.has(feature)) held += w;
      return held / all;
    };
  };

  return { supportOf };
}
