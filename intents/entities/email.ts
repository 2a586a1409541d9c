import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';

// Runs on the folded view, so a Vietnamese letter typed by mistake in the local part still matches.
const EMAIL = /[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}/g;

export function findEmails(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(view.folded); match !== null; match = EMAIL.exec(view.folded)) {
    found.push(entityFromFoldedSpan(view, 'email', match.index, match.index + match[0].length, match[0]));
  }
  return found;
}
