import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelStore, modelVersionName, withDirectoryLock, type ModelManifest } from './model-store.js';

const manifest = (version: string): ModelManifest => ({
  version,
  modelId: 'linear@abc',
  createdAt: '2026-11-23T03:00:00.000Z',
  fingerprint: 'f',
  examples: 1,
  sources: { team: { examples: 1, hash: 'h' } },
  trainingMs: 1,
  metrics: {},
});

describe('the model store', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps versions, activates one, remembers the previous one, and refuses unknown or malformed versions', async () => {
    const store = createModelStore(dir);
    expect(await store.activeModel()).toBeNull();
    const v1 = modelVersionName(new Date('2026-11-23T03:00:00Z'), 'linear@1a2b3c4d5e6f7a');
    const v2 = modelVersionName(new Date('2026-11-24T03:00:00Z'), 'linear@ffffffffffff');
    expect(v1).toBe('20261123T030000Z-1a2b3c4d5e6f');
    await store.save('{}', manifest(v1));
    await store.save('{}', manifest(v2));
    await store.activate(v1, new Date());
    expect(await store.activate(v2, new Date())).toMatchObject({ version: v2, previous: v1 });
    expect((await store.activeModel())?.version).toBe(v2);
    expect((await store.list()).map((m) => m.version)).toEqual([v1, v2]);
    await expect(store.activate('20991231T000000Z-aaaaaaaaaaaa', new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.activate('../../etc', new Date())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await readdir(dir)).sort()).toEqual(['active.json', 'versions']);
  });

  it('a broken pointer is an error, not a silent fallback', async () => {
    await writeFile(join(dir, 'active.json'), '{"nope":1}');
    await expect(createModelStore(dir).active()).rejects.toMatchObject({ code: 'NLU_MODEL_INVALID' });
  });

  it('the directory lock runs holders one after the other and takes over a dead holder\'s lock', async () => {
    const order: string[] = [];
    const hold = (name: string) => withDirectoryLock(dir, async () => {
      order.push(`${name}+`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name}-`);
    }, { pollMs: 5 });
    await Promise.all([hold('a'), hold('b')]);
    expect([order.slice(0, 2), order.slice(2)].map((pair) => pair[0]?.slice(0, 1) === pair[1]?.slice(0, 1))).toEqual([true, true]);
    const { hostname } = await import('node:os');
    await writeFile(join(dir, '.lock'), `${hostname()} 999999999 crashed`);
    await expect(withDirectoryLock(dir, async () => 'ran', { waitMs: 1000, pollMs: 5 })).resolves.toBe('ran');
  });
});
