import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import type { NluExample } from './training-data.js';
import { NLU_HEAD_NAMES } from './model-build.js';
import type { NluClassifier } from './nlu-classifier.js';

/**
 * Is a newly trained model worse than the active one? Decided on the dev set only (the locked test is printed, never
 * used to decide), message by message: for each head, a message scores 0–2 (right as typed, right with its diacritics
 * stripped), and the messages where the candidate scores lower ("lost") are weighed against those where it scores
 * higher ("gained") with an exact one-sided sign test. A head is worse when the candidate loses significantly more
 * than it gains (p below `alpha` shared by the three heads, Bonferroni); one worse head is enough — a model that
 * trades the route for the topic is not "better on average" to a member whose question is filed as a complaint.
 * Why not a fixed drop in accuracy (the rule until D-nlu-2): dev moves about a point with the order of the training
 * lines alone (D-nlu-1), so a fixed 1-point rule refused good models on noise, while a sign test on the paired
 * messages refuses only what the dev set can tell apart from noise.
 */
export interface HeadComparison {
  /** Messages the candidate gets wrong in more views than the active model does. */
  lost: number;
  gained: number;
  /** One-sided exact sign test: the chance of losing at least `lost` of `lost + gained` if both models were alike. */
  p: number;
}

export interface ModelComparison {
  basis: 'dev' | 'none';
  candidateMean: number | null;
  activeMean: number | null;
  heads: Record<string, HeadComparison>;
  worse: boolean;
  reasons: string[];
}

type Labeller = Pick<NluClassifier, 'classifyLabels'>;
type Labels = ReturnType<Labeller['classifyLabels']>;

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** P(X ≥ k) for X ~ Binomial(n, 1/2), summed exactly in log space (n is at most twice a dev set). */
export function signTestP(k: number, n: number): number {
  if (n === 0 || k <= 0) return 1;
  const logHalfN = n * Math.log(0.5);
  let logC = 0;
  const terms: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    if (i >= k) terms.push(logC + logHalfN);
  }
  const top = Math.max(...terms);
  return Math.min(1, Math.exp(top) * terms.reduce((sum, t) => sum + Math.exp(t - top), 0));
}

export function compareModels(candidate: Labeller, active: Labeller | null, dev: readonly NluExample[] | null, alpha = 0.05): ModelComparison {
  if (active === null || dev === null || dev.length === 0) {
    return { basis: 'none', candidateMean: null, activeMean: null, heads: {}, worse: false, reasons: ['no dev set or no active model: nothing to compare'] };
  }
  const views = dev.map((example) => [example.text, foldDiacritics(example.text)] as const);
  const predict = (model: Labeller) => views.map((pair) => pair.map((text) => model.classifyLabels(text)));
  const [next, current] = [predict(candidate), predict(active)];
  const heads: Record<string, HeadComparison> = {};
  const reasons: string[] = [];
  const accuracies = { next: [] as number[], current: [] as number[] };
  const perHeadAlpha = alpha / NLU_HEAD_NAMES.length;
  for (const head of NLU_HEAD_NAMES) {
    let lost = 0;
    let gained = 0;
    let rightNext = 0;
    let rightCurrent = 0;
    dev.forEach((example, index) => {
      const score = (labels: readonly Labels[]) => labels.filter((l) => l[head] === example[head]).length;
      const [a, b] = [score(next[index]!), score(current[index]!)];
      rightNext += a;
      rightCurrent += b;
      if (a < b) lost++;
      else if (a > b) gained++;
    });
    const p = signTestP(lost, lost + gained);
    heads[head] = { lost, gained, p: Math.round(p * 10000) / 10000 };
    accuracies.next.push(rightNext / (2 * dev.length));
    accuracies.current.push(rightCurrent / (2 * dev.length));
    if (lost > gained && p < perHeadAlpha) reasons.push(`${head}: ${lost} dev messages lost against ${gained} gained (sign test p = ${p.toPrecision(2)} < ${perHeadAlpha.toPrecision(2)})`);
  }
  return { basis: 'dev', candidateMean: mean(accuracies.next), activeMean: mean(accuracies.current), heads, worse: reasons.length > 0, reasons };
}
