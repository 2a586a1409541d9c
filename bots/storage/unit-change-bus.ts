import type { Db } from './database.js';

type Listener = () => void;

// Keyed by the database handle: every repository and cache built on the same database shares the signal, even
// when a caller built its own unit repository (seeds, CLI, tests) instead of the platform's.
const listeners = new WeakMap<object, Set<Listener>>();

/**
 * The in-process half of "units changed" (D-embedded-speed-5): caches of unit data (the unit-name search index,
 * the intake unit) drop what they hold when a unit is created, renamed or imported through this process. Other
 * processes learn it from the shared `units` knowledge version (knowledge-sync: doorbell, then the poll).
 */
export function onUnitsChanged(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyUnitsChanged(db: Db): void {
  for (const listener of listeners.get(db) ?? []) listener();
}
