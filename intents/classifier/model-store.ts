import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';

/**
 * The model directory (MODEL_DIR/nlu): every trained model is kept as a version, one of them is active.
 *
 *   versions/<version>/model.json      the model file (model-file.ts), byte-identical for the same data
 *   versions/<version>/manifest.json   when, from what (data fingerprint, sources) and how good (metrics)
 *   active.json                        { version, activatedAt, previous }
 *   .lock                              held while a process trains or activates (see withDirectoryLock)
 *
 * Every file is written beside its target and renamed into place, so a reader never sees half a file and a
 * crash never leaves a broken pointer; processes that start together take the lock instead of racing.
 */

export const modelManifestSchema = z.object({
  version: z.string().min(1),
  modelId: z.string().min(1),
  createdAt: z.string(),
  /** Hash of everything the model depends on (data, options, tables, code scheme): equal fingerprint, same model. */
  fingerprint: z.string().min(1),
  examples: z.number().int().nonnegative(),
  sources: z.record(z.string(), z.object({ examples: z.number().int().nonnegative(), hash: z.string() })),
  trainingMs: z.number().nonnegative(),
  /** Per evaluation set (dev, test, …) and head: accuracy on the text as typed and with diacritics stripped. */
  metrics: z.record(z.string(), z.record(z.string(), z.object({ accuracy: z.number(), stripped: z.number() }))),
});
export type ModelManifest = z.infer<typeof modelManifestSchema>;

const activeSchema = z.object({ version: z.string().min(1), activatedAt: z.string(), previous: z.string().nullable() });
export type ActivePointer = z.infer<typeof activeSchema>;

const VERSION_PATTERN = /^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6,}$/;

export function modelVersionName(createdAt: Date, modelId: string): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${modelId.replace(/^.*@/, '').slice(0, 12)}`;
}

/** Writes beside the target then renames, so a crash never leaves a half-written file to be read. */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  /** A lock older than this is taken over (its holder crashed). Training takes seconds; minutes is generous. */
  staleMs?: number;
  pollMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockIsStale(path: string, staleMs: number): Promise<boolean> {
  const content = await readIfPresent(path);
  if (content === null) return true;
  const [host, pid] = content.split(' ');
  // Same machine: a dead holder's lock is stale at once. Another machine (shared volume): only by age.
  if (host === hostname() && pid !== undefined && !isAlive(Number(pid))) return true;
  try {
    return Date.now() - (await stat(path)).mtimeMs > staleMs;
  } catch {
    return true;
  }
}

/**
 * Runs `task` holding `<dir>/.lock` (created with O_EXCL, so only one process can hold it). A second process
 * waits until the first is done, then runs: callers re-check whatever the first may have done (a model that
 * now exists need not be trained again).
 */
export async function withDirectoryLock<T>(dir: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { waitMs = 10 * 60_000, staleMs = 15 * 60_000, pollMs = 100 } = options;
  await mkdir(dir, { recursive: true });
  const path = join(dir, '.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${hostname()} ${process.pid} ${new Date().toISOString()}`);
      await handle.close();
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      if (await lockIsStale(path, staleMs)) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new AppError('DEPENDENCY_UNAVAILABLE', `${path} is held by another process (${(await readIfPresent(path)) ?? '?'})`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
  try {
    return await task();
  } finally {
    await rm(path, { force: true });
  }
}

export interface StoredModel {
  version: string;
  modelPath: string;
  manifest: ModelManifest;
}

export function createModelStore(dir: string) {
  const versionsDir = join(dir, 'versions');
  const activePath = join(dir, 'active.json');
  const versionDir = (version: string): string => {
    if (!VERSION_PATTERN.test(version)) throw new AppError('VALIDATION_FAILED', `not a model version: ${version}`, { fields: [{ path: 'version', message: 'expected e.g. 20261123T101500Z-1a2b3c4d5e6f' }] });
    return join(versionsDir, version);
  };

  async function readManifest(version: string): Promise<ModelManifest | null> {
    const content = await readIfPresent(join(versionDir(version), 'manifest.json'));
    if (content === null) return null;
    const parsed = modelManifestSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  }

  return {
    dir,
    async active(): Promise<ActivePointer | null> {
      const content = await readIfPresent(activePath);
      if (content === null) return null;
      const parsed = activeSchema.safeParse(JSON.parse(content));
      if (!parsed.success) throw new AppError('NLU_MODEL_INVALID', `${activePath} is not a model pointer`);
      return parsed.data;
    },
    /** The active version's files, or null when nothing was activated yet. */
    async activeModel(): Promise<StoredModel | null> {
      const pointer = await this.active();
      if (pointer === null) return null;
      const manifest = await readManifest(pointer.version);
      if (manifest === null) throw new AppError('NLU_MODEL_INVALID', `active model ${pointer.version} has no readable manifest in ${versionsDir}`);
      return { version: pointer.version, modelPath: join(versionDir(pointer.version), 'model.json'), manifest };
    },
    async list(): Promise<ModelManifest[]> {
      let names: string[];
      try {
        names = await readdir(versionsDir);
      } catch {
        return [];
      }
      const manifests = await Promise.all(names.filter((name) => VERSION_PATTERN.test(name)).map(readManifest));
      return manifests.filter((m): m is ModelManifest => m !== null).sort((a, b) => a.version.localeCompare(b.version));
    },
    async find(version: string): Promise<StoredModel | null> {
      const manifest = await readManifest(version);
      return manifest === null ? null : { version, modelPath: join(versionDir(version), 'model.json'), manifest };
    },
    /** Stores a trained model as a new version (model first, manifest last: a version without manifest is not listed). */
    async save(content: string, manifest: ModelManifest): Promise<StoredModel> {
      const target = versionDir(manifest.version);
      await writeFileAtomically(join(target, 'model.json'), content);
      await writeFileAtomically(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      return { version: manifest.version, modelPath: join(target, 'model.json'), manifest };
    },
    async activate(version: string, now: Date): Promise<ActivePointer> {
      if ((await readManifest(version)) === null) throw new AppError('NOT_FOUND', `no model version ${version} in ${versionsDir}`);
      const previous = (await this.active())?.version ?? null;
      const pointer: ActivePointer = { version, activatedAt: now.toISOString(), previous: previous === version ? null : previous };
      await writeFileAtomically(activePath, `${JSON.stringify(pointer, null, 2)}\n`);
      return pointer;
    },
  };
}

export type ModelStore = ReturnType<typeof createModelStore>;
