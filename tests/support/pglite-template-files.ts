import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of the shared migrated PGlite template in the temporary folder (D-hardening-15, D-dashboard-10; their
 * cleanup D-hardening-16):
 * `cd-test-pglite-<key>.tar` (the template), `….tar.<pid>.partial` (being written by a worker) and
 * `….lease-<pid>` (a test run that uses it: Jest's parent process, from its global setup to its teardown).
 *
 * Every change of a migration or of the PGlite/drizzle versions names a new template, and nothing removed the old
 * ones: one ~tens-of-MB tar per migration change per machine, forever (the temporary folder is shared by every
 * worktree and run). A template is removed only when no live run holds a lease on it, so a concurrent run of
 * another worktree (other migrations, another key) keeps its own; a reader that still finds it gone re-creates it.
 */
export const TEMPLATE_PREFIX = 'cd-test-pglite-';

export interface TemplateFiles {
  /** The folder the templates live in (the OS temporary folder). */
  dir: string;
  /** Whether a process id is running (a lease or a partial write of a dead process is left over). */
  isAlive(pid: number): boolean;
}

export function templateFile(dir: string, key: string): string {
  return join(dir, `${TEMPLATE_PREFIX}${key}.tar`);
}

function leaseFile(dir: string, key: string, pid: number): string {
  return join(dir, `${TEMPLATE_PREFIX}${key}.lease-${pid}`);
}

/** Every file under `dir`, sorted, so the hash does not depend on the order the file system lists them in. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/**
 * What a migrated empty database depends on: the migrations (SQL and journal) and the versions of PGlite and the
 * drizzle migrator. A change to any of them names another file, so a stale template is never read.
 */
export function templateKey(migrationsFolder: string, packageJsons: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(migrationsFolder)) hash.update(file.slice(migrationsFolder.length)).update(readFileSync(file));
  for (const file of packageJsons) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

interface Entry {
  name: string;
  key: string;
  kind: 'template' | 'partial' | 'lease';
  pid: number | null;
}

function entries(dir: string): Entry[] {
  const found: Entry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(TEMPLATE_PREFIX)) continue;
    const rest = name.slice(TEMPLATE_PREFIX.length);
    const template = /^([0-9a-f]+)\.tar$/.exec(rest);
    const partial = /^([0-9a-f]+)\.tar\.(\d+)\.partial$/.exec(rest);
    const lease = /^([0-9a-f]+)\.lease-(\d+)$/.exec(rest);
    if (template) found.push({ name, key: template[1] as string, kind: 'template', pid: null });
    else if (partial) found.push({ name, key: partial[1] as string, kind: 'partial', pid: Number(partial[2]) });
    else if (lease) found.push({ name, key: lease[1] as string, kind: 'lease', pid: Number(lease[2]) });
  }
  return found;
}

function remove(dir: string, name: string, removed: string[]): void {
  // Another run may be cleaning up at the same moment: a file already gone is what we wanted.
  rmSync(join(dir, name), { force: true });
  removed.push(name);
}

/** Removes leases and partial writes of dead processes; returns the keys some live run still holds. */
function sweepDead(files: TemplateFiles, all: Entry[], removed: string[]): Set<string> {
  const held = new Set<string>();
  for (const entry of all) {
    if (entry.kind === 'template') continue;
    if (files.isAlive(entry.pid as number)) {
      if (entry.kind === 'lease') held.add(entry.key);
    } else {
      remove(files.dir, entry.name, removed);
    }
  }
  return held;
}

/**
 * A test run starts: it leases the current template, then removes the templates of other keys (older migrations or
 * versions) that no live run holds, and the leftovers of dead processes. Returns the names removed.
 */
export function leaseTemplate(files: TemplateFiles, key: string, pid: number): string[] {
  writeFileSync(leaseFile(files.dir, key, pid), '');
  const removed: string[] = [];
  const all = entries(files.dir);
  const held = sweepDead(files, all, removed);
  for (const entry of all) if (entry.kind === 'template' && entry.key !== key && !held.has(entry.key)) remove(files.dir, entry.name, removed);
  return removed;
}

/**
 * A test run ends: it drops its lease and removes its template when no other live run holds it (the next run
 * migrates once again, seconds; a concurrent one keeps reading it). Returns the names removed.
 */
export function releaseTemplate(files: TemplateFiles, key: string, pid: number): string[] {
  rmSync(leaseFile(files.dir, key, pid), { force: true });
  const removed: string[] = [];
  const held = sweepDead(files, entries(files.dir), removed);
  if (!held.has(key)) {
    const name = `${TEMPLATE_PREFIX}${key}.tar`;
    if (entries(files.dir).some((entry) => entry.name === name)) remove(files.dir, name, removed);
  }
  return removed;
}

/** A test run ends and keeps the template for the next one (CD_TEST_KEEP_PGLITE_TEMPLATE): only its lease goes. */
export function releaseLeaseOnly(files: TemplateFiles, key: string, pid: number): void {
  rmSync(leaseFile(files.dir, key, pid), { force: true });
}

/** `process.kill(pid, 0)` tells whether a process exists (EPERM: it exists but is not ours). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
