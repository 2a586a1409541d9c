/**
 * Numbers as members write them: `5.000.000` and `5 000 000` (dot/space thousands), `1,5` (decimal comma),
 * `2.5` (decimal point), and money with units: `5tr`, `4tr7`, `500k`, `2 củ`, `1,5 tỷ`, `3 triệu rưỡi`.
 */

/** Multipliers of money units, keyed by the FOLDED unit word. */
export const MONEY_UNIT_MULTIPLIERS: Readonly<Record<string, number>> = {
  ty: 1e9,
  ti: 1e9,
  trieu: 1e6,
  tr: 1e6,
  cu: 1e6,
  m: 1e6,
  lit: 1e5,
  xi: 1e5,
  nghin: 1e3,
  ngan: 1e3,
  k: 1e3,
  dong: 1,
  d: 1,
  vnd: 1,
};

const THOUSANDS = /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/;
const DECIMAL = /^\d+[.,]\d+$/;
const INTEGER = /^\d+$/;

/** Reads a number written the Vietnamese way; null when it is not one number (e.g. `15/3`). */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim();
  if (INTEGER.test(trimmed)) return Number(trimmed);
  if (THOUSANDS.test(trimmed)) return Number(trimmed.replace(/[., ]/g, ''));
  if (DECIMAL.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return null;
}

/** `5.000.000` → `5000000`, `1,5` → `1,5`: one spelling per value for the classifier's features. */
export function canonicalNumberToken(token: string): string {
  const trimmed = token.trim();
  if (THOUSANDS.test(trimmed) && !trimmed.includes(' ')) return trimmed.replace(/[.,]/g, '');
  if (DECIMAL.test(trimmed)) return trimmed.replace('.', ',');
  return trimmed;
}

/**
 * The value of `amount unit [remainder]`: `4 tr 7` → 4 700 000, `1 tỷ 2` → 1 200 000 000, `2 tr 500` →
 * 2 500 000. A bare remainder after a unit is read as the next digits of that unit, as Vietnamese speakers
 * do; `half` adds a half unit (`rưỡi`).
 */
export function moneyValue(amount: number, multiplier: number, remainder?: string, half = false): number {
  let value = amount * multiplier;
  if (remainder !== undefined && remainder !== '' && multiplier >= 1000) {
    value += (Number(remainder) * multiplier) / 10 ** remainder.length;
  }
  if (half) value += multiplier / 2;
  return Math.round(value);
}
