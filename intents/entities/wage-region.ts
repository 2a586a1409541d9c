import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';

/** Minimum-wage regions (vùng I–IV of the minimum wage decree): `vùng I`, `vung 2`, `vùng một`, `vùng IV`. */
const REGION = /(?<![a-z0-9])vung\s+(iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)(?![a-z0-9])/g;
const REGION_NUMBERS: Readonly<Record<string, number>> = {
  i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4,
};

export function findWageRegions(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  REGION.lastIndex = 0;
  for (let match = REGION.exec(view.folded); match !== null; match = REGION.exec(view.folded)) {
    const region = REGION_NUMBERS[match[1] ?? ''];
    if (region === undefined) continue;
    found.push(entityFromFoldedSpan(view, 'region', match.index, match.index + match[0].length, region));
  }
  return found;
}
