// Calibration and threshold report: `node --import tsx intents/scripts/calibration-report.ts`.
// Trains on intents/data/train, classifies intents/data/dev (as typed and stripped of diacritics) and prints
// JSON lines: expected calibration error per head, and for candidate thresholds the share of messages at or above
// the threshold (coverage) and the accuracy among them. Used to recommend DEFAULT_NLU_THRESHOLDS.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { createNluClassifier } from '../classifier/nlu-classifier.js';
import { expectedCalibrationError } from '../classifier/temperature-scaling.js';
import { trainClassifier } from '../classifier/train-nlu.js';
import { nluExampleSchema, parseJsonLines, readNluTrainingSet } from '../classifier/training-data.js';

const dir = 'intents/data/dev';
const dev = readdirSync(dir)
  .filter((name) => name.endsWith('.jsonl'))
  .sort()
  .flatMap((name) => parseJsonLines(readFileSync(join(dir, name), 'utf8'), nluExampleSchema, name));
const trained = trainClassifier((await readNluTrainingSet('intents/data')).examples);
console.log(JSON.stringify({ temperatures: trained.calibration }));
const classifier = createNluClassifier(trained);
const rows = dev.flatMap((example) =>
  [example.text, foldDiacritics(example.text)].map((text) => ({ example, result: classifier.classify(text) })),
);
for (const head of ['route', 'topic', 'sentiment'] as const) {
  const confidences = rows.map((r) => r.result.confidence[head]);
  const correct = rows.map((r) => r.result[head] === r.example[head]);
  const thresholds = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9].map((threshold) => {
    const kept = rows.filter((_, i) => (confidences[i] as number) >= threshold);
    const right = kept.filter((r) => r.result[head] === r.example[head]).length;
    return { threshold, coverage: Number((kept.length / rows.length).toFixed(3)), accuracy: Number((right / Math.max(1, kept.length)).toFixed(3)) };
  });
  const mean = confidences.reduce((a, b) => a + b, 0) / confidences.length;
  const accuracy = correct.filter(Boolean).length / correct.length;
  console.log(
    JSON.stringify({
      head,
      messages: rows.length,
      accuracy: Number(accuracy.toFixed(3)),
      mean_confidence: Number(mean.toFixed(3)),
      ece: Number(expectedCalibrationError(confidences, correct).toFixed(3)),
      thresholds,
    }),
  );
}
// The serious-negative rule: how sure is the sentiment head when it says negative on harassment/safety?
const serious = rows.filter((r) => ['harassment', 'safety'].includes(r.result.topic) && r.result.sentiment === 'negative');
console.log(
  JSON.stringify({
    serious_negative: serious.length,
    correct: serious.filter((r) => r.example.sentiment === 'negative').length,
    at_0_6: serious.filter((r) => r.result.confidence.sentiment >= 0.6).length,
    correct_at_0_6: serious.filter((r) => r.result.confidence.sentiment >= 0.6 && r.example.sentiment === 'negative').length,
  }),
);
