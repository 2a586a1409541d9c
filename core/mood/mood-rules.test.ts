import { parseMoodCheckPayload, ratingSentiment } from '../pipeline/mood-check.vi.js';
import { MOOD_CHECK_MODEL, moodCaptureOf } from './mood-rules.js';

const thresholds = { route: 0.6, topic: 0.5 };
const nlu = (route: 'question' | 'feedback' | 'smalltalk', confidence: number, flags?: ('injection' | 'spam')[]) => ({
  route,
  topic: 'wages' as const,
  sentiment: 'negative' as const,
  confidence: { route: confidence, topic: confidence, sentiment: confidence },
  ...(flags ? { flags } : {}),
});

describe('moodCaptureOf', () => {
  it('counts sure concerns, a "góp ý" with double weight', () => {
    expect(moodCaptureOf(nlu('question', 0.9), thresholds)).toEqual({ kind: 'counted', topic: 'wages', sentiment: 'negative', weight: 1 });
    expect(moodCaptureOf(nlu('feedback', 0.9), thresholds)).toMatchObject({ kind: 'counted', weight: 2 });
  });

  it('keeps injection, spam and unsure messages out, counted apart', () => {
    expect(moodCaptureOf(nlu('question', 0.9, ['injection']), thresholds)).toEqual({ kind: 'excluded', reason: 'injection' });
    expect(moodCaptureOf(nlu('smalltalk', 0.9, ['spam']), thresholds)).toEqual({ kind: 'excluded', reason: 'spam' });
    expect(moodCaptureOf(nlu('question', 0.4), thresholds)).toEqual({ kind: 'excluded', reason: 'low_confidence' });
  });

  it('ignores greetings and small talk', () => {
    expect(moodCaptureOf(nlu('smalltalk', 0.9), thresholds)).toEqual({ kind: 'ignored' });
  });
});

describe('the mood check answer', () => {
  it('weighs 3 in the mood index, more than a "góp ý" (2) or a question (1)', () => {
    const rating = { route: 'feedback' as const, topic: 'wages' as const, sentiment: 'positive' as const, confidence: { route: 1, topic: 1, sentiment: 1 }, model: MOOD_CHECK_MODEL };
    expect(moodCaptureOf(rating, thresholds)).toEqual({ kind: 'counted', topic: 'wages', sentiment: 'positive', weight: 3 });
  });
  it('reads its payload back, refusing anything else', () => {
    expect(parseMoodCheckPayload('mood:4:wage_arrears')).toEqual({ rating: 4, topic: 'wage_arrears' });
    for (const bad of ['mood:6:wages', 'mood:0:wages', 'mood:3:nope', 'mood:x:wages', 'route:feedback', null]) expect(parseMoodCheckPayload(bad)).toBeNull();
    expect([1, 2, 3, 4, 5].map(ratingSentiment)).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });
});
