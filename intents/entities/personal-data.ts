import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { findEmails } from './email.js';
import { resolveOverlaps } from './entity-span.js';
import { scanIdentifiers, type UnknownNumberSpan } from './identifiers.js';
import { findPersonNames } from './person-name.js';

export interface PersonalDataScan {
  /** Phones, national ids, social insurance numbers, emails, bank accounts and names, in text order. */
  entities: Entity[];
  /** Long numbers of no known kind (redacted to be safe, not reported). */
  unknownNumbers: UnknownNumberSpan[];
}

export function scanPersonalData(view: AlignedFold): PersonalDataScan {
  const identifiers = scanIdentifiers(view);
  // Emails first: their digits ("an0987654321@gmail.com") must not be read as a phone.
  const entities = resolveOverlaps([...findEmails(view), ...identifiers.entities, ...findPersonNames(view)]);
  const unknownNumbers = identifiers.unknownNumbers.filter(
    (span) => !entities.some((entity) => span.start < entity.end && entity.start < span.end),
  );
  return { entities, unknownNumbers };
}
