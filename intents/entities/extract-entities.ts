import type { Entity } from '../../core/nlu/nlu-result.js';
import { alignFold, type AlignedFold } from '../normalize/aligned-fold.js';
import { findDates } from './dates.js';
import { findDurations } from './duration.js';
import { findEmails } from './email.js';
import { resolveOverlaps } from './entity-span.js';
import { scanIdentifiers } from './identifiers.js';
import { findMoney } from './money.js';
import { findPersonNames } from './person-name.js';
import { findProvinces } from './province.js';
import { findWageRegions } from './wage-region.js';

export interface EntityExtractionOptions {
  /** "Today" for relative and year-less dates. Passed in so results are reproducible. */
  now: Date;
}

/**
 * Every entity of a message, spans on the original text, no overlaps. Finders are listed most specific first:
 * an email's digits are not a phone, a phone is not money, an explicit date beats chrono's reading of it.
 */
export function extractEntitiesFromView(view: AlignedFold, options: EntityExtractionOptions): Entity[] {
  // Cheap guards first: most messages have no digits and no @, and the finders that need them can be skipped.
  const hasDigits = /\d/.test(view.folded);
  return resolveOverlaps([
    ...(view.folded.includes('@') ? findEmails(view) : []),
    ...(hasDigits ? scanIdentifiers(view).entities : []),
    ...findPersonNames(view),
    ...findDates(view, options.now),
    ...(hasDigits ? findMoney(view) : []),
    ...findDurations(view),
    ...(view.folded.includes('vung') ? findWageRegions(view) : []),
    ...findProvinces(view),
  ]);
}

export function extractEntities(text: string, options: EntityExtractionOptions): Entity[] {
  return extractEntitiesFromView(alignFold(text), options);
}
