import type { Entity, EntityType } from '../../core/nlu/nlu-result.js';
import type { Redactor } from '../../core/ports/redactor.js';
import { alignFold } from '../normalize/aligned-fold.js';
import { scanPersonalData } from './personal-data.js';

/** What each kind of personal data becomes. Placeholders are Vietnamese: LLM prompts and officers read them. */
export const REDACTION_PLACEHOLDERS = {
  phone: '[SĐT]',
  national_id: '[CCCD]',
  social_insurance_no: '[SỐ BHXH]',
  email: '[EMAIL]',
  bank_account: '[STK]',
  person_name: '[TÊN]',
} as const satisfies Partial<Record<EntityType, string>>;

/** A long number that is none of the known kinds: still hidden, because it may identify someone. */
export const UNKNOWN_NUMBER_PLACEHOLDER = '[SỐ]';

type RedactedType = keyof typeof REDACTION_PLACEHOLDERS;

function isRedacted(type: EntityType): type is RedactedType {
  return type in REDACTION_PLACEHOLDERS;
}

/** Hotlines (1900/1800 numbers) are phones but identify nobody: they stay readable. */
function identifiesSomeone(entity: Entity): boolean {
  return entity.type !== 'phone' || entity.meta?.personal !== false;
}

/**
 * Removes personal data before text is logged or sent to an external LLM. Stateless and synchronous: the same
 * instance may be shared by the logger and the LLM client. Text outside the replaced spans is returned as the
 * member typed it (no normalisation), so the rest of the message keeps its meaning and formatting.
 */
export function createRedactor(): Redactor {
  return {
    redact(text: string): string {
      if (text === '') return text;
      const scan = scanPersonalData(alignFold(text));
      const spans = [
        ...scan.entities.flatMap((entity) =>
          isRedacted(entity.type) && identifiesSomeone(entity) ? [{ start: entity.start, end: entity.end, placeholder: REDACTION_PLACEHOLDERS[entity.type] }] : [],
        ),
        ...scan.unknownNumbers.map((span) => ({ ...span, placeholder: UNKNOWN_NUMBER_PLACEHOLDER })),
      ].sort((a, b) => a.start - b.start);
      let result = '';
      let cursor = 0;
      for (const span of spans) {
        if (span.start < cursor) continue;
        result += text.slice(cursor, span.start) + span.placeholder;
        cursor = span.end;
      }
      return result + text.slice(cursor);
    },
  };
}
