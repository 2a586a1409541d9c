/**
 * The feature groups, numbered for FeatureAccumulator slots: accented uni/bigrams, folded uni/bigrams, char
 * n-grams, raw teencode tokens, negation scope, lexicon flags, edge positions (first and last words). Group weights in FeatureConfig use the names.
 */
export const FEATURE_GROUPS = ['w', 'b', 'fw', 'fb', 'c', 'r', 'neg', 'lex', 'pos'] as const;
export const GROUP = { w: 0, b: 1, fw: 2, fb: 3, c: 4, r: 5, neg: 6, lex: 7, pos: 8 } as const;
