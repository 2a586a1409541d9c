import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNluModel, buildShippedModel, loadClassifierFile } from './model-build.js';

const fixture = join(import.meta.dirname, 'fixtures/mini-nlu.jsonl');

describe('building the shipped NLU model', () => {
  let dir = '';
  let dataDir = '';
  let buildDir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-build-'));
    dataDir = join(dir, 'data');
    buildDir = join(dir, 'build', 'nlu');
    await mkdir(join(dataDir, 'train'), { recursive: true });
    await copyFile(fixture, join(dataDir, 'train', 'mini.jsonl'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds once, then finds it up to date without training', async () => {
    const first = await buildShippedModel({ dataDir, buildDir });
    expect(first.built).toBe(true);
    const written = await stat(first.modelPath);
    const second = await buildShippedModel({ dataDir, buildDir });
    expect(second).toMatchObject({ built: false, manifest: { modelId: first.manifest.modelId } });
    expect((await stat(first.modelPath)).mtimeMs).toBe(written.mtimeMs);
    const classifier = await loadClassifierFile(first.modelPath);
    expect(classifier.classify('cho em gặp cán bộ công đoàn').route).toBe('handoff');
  });

  it('rebuilds when the training data changed, or over a corrupt file', async () => {
    const first = await buildShippedModel({ dataDir, buildDir });
    await writeFile(join(dataDir, 'train', 'more.jsonl'), '{"text":"chào buổi tối","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    const second = await buildShippedModel({ dataDir, buildDir });
    expect(second.built).toBe(true);
    expect(second.manifest.modelId).not.toBe(first.manifest.modelId);
    await writeFile(second.modelPath, '{"broken": true}');
    expect((await buildShippedModel({ dataDir, buildDir })).built).toBe(true);
  });

  it('builds once when several builders start together (lock), leaving no temporary files', async () => {
    const results = await Promise.all([1, 2, 3].map(() => buildShippedModel({ dataDir, buildDir })));
    expect(results.filter((r) => r.built)).toHaveLength(1);
    expect(new Set(results.map((r) => r.manifest.modelId)).size).toBe(1);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(buildDir)).sort()).toEqual(['manifest.json', 'model.json']);
  });

  it('writes a byte-identical model file from the same data', async () => {
    const a = await buildNluModel({ dataDir });
    const b = await buildNluModel({ dataDir });
    expect(b.content).toBe(a.content);
  });

  it('scores dev and the locked test when they exist, and refuses a bad training line naming it', async () => {
    await mkdir(join(dataDir, 'dev'));
    await writeFile(join(dataDir, 'dev', 'd.jsonl'), '{"text":"xin chào bạn","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    const built = await buildNluModel({ dataDir });
    expect(Object.keys(built.manifest.metrics)).toEqual(['dev']);
    expect(built.manifest.metrics.dev?.route).toEqual({ accuracy: expect.any(Number), stripped: expect.any(Number) });
    await writeFile(join(dataDir, 'train', 'bad.jsonl'), '{"text":"x","route":"nope","topic":"other","sentiment":"neutral"}\n');
    await expect(buildNluModel({ dataDir })).rejects.toThrow('bad.jsonl:1');
  });

  it('refuses a missing or malformed model file with NLU_MODEL_INVALID', async () => {
    await expect(loadClassifierFile(join(dir, 'none.json'))).rejects.toMatchObject({ code: 'NLU_MODEL_INVALID' });
    await writeFile(join(dir, 'bad.json'), (await readFile(fixture, 'utf8')).slice(0, 10));
    await expect(loadClassifierFile(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'NLU_MODEL_INVALID' });
  });
});
