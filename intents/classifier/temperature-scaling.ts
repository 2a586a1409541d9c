import { softmax } from './softmax-regression.js';

/**
 * Temperature scaling (Guo et al., 2017): one scalar T per head, fitted on examples the model did not train
 * on, that makes softmax(logits / T) honest. A linear model trained to near-zero loss is overconfident;
 * the thresholds in core/nlu/thresholds.ts only mean something if 0.7 is right about 70 % of the time.
 */

function negativeLogLikelihood(logits: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const probabilities = softmax(logits[i] as Float64Array, temperature);
    total -= Math.log(Math.max(probabilities[labels[i] as number] as number, 1e-12));
  }
  return total / Math.max(1, logits.length);
}

/** Golden-section search for T in [0.05, 20] on a log scale; NLL in T is unimodal in practice. */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) return 1;
  let low = Math.log(0.05);
  let high = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = negativeLogLikelihood(logits, labels, Math.exp(a));
  let fb = negativeLogLikelihood(logits, labels, Math.exp(b));
  for (let iteration = 0; iteration < 60; iteration++) {
    if (fa < fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = negativeLogLikelihood(logits, labels, Math.exp(a));
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = negativeLogLikelihood(logits, labels, Math.exp(b));
    }
  }
  return Number(Math.exp((low + high) / 2).toFixed(4));
}

/** Expected calibration error over equal-width confidence bins: how far confidence is from accuracy. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  const sums = Array.from({ length: bins }, () => ({ confidence: 0, correct: 0, count: 0 }));
  confidences.forEach((confidence, i) => {
    const bin = sums[Math.min(bins - 1, Math.floor(confidence * bins))] as { confidence: number; correct: number; count: number };
    bin.confidence += confidence;
    bin.correct += correct[i] ? 1 : 0;
    bin.count += 1;
  });
  let error = 0;
  for (const bin of sums) {
    if (bin.count > 0) error += (bin.count / confidences.length) * Math.abs(bin.confidence / bin.count - bin.correct / bin.count);
  }
  return error;
}
