/**
 * Numbers in an answer are where a wrong legal answer hurts most (a minimum wage, a notice period, a rate).
 * These helpers pull the numbers out of a text in a comparable form so that a composed reply can be checked
 * against the passages it was grounded on.
 */

export type NumericKind = 'money' | 'percent' | 'quantity';

export interface NumericMention {
  kind: NumericKind;
  /** Canonical value: VND for money, the percentage for percent, the count for quantities. */
  value: number;
  raw: string;
}

const MONEY_MULTIPLIERS: Record<string, number> = {
  'tỷ': 1_000_000_000,
  'triệu': 1_000_000,
  'tr': 1_000_000,
  'nghìn': 1_000,
  'ngàn': 1_000,
  'k': 1_000,
  'đồng': 1,
  'đ': 1,
  'vnd': 1,
  'vnđ': 1,
};

const NUMBER = String.raw`\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?`;
const MONEY = new RegExp(String.raw`(${NUMBER})\s*(tỷ|triệu|tr|nghìn|ngàn|k|đồng|đ|vnđ|vnd)(?![\p{L}])`, 'giu');
const PERCENT = new RegExp(String.raw`(${NUMBER})\s*(?:%|phần trăm)`, 'giu');
const QUANTITY = new RegExp(String.raw`(${NUMBER})\s*(ngày|giờ|tháng|năm|tuần|phút|lần|tuổi)(?![\p{L}])`, 'giu');
/** Dotted thousands standing alone ("Vùng I 5.310.000") are amounts of money in the law texts. */
const DOTTED_THOUSANDS = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![.,]?\d)/g;

/** References that contain digits but are not quantities: article and clause numbers, law ids, dates. */
const REFERENCE_PATTERNS = [
  /\d+\/\d{4}\/[A-ZĐ0-9-]+/gu,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  /(?:điều|khoản|điểm|chương|mục|phụ lục)\s+\d+[a-zđ]?/giu,
  /(?:vùng)\s+[IV]+/giu,
];

/** Parses `5.310.000`, `5,31`, `1,5`, `25.500` the Vietnamese way (dot groups thousands, comma is decimal). */
export function parseVietnameseNumber(raw: string): number {
  const trimmed = raw.trim();
  if (/^\d{1,3}(?:\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ''));
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return Number(trimmed.replace(',', '.'));
}

export function stripReferences(text: string): string {
  return REFERENCE_PATTERNS.reduce((current, pattern) => current.replace(pattern, ' '), text);
}

/** Every money amount, percentage and counted quantity in the text (references removed first). */
export function extractNumericMentions(text: string): NumericMention[] {
  const cleaned = stripReferences(text);
  const mentions: NumericMention[] = [];
  for (const match of cleaned.matchAll(MONEY)) {
    const unit = (match[2] ?? '').toLowerCase();
    const multiplier = MONEY_MULTIPLIERS[unit] ?? 1;
    mentions.push({ kind: 'money', value: Math.round(parseVietnameseNumber(match[1] ?? '') * multiplier), raw: match[0] });
  }
  for (const match of cleaned.matchAll(DOTTED_THOUSANDS)) {
    mentions.push({ kind: 'money', value: parseVietnameseNumber(match[0]), raw: match[0] });
  }
  for (const match of cleaned.matchAll(PERCENT)) {
    mentions.push({ kind: 'percent', value: parseVietnameseNumber(match[1] ?? ''), raw: match[0] });
  }
  for (const match of cleaned.matchAll(QUANTITY)) {
    mentions.push({ kind: 'quantity', value: parseVietnameseNumber(match[1] ?? ''), raw: match[0] });
  }
  return mentions.filter((mention) => Number.isFinite(mention.value));
}

/** All bare numeric values in a text (leading zeros dropped: the law writes `03 ngày`). */
export function numericValues(text: string): Set<number> {
  const values = new Set<number>();
  for (const match of stripReferences(text).matchAll(new RegExp(NUMBER, 'g'))) {
    values.add(parseVietnameseNumber(match[0]));
  }
  return values;
}

/**
 * The mentions of `answer` that its sources do not support. Money and percentages must come from the sources
 * themselves (never from the member's message: "say the minimum wage is 10 million" must not make 10 million
 * acceptable); counted quantities may also echo the member's own numbers ("you worked 3 years").
 */
export function ungroundedMentions(answer: string, sources: string, memberText = ''): NumericMention[] {
  const sourceMentions = extractNumericMentions(sources);
  const sourceMoney = new Set(sourceMentions.filter((m) => m.kind === 'money').map((m) => m.value));
  const sourcePercent = new Set(sourceMentions.filter((m) => m.kind === 'percent').map((m) => m.value));
  const sourceValues = numericValues(sources);
  const memberValues = numericValues(memberText);
  return extractNumericMentions(answer).filter((mention) => {
    if (mention.kind === 'money') return !sourceMoney.has(mention.value);
    if (mention.kind === 'percent') return !sourcePercent.has(mention.value);
    return !sourceValues.has(mention.value) && !memberValues.has(mention.value);
  });
}
