/**
 * Crisis guard benchmark: `node --import tsx tests/bench/crisis.bench.ts`. JSON lines:
 * - `crisis.quality`: recall and precision of the self-harm guard on its labelled set
 *   (core/pipeline/steps/crisis-cases.json), overall and per writing style, with the misses and false
 *   alarms listed (deterministic: independent of the machine's load);
 * - `crisis.speed`: messages per second and per-message p50/p99 of the detector (it runs on every message).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { detectCrisis } from '../../core/pipeline/steps/crisis-detect.js';

interface LabelledCase {
  text: string;
  crisis: boolean;
  style: string;
}

const cases = JSON.parse(readFileSync(join(process.cwd(), 'core/pipeline/steps/crisis-cases.json'), 'utf8')) as LabelledCase[];

function score(subset: LabelledCase[]) {
  const positives = subset.filter((c) => c.crisis);
  const negatives = subset.filter((c) => !c.crisis);
  const missed = positives.filter((c) => !detectCrisis(c.text).crisis).map((c) => c.text);
  const falseAlarms = negatives.filter((c) => detectCrisis(c.text).crisis).map((c) => c.text);
  const caught = positives.length - missed.length;
  return {
    crisis: positives.length,
    lookAlikes: negatives.length,
    recall: positives.length ? caught / positives.length : null,
    precision: caught + falseAlarms.length ? caught / (caught + falseAlarms.length) : null,
    missed,
    falseAlarms,
  };
}

const styles = [...new Set(cases.map((c) => c.style))];
console.log(
  JSON.stringify({
    bench: 'crisis.quality',
    ...score(cases),
    byStyle: Object.fromEntries(styles.map((style) => [style, (({ recall, precision, crisis, lookAlikes }) => ({ crisis, lookAlikes, recall, precision }))(score(cases.filter((c) => c.style === style)))])),
  }),
);

const rounds = 200;
const timings: number[] = [];
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) {
  for (const c of cases) {
    const t0 = process.hrtime.bigint();
    detectCrisis(c.text);
    timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
timings.sort((a, b) => a - b);
const pct = (q: number) => Number((timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(4));
console.log(
  JSON.stringify({
    bench: 'crisis.speed',
    messages: timings.length,
    msgsPerSec: Math.round(timings.length / (totalMs / 1000)),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    load1: Number(loadavg()[0]?.toFixed(2)),
  }),
);
