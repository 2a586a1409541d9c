/**
 * Hash → row lookup for the features a model knows: open addressing over typed arrays. Feature hashes are
 * 32-bit, so a JS Map would box every key; this table answers a lookup in a few array reads, which matters
 * because every message does a few hundred of them.
 */
export interface FeatureIndex {
  keys: Uint32Array;
  rows: Int32Array;
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
  const keys = new Uint32Array(size);
  const rows = new Int32Array(size).fill(EMPTY);
  const mask = size - 1;
  hashes.forEach((hash, row) => {
    let slot = slotOf(hash, bits);
    while (rows[slot] !== EMPTY) slot = (slot + 1) & mask;
    keys[slot] = hash;
    rows[slot] = row;
  });
  return { keys, rows, bits };
}

/** The row of `hash`, or -1 when the model never saw that feature. */
export function lookupRow(index: FeatureIndex, hash: number): number {
  const mask = (1 << index.bits) - 1;
  let slot = slotOf(hash, index.bits);
  for (;;) {
    const row = index.rows[slot] as number;
    if (row === EMPTY) return EMPTY;
    if (index.keys[slot] === hash) return row;
    slot = (slot + 1) & mask;
  }
}
