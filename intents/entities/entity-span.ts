import type { Entity, EntityType } from '../../core/nlu/nlu-result.js';
import { originalSpan, type AlignedFold } from '../normalize/aligned-fold.js';

/** Builds an `Entity` from a span of the folded view, cutting the text from the original message. */
export function entityFromFoldedSpan(
  view: AlignedFold,
  type: EntityType,
  foldedStart: number,
  foldedEnd: number,
  value: string | number,
  meta?: Entity['meta'],
): Entity {
  const { start, end } = originalSpan(view, foldedStart, foldedEnd);
  const entity: Entity = { type, text: view.original.slice(start, end), start, end, value };
  if (meta !== undefined) entity.meta = meta;
  return entity;
}

/**
 * Keeps the first of overlapping entities in priority order (the caller lists the most specific finder first),
 * then sorts by position. Two finders may claim the same digits (a phone number that is also 10 digits long);
 * one answer per span keeps redaction and slot filling unambiguous.
 */
export function resolveOverlaps(entitiesByPriority: readonly Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const candidate of entitiesByPriority) {
    const clashes = kept.some((other) => candidate.start < other.end && other.start < candidate.end);
    if (!clashes) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
