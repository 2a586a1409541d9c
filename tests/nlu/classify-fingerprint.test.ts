import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { loadClassifierFile, nluExampleSchema, parseJsonLines } from '../../intents/index.js';

/**
 * Speed work on the classifier (issue #12 item 3) must not change a prediction. The fixture holds what the shipped
 * model answered, BEFORE that work, on the bench's messages (dev + locked test, typed and stripped of diacritics):
 * labels, confidences (12 significant digits), the rule that fired, the runner-up route, flags and a digest of the
 * entities. The classifier must still give them, confidences to 1e-9. The fixture belongs to one model: when the
 * data or the trainer change the shipped model, the test fails until the fixture is re-recorded with
 * `RECORD_NLU_FINGERPRINT=1 npm run -s test:unit -- tests/nlu/classify-fingerprint.test.ts` on code known good
 * (a skip would silently turn the check off at the next retrain).
 */
const root = process.cwd();
const modelPath = join(root, 'build/nlu/model.json');
const manifestPath = join(root, 'build/nlu/manifest.json');
const fixturePath = join(root, 'tests/nlu/fixtures/classify-fingerprint.json');
const dataDir = join(root, 'intents/data');
const NOW = '2026-12-04T12:00:00.000Z';
const record = process.env.RECORD_NLU_FINGERPRINT === '1';

type Row = [string, number, string, number, string, number, string, string, string, string];
interface Fingerprint {
  modelId: string;
  now: string;
  messages: number;
  messagesSha: string;
  records: Row[];
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);
const readDir = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parseJsonLines(readFileSync(join(dir, name), 'utf8'), nluExampleSchema, name));

const shippedModelId = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { modelId: string }).modelId : null;
const recorded = existsSync(fixturePath) ? (JSON.parse(readFileSync(fixturePath, 'utf8')) as Fingerprint) : null;

describe('classifier fingerprint on the bench messages (shipped model)', () => {
  it('answers exactly as recorded before the speed work', async () => {
    if (!record && recorded?.modelId !== shippedModelId) {
      throw new Error(
        `the fingerprint was recorded for model ${recorded?.modelId ?? '(none)'}, the shipped model is ${shippedModelId ?? '(not built)'}: ` +
          're-record it with RECORD_NLU_FINGERPRINT=1 on code whose predictions are known good',
      );
    }
    const messages = [...readDir(join(dataDir, 'dev')), ...readDir(join(dataDir, 'test'))].flatMap((e) => [e.text, foldDiacritics(e.text)]);
    const classifier = await loadClassifierFile(modelPath, { clock: { now: () => new Date(NOW) } });
    const num = (x: number): number => Number(x.toPrecision(12));
    const rows = messages.map((text): Row => {
      const r = classifier.classify(text);
      return [
        r.route, num(r.confidence.route), r.topic, num(r.confidence.topic), r.sentiment, num(r.confidence.sentiment),
        r.model.slice(classifier.modelId.length),
        (r.alternatives ?? []).map((a) => `${a.route}:${num(a.confidence)}`).join(' '),
        (r.flags ?? []).join(' '),
        digest(JSON.stringify(r.entities)),
      ];
    });
    const current: Fingerprint = { modelId: classifier.modelId, now: NOW, messages: messages.length, messagesSha: digest(messages.join('\n')), records: rows };
    if (record) {
      writeFileSync(fixturePath, `${JSON.stringify(current).replace(/\],\[/g, '],\n[')}\n`);
      return;
    }
    const expected = recorded as Fingerprint;
    expect(current.messagesSha).toBe(expected.messagesSha);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const want = expected.records[i] as Row;
      row.forEach((field, f) => {
        const same = typeof field === 'number' ? Math.abs(field - (want[f] as number)) < 1e-9 : field === want[f];
        if (!same && mismatches.length < 10) mismatches.push(`#${i} "${messages[i]}" field ${f}: ${String(field)} ≠ ${String(want[f])}`);
      });
    });
    expect(mismatches).toEqual([]);
  });
});
