import type { LawArticle } from '../../core/knowledge/law.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { evaluateRetrieval } from './evaluate-retrieval.js';
import { parseEvaluationQuestions } from './evaluation-questions.js';
import { AppError } from '../../core/errors/app-error.js';

const hit = (lawId: string, articleNo: string): PassageHit => ({
  article: { id: `${lawId}#${articleNo}`, lawId, articleNo } as LawArticle,
  passages: [],
  score: 1,
  strength: 1,
});

describe('evaluateRetrieval', () => {
  const questions = [
    { q: 'một', gold: [{ law_id: 'L', article_no: '1' }] },
    { q: 'hai', gold: [{ law_id: 'L', article_no: '2' }, { law_id: 'L', article_no: '9' }] },
    { q: 'ba', gold: [{ law_id: 'L', article_no: '3' }] },
    { q: 'bốn', gold: [{ law_id: 'L', article_no: '4' }] },
  ];
  const rankings: Record<string, PassageHit[]> = {
    'một': [hit('L', '1'), hit('L', '5')],
    hai: [hit('L', '5'), hit('L', '9')],
    ba: [hit('L', '5'), hit('L', '6'), hit('L', '7'), hit('L', '8'), hit('L', '0'), hit('L', '3')],
    'bốn': [],
  };

  it('computes hit-based Recall@1, Recall@5 and MRR@10', async () => {
    const metrics = await evaluateRetrieval((query) => rankings[query] ?? [], questions);
    expect(metrics.questions).toBe(4);
    expect(metrics.recallAt1).toBeCloseTo(1 / 4);
    expect(metrics.recallAt5).toBeCloseTo(2 / 4);
    expect(metrics.mrrAt10).toBeCloseTo((1 + 1 / 2 + 1 / 6 + 0) / 4);
    expect(metrics.misses.map((miss) => miss.q)).toEqual(['ba', 'bốn']);
  });

  it('strips diacritics from the questions in the folded view', async () => {
    const seen: string[] = [];
    await evaluateRetrieval((query) => (seen.push(query), []), questions, 'folded');
    expect(seen).toEqual(['mot', 'hai', 'ba', 'bon']);
  });
});

describe('parseEvaluationQuestions', () => {
  it('reads JSONL and rejects a question without gold articles', () => {
    expect(parseEvaluationQuestions('{"q":"x","gold":[{"law_id":"L","article_no":"1"}]}\n\n')).toHaveLength(1);
    expect(() => parseEvaluationQuestions('{"q":"x","gold":[]}')).toThrow(AppError);
  });
});
