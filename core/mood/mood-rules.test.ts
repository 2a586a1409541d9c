import { moodCaptureOf } from './mood-rules.js';

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
