import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../core/ports/logger.js';
import { loadOrTrainClassifier, trainAndSaveClassifier } from './load-or-train.js';

const fixture = join(import.meta.dirname, 'fixtures/mini-nlu.jsonl');

function recordingLogger(messages: string[]): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: (_obj, msg) => void messages.push(msg ?? ''),
    warn: (_obj, msg) => void messages.push(msg ?? ''),
    error: (_obj, msg) => void messages.push(msg ?? ''),
    child: () => logger,
  };
  return logger;
}

describe('loadOrTrainClassifier', () => {
  let dir = '';
  let dataDir = '';
  let modelPath = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-model-'));
    dataDir = join(dir, 'data');
    modelPath = join(dir, 'model', 'nlu-model.json');
    await mkdir(join(dataDir, 'train'), { recursive: true });
    await copyFile(fixture, join(dataDir, 'train', 'mini.jsonl'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains and writes the model when there is none, then loads it without retraining', async () => {
    const messages: string[] = [];
    const first = await loadOrTrainClassifier({ modelPath, dataDir, logger: recordingLogger(messages) });
    expect(messages).toContain('nlu model trained');
    const written = await stat(modelPath);
    messages.length = 0;
    const second = await loadOrTrainClassifier({ modelPath, dataDir, logger: recordingLogger(messages) });
    expect(messages).toEqual(['nlu model loaded']);
    expect(second.modelId).toBe(first.modelId);
    expect((await stat(modelPath)).mtimeMs).toBe(written.mtimeMs);
    expect(second.classify('cho em gặp cán bộ công đoàn').route).toBe('handoff');
  });

  it('retrains when the training data changed', async () => {
    const first = await loadOrTrainClassifier({ modelPath, dataDir });
    await writeFile(join(dataDir, 'train', 'more.jsonl'), '{"text":"chào buổi tối","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    const messages: string[] = [];
    const second = await loadOrTrainClassifier({ modelPath, dataDir, logger: recordingLogger(messages) });
    expect(messages).toEqual(['nlu training data changed, retraining', 'nlu model trained']);
    expect(second.modelId).not.toBe(first.modelId);
  });

  it('retrains over a corrupt model file, and uses a valid one when the data is gone', async () => {
    await mkdir(join(dir, 'model'));
    await writeFile(modelPath, '{"broken": true}');
    const messages: string[] = [];
    const classifier = await loadOrTrainClassifier({ modelPath, dataDir, logger: recordingLogger(messages) });
    expect(messages[0]).toBe('nlu model file unusable, retraining');
    await rm(join(dataDir, 'train'), { recursive: true });
    const shipped = await loadOrTrainClassifier({ modelPath, dataDir });
    expect(shipped.modelId).toBe(classifier.modelId);
  });

  it('fails clearly with neither a model nor data', async () => {
    await rm(join(dataDir, 'train'), { recursive: true });
    await expect(loadOrTrainClassifier({ modelPath, dataDir })).rejects.toMatchObject({ code: 'NLU_MODEL_INVALID' });
  });

  it('rebuilds a byte-identical file from the same data', async () => {
    await trainAndSaveClassifier({ modelPath, dataDir });
    const first = await readFile(modelPath);
    await trainAndSaveClassifier({ modelPath, dataDir });
    expect((await readFile(modelPath)).equals(first)).toBe(true);
  });

  it('refuses a training file with a bad line, naming it', async () => {
    await writeFile(join(dataDir, 'train', 'bad.jsonl'), '{"text":"x","route":"nope","topic":"other","sentiment":"neutral"}\n');
    await expect(loadOrTrainClassifier({ modelPath, dataDir })).rejects.toThrow('bad.jsonl:1');
  });
});
