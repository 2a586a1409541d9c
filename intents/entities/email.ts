import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';

// Runs on the folded view, so a Vietnamese letter typed by mistake in the local part still matches (and a
// full-width `＠` reads as `@`).
const EMAIL = /[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}/g;

/**
 * Addresses written to slip past filters: `x [at] gmail.com`, `x(a)gmail.com`, `x @ gmail . com`,
 * `x at gmail dot com`, and the Vietnamese spoken forms `x a còng gmail chấm com` ("a còng"/"a móc" = @,
 * "chấm" = dot). Spelled-out separators are common words ("đợt" folds to `dot`, "chậm" to `cham`), so this form
 * must end in a known top-level domain.
 */
const AT = String.raw`(?:\s*(?:@|\[\s*(?:at|a)\s*\]|\(\s*(?:at|a)\s*\)|\{\s*(?:at|a)\s*\}|<\s*at\s*>)\s*|\s+(?:at|a\s?cong|a\s?moc)\s+)`;
const DOT = String.raw`(?:\s*(?:\.|\[\s*(?:dot|cham)\s*\]|\(\s*(?:dot|cham)\s*\)|\{\s*dot\s*\})\s*|\s+(?:dot|cham)\s+)`;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
const TLD = '(?:com|net|org|edu|gov|vn|info|biz|io|me|co|us|uk|jp|kr|cn|sg|tw|au|de|fr|xyz|online|site)';
const OBFUSCATED_EMAIL = new RegExp(`[a-z0-9](?:[a-z0-9._%+-]{0,63}[a-z0-9_])?${AT}${LABEL}(?:${DOT}${LABEL}){0,3}${DOT}${TLD}(?![a-z0-9])`, 'g');
const AT_ONCE = new RegExp(AT);
const DOT_ALL = new RegExp(DOT, 'g');

export function findEmails(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(view.folded); match !== null; match = EMAIL.exec(view.folded)) {
    found.push(entityFromFoldedSpan(view, 'email', match.index, match.index + match[0].length, match[0]));
  }
  OBFUSCATED_EMAIL.lastIndex = 0;
  for (let match = OBFUSCATED_EMAIL.exec(view.folded); match !== null; match = OBFUSCATED_EMAIL.exec(view.folded)) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((email) => email.start <= (view.origin[start] ?? 0) && (view.origin[end - 1] ?? 0) < email.end)) continue;
    const [local, domain] = match[0].split(AT_ONCE) as [string, string];
    found.push(entityFromFoldedSpan(view, 'email', start, end, `${local}@${domain.replace(DOT_ALL, '.')}`));
  }
  return found;
}
