/**
 * Feature hashing: every feature ("w:lương", "c:ong t") is a 32-bit FNV-1a hash, so the model needs no
 * vocabulary file and unseen features cost nothing. Hashes are computed by streaming characters into the
 * hash state (a group's prefix, then the feature's characters), so the hot path builds no feature strings.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

/** Continues `hash` over the UTF-16 code units of `text`. */
export function fnvString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export function hashFeature(feature: string): number {
  return fnvString(FNV_OFFSET, feature);
}

/** The hash state after "<group>:" — a feature's hash is the group seed continued over the feature. */
export function groupSeed(group: string): number {
  return fnvString(FNV_OFFSET, `${group}:`);
}

/** A sparse vector over feature hashes: parallel arrays; a hash may repeat (its values add up). */
export interface HashedVector {
  hashes: Uint32Array;
  values: Float32Array;
}

/** Where feature extraction puts its hashes: FeatureAccumulator (training) or CompactFeatureSink (classifying). */
export interface FeatureSink {
  addHash(group: number, hash: number): void;
  add(group: number, feature: string): void;
}

/**
 * Collects feature hashes by group and weights each group as a whole, so the hundreds of char n-grams do not
 * drown the dozen words: a group's vector has (about) unit norm times the group's weight.
 */
export class FeatureAccumulator implements FeatureSink {
  // Per group, the hashes as they come (duplicates included). Plain arrays of numbers: cheaper than a Map
  // keyed by 32-bit hashes, which V8 would box.
  private readonly lists: number[][];

  /** `groups` fixes the group numbers used by addHash: addHash(0, h) adds to groups[0]. */
  constructor(private readonly groups: readonly string[]) {
    this.lists = groups.map(() => []);
  }

  addHash(group: number, hash: number): void {
    (this.lists[group] as number[]).push(hash);
  }

  /** Adds a feature by name: hashes "<group>:<feature>" (for the few named features, such as lexicon flags). */
  add(group: number, feature: string): void {
    this.addHash(group, hashFeature(`${this.groups[group] as string}:${feature}`));
  }

  /**
   * Each occurrence contributes weight/sqrt(n) for a group of n occurrences: a repeated feature adds up
   * linearly, and the group's vector has norm `weight` when its features are distinct (the usual case).
   * No sorting or deduplication, which this hot path cannot afford; duplicate hashes are summed when the
   * vector meets the weights.
   */
  toVector(groupWeights: Readonly<Record<string, number>>): HashedVector {
    let size = 0;
    for (const list of this.lists) size += list.length;
    const hashes = new Uint32Array(size);
    const values = new Float32Array(size);
    let out = 0;
    this.lists.forEach((list, g) => {
      const weight = groupWeights[this.groups[g] as string] ?? 1;
      if (weight === 0 || list.length === 0) return;
      const value = weight / Math.sqrt(list.length);
      for (const hash of list) {
        hashes[out] = hash;
        values[out] = value;
        out++;
      }
    });
    return { hashes: hashes.subarray(0, out), values: values.subarray(0, out) };
  }
}
