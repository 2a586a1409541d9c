import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossValidateNlu, foldOf } from './cross-validation.js';
import { nluExampleSchema, parseJsonLines } from './training-data.js';

const examples = parseJsonLines(readFileSync(join(import.meta.dirname, 'fixtures/mini-nlu.jsonl'), 'utf8'), nluExampleSchema, 'mini-nlu.jsonl');

describe('crossValidateNlu', () => {
  it('puts a message and its unaccented twin in the same fold', () => {
    expect(foldOf('Công ty nợ lương', 5)).toBe(foldOf('cong ty  no LUONG', 5));
  });

  it('classifies every example exactly once, out of fold, in both views', () => {
    const report = crossValidateNlu(examples, {}, 3);
    expect(report.examples).toBe(examples.length);
    for (const head of ['route', 'topic', 'sentiment'] as const) {
      expect(report.heads[head].accented.n).toBe(examples.length);
      expect(report.heads[head].stripped.n).toBe(examples.length);
    }
    // 48 examples, 16 per fold: far from perfect, far better than chance over 5 routes.
    expect(report.heads.route.accented.accuracy).toBeGreaterThan(0.4);
  });
});
