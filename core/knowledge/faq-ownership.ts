/**
 * Who may do what with an FAQ entry (issue #13, docs/decisions.md). Pure rules over materialized unit paths
 * (`/root/…/self/`), shared by the API (server-side checks) and the admin UI (which buttons to show).
 *
 * - An entry owned by unit U (null = the national level) answers the members of U's subtree.
 * - Everyone signed in reads the entries that apply to their members (owned at or above their unit) and the
 *   local entries of their own subtree; another branch's local entries are out of scope.
 * - Admins and leaders write (create, edit, retire) the entries of their unit and of units below it;
 *   national entries only from the national level.
 * - Deleting and replacing by import are for admins of the owning level (or above) only.
 */
export interface FaqActor {
  role: 'admin' | 'leader' | 'officer';
  unitPath: string;
  /** True when the actor's home unit is the national root. */
  isNational: boolean;
}

/** The owner's materialized path, or null for a national entry. */
export type OwnerPath = string | null;

function covers(actor: FaqActor, ownerPath: OwnerPath): boolean {
  return ownerPath === null ? actor.isNational : ownerPath.startsWith(actor.unitPath);
}

export function canReadFaqEntry(actor: FaqActor, ownerPath: OwnerPath): boolean {
  if (ownerPath === null) return true;
  return ownerPath.startsWith(actor.unitPath) || actor.unitPath.startsWith(ownerPath);
}

export function canWriteFaqEntry(actor: FaqActor, ownerPath: OwnerPath): boolean {
  return (actor.role === 'admin' || actor.role === 'leader') && covers(actor, ownerPath);
}

export function canDeleteFaqEntry(actor: FaqActor, ownerPath: OwnerPath): boolean {
  return actor.role === 'admin' && covers(actor, ownerPath);
}

/**
 * A local entry may override an entry owned strictly above its own owner on the same branch (a national entry,
 * or a province's entry for a grassroots union below that province).
 */
export function canOverride(overriddenOwnerPath: OwnerPath, newOwnerPath: OwnerPath): boolean {
  if (newOwnerPath === null) return false;
  if (overriddenOwnerPath === null) return true;
  return newOwnerPath !== overriddenOwnerPath && newOwnerPath.startsWith(overriddenOwnerPath);
}

/** The unit ids on a materialized path, root first: `/a/b/c/` → [a, b, c]. */
export function unitIdsOfPath(path: string | null | undefined): string[] {
  return path ? path.split('/').filter((part) => part !== '') : [];
}
