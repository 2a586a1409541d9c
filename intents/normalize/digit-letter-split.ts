/**
 * Separates digits from letters glued to them (`5tr` → `5 tr`, `45ngay` → `45 ngay`, `4tr7` → `4 tr 7`,
 * `5.000.000đ` → `5.000.000 đ`) so the teencode table and the number readers see whole tokens.
 */
const LETTER_THEN_DIGIT = /(\p{L})(?=\d)/gu;
const DIGIT_THEN_LETTER = /(\d)(?=\p{L})/gu;

export function splitDigitsFromLetters(text: string): string {
  if (!/\d/.test(text)) return text;
  return text.replace(DIGIT_THEN_LETTER, '$1 ').replace(LETTER_THEN_DIGIT, '$1 ');
}
