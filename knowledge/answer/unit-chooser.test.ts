import { AppError } from '../../core/errors/app-error.js';
import { composeExtractiveAnswer } from './extractive-answer.js';
import { createUnitChooser, parseUnitChooserModel, type UnitChooserModel } from './unit-chooser.js';
import { UNIT_FEATURE_NAMES, unitCandidates, type ChooserInput } from './unit-features.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

const width = UNIT_FEATURE_NAMES.length;

function modelFavouring(feature: (typeof UNIT_FEATURE_NAMES)[number]): UnitChooserModel {
  return {
    version: 1,
    features: [...UNIT_FEATURE_NAMES],
    mean: new Array(width).fill(0),
    spread: new Array(width).fill(1),
    weights: UNIT_FEATURE_NAMES.map((name) => (name === feature ? 1 : 0)),
    articles: 3,
    trainedOn: { set: 'dev', batches: ['dev'], questions: 1, l2: 0.01 },
  };
}

const [overtime, idle, leave] = [SAMPLE_ARTICLES[0]!, SAMPLE_ARTICLES[1]!, SAMPLE_ARTICLES[2]!];
const input: ChooserInput = {
  question: 'làm thêm giờ vào ngày lễ được trả bao nhiêu',
  sources: [overtime, idle, leave].map((article, rank) => ({ article, passages: [], strength: 0.8 - rank * 0.1, score: 10 - rank })),
  faqCited: [{ lawId: leave.lawId, articleNo: leave.articleNo }],
};

describe('parseUnitChooserModel', () => {
  const codeOf = (text: string) => {
    try {
      parseUnitChooserModel(text);
    } catch (error) {
      return error instanceof AppError ? error.code : 'other';
    }
    return 'none';
  };

  it('reads a model it can use', () => {
    expect(parseUnitChooserModel(JSON.stringify(modelFavouring('hand_score'))).weights).toHaveLength(width);
  });

  it('refuses what is not JSON, a broken model, or one trained on other features, with a typed error', () => {
    expect(codeOf('{ not json')).toBe('CONFIG_INVALID');
    expect(codeOf(JSON.stringify({ ...modelFavouring('hand_score'), weights: [1] }))).toBe('CONFIG_INVALID');
    expect(codeOf(JSON.stringify({ ...modelFavouring('hand_score'), spread: new Array(width).fill(0) }))).toBe('CONFIG_INVALID');
    const renamed = modelFavouring('hand_score');
    expect(codeOf(JSON.stringify({ ...renamed, features: ['other', ...renamed.features.slice(1)] }))).toBe('CONFIG_INVALID');
  });
});

describe('createUnitChooser', () => {
  it('leads with the unit the model scores highest, among the units of the leading articles', () => {
    expect(createUnitChooser(modelFavouring('faq_cited')).choose(input)?.article).toBe(leave);
    expect(createUnitChooser(modelFavouring('rank_first')).choose(input)?.article).toBe(overtime);
    expect(createUnitChooser({ ...modelFavouring('faq_cited'), articles: 2 }).choose(input)?.article).toBe(overtime);
  });

  it('chooses nothing without a candidate', () => {
    expect(createUnitChooser(modelFavouring('hand_score')).choose({ ...input, sources: [] })).toBeNull();
  });
});

describe('the extractive composer with a chosen lead', () => {
  it('states the chosen unit first, cites its article, and keeps the hand-scored units after it', () => {
    const sources = [{ article: overtime, passages: [{ clauseNo: '1', text: overtime.text }] }];
    const chosen = unitCandidates(input.sources, 3).find((c) => c.unit.article === leave)!.unit;
    const { body, quoted } = composeExtractiveAnswer(sources, undefined, input.question, chosen);
    expect(body.startsWith('Theo khoản 1 Điều 113 Bộ luật Lao động 2019')).toBe(true);
    expect(body).toContain('300%');
    expect(quoted.map((a) => a.articleNo)).toEqual(['113', '98']);
  });
});
