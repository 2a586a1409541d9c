import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dumpPglite, openDatabase } from '../../bots/storage/database.js';
import { MIGRATIONS_FOLDER } from '../../bots/storage/migrate.js';

const ROOT = new URL('../../', import.meta.url);

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
function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(MIGRATIONS_FOLDER)) hash.update(file.slice(MIGRATIONS_FOLDER.length)).update(readFileSync(file));
  for (const pkg of ['@electric-sql/pglite', 'drizzle-orm']) hash.update(readFileSync(new URL(`node_modules/${pkg}/package.json`, ROOT)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The data directory of a freshly migrated embedded database. Migrating took several seconds in every suite that
 * opened one (each suite has its own module registry, so a module-level cache lasted one suite): the first suite
 * of any run writes it to the temporary folder, every later suite and worker reads it. Written under a temporary
 * name and renamed, so a concurrent reader never sees half a file.
 */
export async function migratedPgliteDump(): Promise<Blob> {
  const file = join(tmpdir(), `cd-test-pglite-${templateKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
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
