import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, SENTIMENTS, TOPICS } from '../../core/nlu/labels.js';
import { createNluClassifier, RULE_CONFIDENCE } from './nlu-classifier.js';
import { trainClassifier } from './train-nlu.js';
import { nluExampleSchema, parseJsonLines } from './training-data.js';

const examples = parseJsonLines(readFileSync(join(import.meta.dirname, 'fixtures/mini-nlu.jsonl'), 'utf8'), nluExampleSchema, 'mini-nlu.jsonl');
const clock = { now: () => new Date('2026-11-23T03:00:00Z') };
const classifier = createNluClassifier(trainClassifier(examples), { clock });

describe('createNluClassifier', () => {
  it('returns labels of the public contract with probabilities, a model id and a second-best route', () => {
    const result = classifier.classify('Công ty nợ lương 2 tháng rồi, em phải làm sao?');
    expect(ROUTES).toContain(result.route);
    expect(TOPICS).toContain(result.topic);
    expect(SENTIMENTS).toContain(result.sentiment);
    for (const value of Object.values(result.confidence)) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(result.model).toBe(classifier.modelId);
    expect(result.alternatives).toHaveLength(1);
    expect(result.alternatives?.[0]?.route).not.toBe(result.route);
  });

  it.each([
    ['Xin chào ạ', 'smalltalk'],
    ['gia vang hom nay the nao', 'out_of_scope'],
    ['nghỉ thai sản được bao nhiêu tháng', 'question'],
  ])('reads %s as %s', (text, route) => {
    expect(classifier.classify(text).route).toBe(route);
  });

  it('gives small talk the topic other', () => {
    expect(classifier.classify('cảm ơn bạn nhé').topic).toBe('other');
  });

  it('lets a hand-off rule override the model and says so in the model field', () => {
    const result = classifier.classify('xưởng đang cháy, cứu với');
    expect(result.route).toBe('handoff');
    expect(result.confidence.route).toBeGreaterThanOrEqual(RULE_CONFIDENCE);
    expect(result.model).toBe(`${classifier.modelId}+rule:emergency`);
  });

  it('fills entities with spans on the original text', () => {
    const text = 'em tên là Lan, cty nợ 2 tháng lương 7tr5, sđt 0912 345 678';
    const result = classifier.classify(text);
    expect(result.entities.map((e) => e.type)).toEqual(['person_name', 'duration', 'money', 'phone']);
    for (const entity of result.entities) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
  });

  it('copes with empty, symbol-only and very long messages', () => {
    expect(ROUTES).toContain(classifier.classify('').route);
    expect(ROUTES).toContain(classifier.classify('👍👍').route);
    const long = 'công ty nợ lương '.repeat(1000);
    expect(classifier.classify(long).topic).toBe('wage_arrears');
  });
});
