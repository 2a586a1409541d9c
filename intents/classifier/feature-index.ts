/**
 * Hash → row lookup for the features a model knows: open addressing over one typed array. Feature hashes are
 * 32-bit, so a JS Map would box every key; this table answers a lookup in a few array reads, which matters
 * because every message does a few hundred of them. Each slot is a (row, key) pair side by side: the table
 * (2 MB for the shipped model) does not fit in cache, and a probe that reads the row and the key from two
 * separate arrays costs two cache misses where one suffices.
 */
export interface FeatureIndex {
  /** slots[2s] = row (-1 when empty), slots[2s + 1] = the feature hash (as int32). */
  slots: Int32Array;
  bits: number;
}

const EMPTY = -1;
const GOLDEN = 0x9e3779b1;

function slotOf(hash: number, bits: number): number {
  return Math.imul(hash, GOLDEN) >>> (32 - bits);
}

export function buildFeatureIndex(hashes: Uint32Array): FeatureIndex {
  let bits = 4;
  while (1 << bits < hashes.length * 2) bits++;
  const size = 1 << bits;
  const slots = new Int32Array(size * 2).fill(EMPTY);
  const mask = size - 1;
  hashes.forEach((hash, row) => {
    let slot = slotOf(hash, bits);
    while (slots[slot * 2] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot * 2] = row;
    slots[slot * 2 + 1] = hash | 0;
  });
  return { slots, bits };
}

/** The row of `hash`, or -1 when the model never saw that feature. */
export function lookupRow(index: FeatureIndex, hash: number): number {
  const mask = (1 << index.bits) - 1;
  const slots = index.slots;
  const key = hash | 0;
  let slot = slotOf(hash, index.bits);
  for (;;) {
    const row = slots[slot * 2] as number;
    if (row === EMPTY) return EMPTY;
    if (slots[slot * 2 + 1] === key) return row;
    slot = (slot + 1) & mask;
  }
}
