import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestBackend, type TestDatabase } from './backends.js';
import { writeMigratedPgliteFolder } from './pglite-template.js';

export interface CliStore {
  /** A temporary folder of the suite's own (the embedded database lives in `dir/data`). */
  dir: string;
  /** What the CLI is started with to reach the store. */
  env: Record<string, string>;
  /** The PostgreSQL database, or null on the embedded backend. */
  database: TestDatabase | null;
}

/** The store a CLI suite runs its commands against: a fresh PostgreSQL database, or an embedded data folder (migrated). */
export async function openCliStore(backend: TestBackend, prefix: string): Promise<CliStore> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (backend.name !== 'postgres') {
    await writeMigratedPgliteFolder(join(dir, 'data', 'pglite'));
    return { dir, env: { DATA_DIR: join(dir, 'data') }, database: null };
  }
  const database = await createTestDatabase(backend);
  return { dir, env: { DATABASE_URL: database.url as string }, database };
}

export async function closeCliStore(store: Pick<CliStore, 'dir' | 'database'>): Promise<void> {
  await store.database?.close();
  if (store.dir) rmSync(store.dir, { recursive: true, force: true });
}
