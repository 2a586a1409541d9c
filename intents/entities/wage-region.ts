import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';
import { WAGE_REGION_PATTERN, wageRegionNumber } from '../../core/text/wage-region.js';

/** Minimum-wage regions (vùng I–IV of the minimum wage decree): `vùng I`, `vung 2`, `vùng một`, `vùng IV`. */
const REGION = new RegExp(WAGE_REGION_PATTERN.source, 'g');

export function findWageRegions(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  REGION.lastIndex = 0;
  for (let match = REGION.exec(view.folded); match !== null; match = REGION.exec(view.folded)) {
    const region = wageRegionNumber(match[1] ?? '');
    if (region === undefined) continue;
    found.push(entityFromFoldedSpan(view, 'region', match.index, match.index + match[0].length, region));
  }
  return found;
}
