import { hashFeature, type FeatureSink } from './feature-hashing.js';
import { lookupRow, type FeatureIndex } from './feature-index.js';
import type { CompactVector, FeatureSpace } from './softmax-regression.js';

/**
 * The classifying path's feature sink: each hash is looked up in the model's feature space as it arrives, so a
 * message never builds the full hashed vector (a few hundred hashes, most of them unknown char n-grams) only to
 * drop most of it in compactVector. Its scratch buffers are reused from one message to the next (one sink per
 * classifier; classification is synchronous, so one message at a time). The result is bit for bit what
 * compactVector(FeatureAccumulator.toVector(...)) gives: same rows, same order (group by group, in arrival
 * order), same float32 values (checked by compact-features.test.ts).
 */
export class CompactFeatureSink implements FeatureSink {
  private rows = new Int32Array(512);
  private groups = new Uint8Array(512);
  private known = 0;
  /** Every occurrence per group, known to the model or not: a group's value is weight / sqrt(all of them). */
  private readonly counts: Int32Array;
  private readonly knownPerGroup: Int32Array;
  private readonly groupValues: Float32Array;
  private readonly starts: Int32Array;

  constructor(
    private readonly groupNames: readonly string[],
    private readonly index: FeatureIndex,
  ) {
    this.counts = new Int32Array(groupNames.length);
    this.knownPerGroup = new Int32Array(groupNames.length);
    this.groupValues = new Float32Array(groupNames.length);
    this.starts = new Int32Array(groupNames.length);
  }

  addHash(group: number, hash: number): void {
    this.counts[group] = (this.counts[group] as number) + 1;
    const row = lookupRow(this.index, hash);
    if (row < 0) return;
    if (this.known === this.rows.length) this.grow();
    this.rows[this.known] = row;
    this.groups[this.known] = group;
    this.known++;
  }

  add(group: number, feature: string): void {
    this.addHash(group, hashFeature(`${this.groupNames[group] as string}:${feature}`));
  }

  /** The compact vector of what was added since the last call, then empties the sink for the next message. */
  take(groupWeights: Readonly<Record<string, number>>): CompactVector {
    const groupCount = this.groupNames.length;
    const { counts, knownPerGroup, groupValues, starts } = this;
    knownPerGroup.fill(0);
    for (let i = 0; i < this.known; i++) {
      const g = this.groups[i] as number;
      knownPerGroup[g] = (knownPerGroup[g] as number) + 1;
    }
    let size = 0;
    for (let g = 0; g < groupCount; g++) {
      const weight = groupWeights[this.groupNames[g] as string] ?? 1;
      const count = counts[g] as number;
      starts[g] = size;
      // A zero-weight group is left out, as FeatureAccumulator.toVector leaves it out.
      groupValues[g] = weight === 0 || count === 0 ? 0 : weight / Math.sqrt(count);
      if (weight === 0 || count === 0) continue;
      size += knownPerGroup[g] as number;
    }
    const rows = new Int32Array(size);
    const values = new Float32Array(size);
    for (let i = 0; i < this.known; i++) {
      const g = this.groups[i] as number;
      // A known row's group has count > 0, so value 0 means weight 0 (or a weight so small it rounds to 0).
      if (groupValues[g] === 0 && (groupWeights[this.groupNames[g] as string] ?? 1) === 0) continue;
      const at = starts[g] as number;
      rows[at] = this.rows[i] as number;
      values[at] = groupValues[g] as number;
      starts[g] = at + 1;
    }
    this.reset();
    return { rows, values };
  }

  /** Forgets what was added (also called before each message, in case the last one threw half-way). */
  reset(): void {
    this.counts.fill(0);
    this.known = 0;
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    const groups = new Uint8Array(this.groups.length * 2);
    groups.set(this.groups);
    this.groups = groups;
  }
}

/** A sink for `space` over the given groups. */
export function createCompactFeatureSink(groupNames: readonly string[], space: FeatureSpace): CompactFeatureSink {
  return new CompactFeatureSink(groupNames, space.index);
}
