import type { FaqEntry } from '../../core/knowledge/faq.js';
import { unitIdsOfPath } from '../../core/knowledge/faq-ownership.js';

/** Who is asking: the member's unit path (`/root/…/unit/`), or null for a member without a unit. */
export interface FaqAudience {
  unitPath: string | null;
}

/** True when `entry` is the one that answers `audience` (its units' entries, deepest override winning). */
export type FaqVisibility = (entry: FaqEntry, audience: FaqAudience | undefined) => boolean;

/**
 * Builds the visibility rule for a set of entries (issue #13): an entry owned by a unit answers that unit's
 * subtree only (no owner = national, everyone); entries linked by `overridesId` form a family, and a member gets
 * the family's entry owned deepest on their own path, so a grassroots union's override hides the national entry
 * for its members and nobody else.
 */
export function createFaqVisibility(entries: readonly FaqEntry[]): FaqVisibility {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const familyOf = (entry: FaqEntry): string => {
    let current = entry;
    const seen = new Set<string>([current.id]);
    while (current.overridesId) {
      const parent = byId.get(current.overridesId);
      // An override of an entry that is not published (or a cycle typed by hand) stands as its own family root.
      if (!parent || seen.has(parent.id)) return current.overridesId;
      seen.add(parent.id);
      current = parent;
    }
    return current.id;
  };
  const families = new Map<string, FaqEntry[]>();
  const familyByEntry = new Map<string, string>();
  for (const entry of entries) {
    const family = familyOf(entry);
    familyByEntry.set(entry.id, family);
    const members = families.get(family);
    if (members) members.push(entry);
    else families.set(family, [entry]);
  }

  return (entry, audience) => {
    const path = unitIdsOfPath(audience?.unitPath ?? null);
    const depthOf = (candidate: FaqEntry): number => {
      const owner = candidate.ownerUnitId ?? null;
      if (owner === null) return -1;
      return path.indexOf(owner);
    };
    const depth = depthOf(entry);
    if ((entry.ownerUnitId ?? null) !== null && depth < 0) return false;
    const family = families.get(familyByEntry.get(entry.id) ?? entry.id) ?? [entry];
    if (family.length === 1) return true;
    for (const other of family) {
      if (other === entry) continue;
      const otherOwned = (other.ownerUnitId ?? null) !== null;
      const otherDepth = depthOf(other);
      if (otherOwned && otherDepth < 0) continue;
      if (otherDepth > depth) return false;
    }
    return true;
  };
}
