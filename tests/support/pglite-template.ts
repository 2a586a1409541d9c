import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpPglite, openDatabase } from '../../bots/storage/database.js';
import { MIGRATIONS_FOLDER } from '../../bots/storage/migrate.js';
import { templateFile, templateKey } from './pglite-template-files.js';

const ROOT = new URL('../../', import.meta.url);

/** The template's key for this checkout (its migrations, its PGlite and drizzle versions). */
export function currentTemplateKey(): string {
  return templateKey(
    MIGRATIONS_FOLDER,
    ['@electric-sql/pglite', 'drizzle-orm'].map((pkg) => fileURLToPath(new URL(`node_modules/${pkg}/package.json`, ROOT))),
  );
}

/**
 * The data directory of a freshly migrated embedded database. Migrating took several seconds in every suite that
 * opened one (each suite has its own module registry, so a module-level cache lasted one suite): the first suite
 * of any run writes it to the temporary folder, every later suite and worker reads it. Written under a temporary
 * name and renamed, so a concurrent reader never sees half a file.
 */
export async function migratedPgliteDump(): Promise<Blob> {
  const file = templateFile(tmpdir(), currentTemplateKey());
  try {
    return new Blob([readFileSync(file)]);
  } catch (error) {
    // Missing: never written, or removed by a run's cleanup that saw no other live run (pglite-template-files.ts).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const template = await openDatabase({ memory: true });
  let dump: Blob;
  try {
    dump = await dumpPglite(template);
  } finally {
    await template.close();
  }
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/**
 * Fills `pgliteDir` (the `pglite` folder of a DATA_DIR) with a migrated empty database, as the first opening would
 * leave it: the CLI suites' embedded stores skip the on-disk migration (seconds) their commands would otherwise run.
 */
export async function writeMigratedPgliteFolder(pgliteDir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  mkdirSync(dirname(pgliteDir), { recursive: true });
  const client = new PGlite(pgliteDir, { loadDataDir: await migratedPgliteDump() });
  await client.waitReady;
  await client.close();
}
