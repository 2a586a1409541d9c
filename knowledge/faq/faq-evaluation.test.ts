import { readFileSync } from 'node:fs';
import { createDefaultFaqMatcher } from './default-faq-matcher.js';
import { evaluateFaqMatcher, parseFaqEvalJsonl } from './faq-evaluation.js';
import { DEFAULT_FAQ_THRESHOLD } from './faq-matcher.js';
import { loadStarterPack } from './starter-pack.js';

const cases = parseFaqEvalJsonl(readFileSync(new URL('./faq-eval.jsonl', import.meta.url), 'utf8'));
const entries = loadStarterPack();

describe('FAQ held-out evaluation set', () => {
  it('has at least 60 answerable paraphrases and 30 questions no entry may answer', () => {
    expect(cases.filter((c) => c.expected !== null).length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.expected === null).length).toBeGreaterThanOrEqual(30);
  });

  it('only names entries that exist, and never repeats an entry phrasing verbatim', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    expect(cases.filter((c) => c.expected !== null && !ids.has(c.expected)).map((c) => c.expected)).toEqual([]);
    const phrasings = new Set(entries.flatMap((entry) => [entry.question, ...entry.variants].map((text) => text.toLowerCase())));
    expect(cases.filter((c) => phrasings.has(c.text.toLowerCase())).map((c) => c.text)).toEqual([]);
  });

  it('keeps precision and recall at the tuned threshold (floors a little under the measured 0.97 / 0.74)', () => {
    const [point] = evaluateFaqMatcher(createDefaultFaqMatcher(entries), cases, [DEFAULT_FAQ_THRESHOLD]);
    expect(point?.precision).toBeGreaterThanOrEqual(0.95);
    expect(point?.recall).toBeGreaterThanOrEqual(0.7);
    expect(point?.falseAnswerRate).toBeLessThanOrEqual(0.06);
  });

  it('trades recall for precision as the threshold rises', () => {
    const curve = evaluateFaqMatcher(createDefaultFaqMatcher(entries), cases, [0.3, 0.5, 0.7]);
    const recalls = curve.map((point) => point.recall);
    expect(recalls[0]).toBeGreaterThan(recalls[1] ?? 1);
    expect(recalls[1]).toBeGreaterThan(recalls[2] ?? 1);
    expect(curve[2]?.precision).toBeGreaterThanOrEqual(curve[0]?.precision ?? 1);
  });
});
