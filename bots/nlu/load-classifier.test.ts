import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../core/ports/logger.js';
import { buildNluModel, buildShippedModel, createModelStore, modelVersionName } from '../../intents/index.js';
import { PROJECT_ROOT } from '../project-root.js';
import { loadClassifier, nluPaths, resolveNluModel } from './load-classifier.js';

const fixture = join(PROJECT_ROOT, 'intents/classifier/fixtures/mini-nlu.jsonl');

describe('which NLU model a process runs', () => {
  let dir = '';
  let env: { DATA_DIR: string; MODEL_DIR: string; NLU_MODEL_PATH: string | undefined; NLU_TRAIN_IF_MISSING: boolean };
  let dataDir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-resolve-'));
    dataDir = join(dir, 'data');
    await mkdir(join(dataDir, 'train'), { recursive: true });
    await copyFile(fixture, join(dataDir, 'train', 'mini.jsonl'));
    env = { DATA_DIR: dir, MODEL_DIR: join(dir, 'models'), NLU_MODEL_PATH: undefined, NLU_TRAIN_IF_MISSING: false };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // The resolution reads the project's data and build folders; point them at this test's folders.
  const paths = () => ({ ...nluPaths(env), dataDir, buildDir: join(dir, 'build') });

  it('puts the store under DATA_DIR/models/nlu by default', () => {
    expect(nluPaths({ DATA_DIR: '/srv/data', MODEL_DIR: undefined, NLU_MODEL_PATH: undefined }).storeDir).toBe('/srv/data/models/nlu');
  });

  it('refuses to start without a model unless told to train, and then trains once for processes starting together', async () => {
    await expect(resolveNluModel(env, silentLogger, undefined, paths())).rejects.toMatchObject({ code: 'NLU_MODEL_INVALID' });
    env.NLU_TRAIN_IF_MISSING = true;
    const resolved = await Promise.all([1, 2, 3].map(() => resolveNluModel(env, silentLogger, undefined, paths())));
    expect(resolved.filter((r) => r.source.startsWith('trained:'))).toHaveLength(1);
    expect(new Set(resolved.map((r) => r.classifier.modelId)).size).toBe(1);
    expect(await createModelStore(paths().storeDir).list()).toHaveLength(1);
  });

  it('prefers the active version over the shipped build, and the pinned file over both; reload() picks up an activation', async () => {
    const shipped = await buildShippedModel({ dataDir, buildDir: paths().buildDir });
    const loaded = await loadClassifier(env, silentLogger, undefined, paths());
    expect(loaded.source).toBe('shipped');
    expect(await loaded.reload()).toMatchObject({ changed: false });
    const store = createModelStore(paths().storeDir);
    const built = await buildNluModel({ dataDir, reviewed: [{ text: 'chào buổi sáng nhé', route: 'smalltalk', topic: 'other', sentiment: 'neutral' }] });
    const now = new Date('2026-11-23T03:00:00Z');
    const saved = await store.save(built.content, { version: modelVersionName(now, built.manifest.modelId), createdAt: now.toISOString(), ...built.manifest });
    await store.activate(saved.version, now);
    expect(await loaded.reload()).toMatchObject({ changed: true, source: `active:${saved.version}`, modelId: built.manifest.modelId });
    expect(loaded.classify('cho em gặp cán bộ').route).toBe('handoff');
    env.NLU_MODEL_PATH = shipped.modelPath;
    expect((await resolveNluModel(env, silentLogger, undefined, paths())).source).toBe('pinned');
  });
});
