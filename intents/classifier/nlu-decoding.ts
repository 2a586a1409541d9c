import type { Route, Sentiment, Topic } from '../../core/nlu/labels.js';
import type { HeadPrediction, RankedLabel } from './multi-head-model.js';

/**
 * Joint reading of the route and topic heads under the labelling rules (shared/notes/labels.md): questions and
 * feedback are always about a topic (never `other`); small talk and out-of-scope messages always have topic
 * `other`; a hand-off may have either. The pair with the highest p(route)·p(topic) among the allowed ones
 * wins, so a confident topic can rescue an unsure route and the reverse.
 */

export interface DecodedLabels {
  route: Route;
  topic: Topic;
  sentiment: Sentiment;
  confidence: { route: number; topic: number; sentiment: number };
  /** Routes ranked by their calibrated probability (the route head alone). */
  routeRanking: RankedLabel[];
}

const TOPIC_ONLY_OTHER: ReadonlySet<string> = new Set(['smalltalk', 'out_of_scope']);
const TOPIC_NEVER_OTHER: ReadonlySet<string> = new Set(['question', 'feedback']);

function allowed(route: string, topic: string): boolean {
  if (TOPIC_ONLY_OTHER.has(route)) return topic === 'other';
  if (TOPIC_NEVER_OTHER.has(route)) return topic !== 'other';
  return true;
}

function bestTopicFor(route: string, topics: readonly RankedLabel[]): { topic: RankedLabel; mass: number } {
  let mass = 0;
  let best: RankedLabel | undefined;
  for (const candidate of topics) {
    if (!allowed(route, candidate.label)) continue;
    mass += candidate.probability;
    if (best === undefined || candidate.probability > best.probability) best = candidate;
  }
  return { topic: best ?? (topics[0] as RankedLabel), mass };
}

export function decodeNluLabels(route: HeadPrediction, topic: HeadPrediction, sentiment: HeadPrediction): DecodedLabels {
  let bestScore = -Infinity;
  let chosenRoute = route.ranked[0] as RankedLabel;
  let chosenTopic = topic.ranked[0] as RankedLabel;
  let chosenMass = 1;
  for (const candidate of route.ranked) {
    const { topic: topicChoice, mass } = bestTopicFor(candidate.label, topic.ranked);
    const score = candidate.probability * topicChoice.probability;
    if (score > bestScore) {
      bestScore = score;
      chosenRoute = candidate;
      chosenTopic = topicChoice;
      chosenMass = mass;
    }
  }
  return {
    route: chosenRoute.label as Route,
    topic: chosenTopic.label as Topic,
    sentiment: sentiment.label as Sentiment,
    confidence: {
      route: chosenRoute.probability,
      // The topic's probability among the topics its route allows: "which topic, given it is a question".
      topic: chosenMass > 0 ? chosenTopic.probability / chosenMass : chosenTopic.probability,
      sentiment: sentiment.confidence,
    },
    routeRanking: route.ranked,
  };
}
