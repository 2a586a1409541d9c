import type { Entity } from '../../core/nlu/nlu-result.js';
import { originalSpan, type AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';
import { IDENTIFIER_CONTEXT_WORDS, type IdentifierContextType } from './identifier-context.vi.js';
import { parseVietnamesePhone } from './phone-number.js';

/**
 * Phones, national ids (CCCD 12 digits, CMND 9), social insurance numbers (10) and bank accounts share one
 * shape: a run of digits, maybe grouped by spaces, dots or dashes. They are told apart by the nearest
 * announcing word before the number, then by the numbering plan, then by length.
 */

/** A long digit run that is personal-looking but of no known kind: redacted, never reported as an entity. */
export interface UnknownNumberSpan {
  start: number;
  end: number;
}

export interface IdentifierScan {
  entities: Entity[];
  unknownNumbers: UnknownNumberSpan[];
}

const DIGIT_RUN = /\+?\d+(?:[ .-]\d+)*/g;
const CONTEXT_WINDOW = 48;
const SENTENCE_BREAK = /[!?\n;]|\.\s/g;
const MONEY_AFTER = /^\s?(?:d\b|đ|dong\b|vnd\b|vnđ|k\b|tr\b|trieu\b|nghin\b|ngan\b|ty\b|cu\b|usd\b|\$|%|ngay\b|thang\b|nam\b|gio\b|phut\b|tuan\b|lan\b|nguoi\b)/;
const GROUPED_AMOUNT = /^[1-9]\d{0,2}(?:[.,]\d{3})+$/;
const UNKNOWN_NUMBER_MIN_DIGITS = 9;

const CONTEXT_PATTERNS = Object.entries(IDENTIFIER_CONTEXT_WORDS).map(([type, words]) => ({
  type: type as IdentifierContextType,
  pattern: new RegExp(`(?:^|[^a-z0-9])(?:${[...words].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`, 'g'),
}));

/** The announcing word closest to the number (the last one in the window before it), if any. */
function nearestContext(before: string): IdentifierContextType | null {
  let bestType: IdentifierContextType | null = null;
  let bestEnd = -1;
  for (const { type, pattern } of CONTEXT_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(before); match !== null; match = pattern.exec(before)) {
      const end = match.index + match[0].length;
      if (end > bestEnd) {
        bestEnd = end;
        bestType = type;
      }
    }
  }
  return bestType;
}

function contextBefore(folded: string, start: number): string {
  const window = folded.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  let cut = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(window); match !== null; match = SENTENCE_BREAK.exec(window)) {
    cut = match.index + match[0].length;
  }
  return window.slice(cut);
}

interface Classified {
  type: Entity['type'] | 'unknown_number';
  value: string;
  meta?: Entity['meta'];
}

function fitsContext(type: IdentifierContextType, digits: string, hasPlus: boolean): Classified | null {
  switch (type) {
    case 'phone': {
      const phone = parseVietnamesePhone(digits, hasPlus);
      return phone === null ? null : { type: 'phone', value: phone.e164, meta: { kind: phone.kind, personal: phone.personal } };
    }
    case 'national_id':
      if (hasPlus) return null;
      if (digits.length === 12) return { type: 'national_id', value: digits, meta: { kind: 'cccd' } };
      if (digits.length === 9) return { type: 'national_id', value: digits, meta: { kind: 'cmnd' } };
      return null;
    case 'social_insurance_no':
      return !hasPlus && digits.length === 10 ? { type: 'social_insurance_no', value: digits } : null;
    case 'bank_account':
      return !hasPlus && digits.length >= 6 && digits.length <= 19 ? { type: 'bank_account', value: digits } : null;
  }
}

function classify(digits: string, hasPlus: boolean, context: IdentifierContextType | null): Classified | null {
  if (context !== null) {
    const byContext = fitsContext(context, digits, hasPlus);
    if (byContext !== null) return byContext;
  }
  const phone = parseVietnamesePhone(digits, hasPlus);
  if (phone !== null) return { type: 'phone', value: phone.e164, meta: { kind: phone.kind, personal: phone.personal } };
  // A bare 12-digit number starting with a province code is almost always a CCCD in a chat message.
  if (digits.length === 12 && digits.startsWith('0')) return { type: 'national_id', value: digits, meta: { kind: 'cccd' } };
  if (digits.length >= UNKNOWN_NUMBER_MIN_DIGITS) return { type: 'unknown_number', value: digits };
  return null;
}

function isAmount(runText: string, after: string): boolean {
  return MONEY_AFTER.test(after) || GROUPED_AMOUNT.test(runText);
}

/**
 * Machine identifiers — UUIDs (conversation and message ids in logs) and long hex ids (hashes, trace ids) —
 * hold digit runs that look like phones or long numbers but identify no person: their digits are left alone.
 */
const OPAQUE_IDS = [
  /(?<![0-9a-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z])/g,
  /(?<![0-9a-z])(?=[0-9a-f]*[a-f])[0-9a-f]{24,}(?![0-9a-z])/g,
];

function opaqueIdSpans(folded: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const pattern of OPAQUE_IDS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

export function scanIdentifiers(view: AlignedFold): IdentifierScan {
  const { folded } = view;
  const entities: Entity[] = [];
  const unknownNumbers: UnknownNumberSpan[] = [];
  const opaque = opaqueIdSpans(folded);
  DIGIT_RUN.lastIndex = 0;
  for (let run = DIGIT_RUN.exec(folded); run !== null; run = DIGIT_RUN.exec(folded)) {
    const runStart = run.index;
    if (opaque.some((span) => runStart < span.end && span.start < runStart + run[0].length)) continue;
    // Digits glued to a longer digit/letter run on the left (e.g. inside a code like A123) are not identifiers.
    if (runStart > 0 && /[0-9]/.test(folded[runStart - 1] as string)) continue;
    const groups = [...run[0].matchAll(/\+?\d+/g)].map((g) => ({ start: runStart + g.index, text: g[0] }));
    // Try the longest sequence of groups first, so "0912 345 678" is one phone, but "0912345678 2 lần" still is.
    let first = 0;
    while (first < groups.length) {
      let matched = false;
      for (let last = groups.length - 1; last >= first; last--) {
        const start = (groups[first] as { start: number }).start;
        const lastGroup = groups[last] as { start: number; text: string };
        const end = lastGroup.start + lastGroup.text.length;
        const text = folded.slice(start, end);
        // A long run with a leading 0 or + is a phone or an id even before "tháng"/"ngày" ("sđt 0912345678 tháng này…"):
        // amounts and durations do not start with 0.
        const identifierShaped = /^[+0]/.test(text) && text.replace(/\D/g, '').length >= 9;
        if (!identifierShaped && isAmount(text, folded.slice(end, end + 8))) continue;
        const hasPlus = text.startsWith('+');
        const digits = text.replace(/\D/g, '');
        const found = classify(digits, hasPlus, nearestContext(contextBefore(folded, start)));
        if (found === null) continue;
        if (found.type === 'unknown_number') {
          unknownNumbers.push(originalSpan(view, start, end));
        } else {
          entities.push(entityFromFoldedSpan(view, found.type, start, end, found.value, found.meta));
        }
        first = last + 1;
        matched = true;
        break;
      }
      if (!matched) first++;
    }
  }
  return { entities, unknownNumbers };
}
