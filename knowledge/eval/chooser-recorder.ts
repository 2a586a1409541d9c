import type { UnitChooser } from '../answer/unit-chooser.js';
import { unitCandidates, unitFeatures } from '../answer/unit-features.js';
import type { AnswerEvalCase } from './answer-evaluation.js';
import { statesAskedFact } from './chooser-labels.js';
import type { ChooserGroup } from './chooser-training.js';

/**
 * A chooser that chooses nothing (the hand scores keep leading) and records, for the case being answered, every
 * candidate's features and whether it states an asked fact: the training data of `kb train-chooser`. Only the first
 * extractive composition of a case is kept (a later one comes from a shorter reading of a story whose answer the
 * service keeps only when it is an FAQ entry).
 */
export function createChooserRecorder(articles: number): {
  chooser: UnitChooser;
  answering(batch: string, item: AnswerEvalCase): void;
  groups(): ChooserGroup[];
} {
  let current: { batch: string; item: AnswerEvalCase } | null = null;
  const recorded = new Map<string, ChooserGroup>();
  return {
    chooser: {
      articles,
      choose(input) {
        if (!current) return null;
        const key = `${current.batch}|${current.item.id}`;
        if (recorded.has(key)) return null;
        const candidates = unitCandidates(input.sources, articles);
        const item = current.item;
        recorded.set(key, { batch: current.batch, id: item.id, features: unitFeatures(input, candidates), positive: candidates.map((c) => statesAskedFact(item, c.unit)) });
        return null;
      },
    },
    answering(batch, item) {
      current = { batch, item };
    },
    groups: () => [...recorded.values()],
  };
}
