import { AppError } from '../../core/errors/app-error.js';
import type { Route } from '../../core/nlu/labels.js';
import type { MessageClassifier, NluResult } from '../../core/nlu/nlu-result.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import { extractEntities } from '../entities/extract-entities.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { detectMessageFlags } from '../signals/message-signals.js';
import { findHandoffTrigger } from './handoff-rules.js';
import { createVectorizer, type HeadModel, type HeadPrediction, type MultiHeadModel } from './multi-head-model.js';
import { decodeNluLabels } from './nlu-decoding.js';
import { predictStacked, stackHeads } from './stacked-heads.js';

/** Confidence given to a route forced by a hand-off rule: the rules were 100 % precise on train and heldout. */
export const RULE_CONFIDENCE = 0.95;
/** Longer messages are read up to here: features and entities past it add time, not meaning. */
export const MAX_CLASSIFIED_CHARS = 2000;

const HEAD_NAMES = ['route', 'topic', 'sentiment'] as const;

export interface NluClassifierOptions {
  /** "Today" for relative dates in entities. */
  clock?: Clock;
}

function requireHead(model: MultiHeadModel, name: string): HeadModel {
  const found = model.heads[name];
  if (found === undefined) throw new AppError('NLU_MODEL_INVALID', `the NLU model has no ${name} head`);
  return found;
}

/** The MessageClassifier port plus a lighter call for callers that need only the labels, not the entities. */
export interface NluClassifier extends MessageClassifier {
  /** Route, topic and sentiment with confidences, without entity extraction. */
  classifyLabels(text: string): Omit<NluResult, 'entities'>;
}

/** The classifier over a trained model: normalise, three heads, joint decoding, hand-off rules, entities. */
export function createNluClassifier(trained: { model: MultiHeadModel; modelId: string }, options: NluClassifierOptions = {}): NluClassifier {
  const { model, modelId } = trained;
  const clock = options.clock ?? systemClock;
  for (const name of HEAD_NAMES) requireHead(model, name);
  const stacked = stackHeads(model, HEAD_NAMES);
  const vectorize = createVectorizer(model);
  const labelsOf = (text: string): Omit<NluResult, 'entities'> => {
    const normalized = normalizeText(text);
    const vector = vectorize(normalized);
    const [routePrediction, topicPrediction, sentimentPrediction] = predictStacked(stacked, vector) as [HeadPrediction, HeadPrediction, HeadPrediction];
    const decoded = decodeNluLabels(routePrediction, topicPrediction, sentimentPrediction);
    let route: Route = decoded.route;
    let routeConfidence = decoded.confidence.route;
    let producedBy = modelId;
    const trigger = findHandoffTrigger(normalized);
    if (trigger !== null) {
      const modelHandoff = decoded.routeRanking.find((r) => r.label === 'handoff')?.probability ?? 0;
      routeConfidence = route === 'handoff' ? Math.max(routeConfidence, RULE_CONFIDENCE) : Math.max(modelHandoff, RULE_CONFIDENCE);
      route = 'handoff';
      producedBy = `${modelId}+rule:${trigger.reason}`;
    }
    const alternatives = decoded.routeRanking
      .filter((candidate) => candidate.label !== route)
      .slice(0, 1)
      .map((candidate) => ({ route: candidate.label as Route, confidence: candidate.probability }));
    return {
      route,
      topic: decoded.topic,
      sentiment: decoded.sentiment,
      confidence: { route: routeConfidence, topic: decoded.confidence.topic, sentiment: decoded.confidence.sentiment },
      model: producedBy,
      alternatives,
      flags: [...detectMessageFlags(normalized)],
    };
  };
  const clip = (text: string): string => (text.length > MAX_CLASSIFIED_CHARS ? text.slice(0, MAX_CLASSIFIED_CHARS) : text);
  return {
    modelId,
    classifyLabels: (text) => labelsOf(clip(text)),
    classify(text: string): NluResult {
      const clipped = clip(text);
      return { ...labelsOf(clipped), entities: extractEntities(clipped, { now: clock.now() }) };
    },
  };
}
