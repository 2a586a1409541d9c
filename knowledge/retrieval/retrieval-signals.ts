/**
 * What each stage of the lexical ranking added to an article's score, for a reranker that weighs them anew
 * (knowledge/answer/article-reranker.ts, D-answers-49): the title and body BM25, the document expansion (members'
 * phrasings, D-answers-44), the best clause, then the title-coverage lift, the named-article bonus and the word-translation lift (D-answers-52). Read as
 * differences of the running score after each stage, so recording changes no score.
 */
export interface RetrievalSignals {
  title: number;
  body: number;
  expansion: number;
  passage: number;
  /** The score added by the title-coverage lift (a multiplier on the sum so far). */
  coverage: number;
  /** The bonus of an article whose number the question names (`điều 35`). */
  reference: number;
  /** The lift of the learned word-translation model (D-answers-52; RetrievalTuning `translationWeight`). */
  translation: number;
}

export type SignalStage = keyof RetrievalSignals;

export interface SignalRecorder {
  /** Called after each stage with the running scores of every article. */
  stage(name: SignalStage, scores: Float64Array): void;
  signalsOf(position: number): RetrievalSignals;
}

export function createSignalRecorder(): SignalRecorder {
  const snapshots = new Map<SignalStage, Float64Array>();
  const order: SignalStage[] = [];
  return {
    stage(name, scores) {
      snapshots.set(name, Float64Array.from(scores));
      order.push(name);
    },
    signalsOf(position) {
      const signals: RetrievalSignals = { title: 0, body: 0, expansion: 0, passage: 0, coverage: 0, reference: 0, translation: 0 };
      let previous = 0;
      for (const name of order) {
        const value = (snapshots.get(name) as Float64Array)[position] as number;
        signals[name] = value - previous;
        previous = value;
      }
      return signals;
    },
  };
}
