import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Number types of the numbering plan that a person can be reached on (hotlines such as 1900 are not personal). */
const PERSONAL_TYPES = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'VOIP', 'PERSONAL_NUMBER']);

export interface ParsedPhone {
  e164: string;
  kind: string;
  personal: boolean;
}

/**
 * Validates a run of digits as a Vietnamese phone number against the full numbering plan (the `max`
 * metadata: the `min` build accepts 0123456789, whose 012 prefix was retired in 2018).
 */
/** Lengths and prefixes a Vietnamese number can have: checked first, because libphonenumber throws (slowly) on junk. */
const PLAUSIBLE = /^(?:0\d{8,10}|84\d{8,10}|1[89]00\d{4,6})$/;

export function parseVietnamesePhone(digits: string, hasPlus: boolean): ParsedPhone | null {
  if (!PLAUSIBLE.test(digits)) return null;
  const candidate = hasPlus ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, 'VN');
  if (parsed === undefined || !parsed.isValid()) return null;
  if (parsed.countryCallingCode !== '84') return null;
  const kind = parsed.getType() ?? 'UNKNOWN';
  return { e164: parsed.number, kind: kind.toLowerCase(), personal: PERSONAL_TYPES.has(kind) || kind === 'UNKNOWN' };
}
