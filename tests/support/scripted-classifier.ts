import type { Route, Sentiment, Topic } from '../../core/nlu/labels.js';
import type { MessageClassifier, NluResult } from '../../core/nlu/nlu-result.js';

export interface ScriptedLabel {
  route: Route;
  topic?: Topic;
  sentiment?: Sentiment;
  confidence?: number;
  flags?: NluResult['flags'];
}

/**
 * A classifier port for pipeline tests that must not depend on the trained model: each known text gets the
 * labels the test wants; anything else is unsure (confidence 0). The real classifier has its own suites.
 */
export function createScriptedClassifier(script: Record<string, ScriptedLabel>): MessageClassifier {
  return {
    modelId: 'scripted@test',
    classify(text: string): NluResult {
      const label = script[text.trim()];
      const confidence = label?.confidence ?? (label ? 0.95 : 0.1);
      return {
        route: label?.route ?? 'question',
        topic: label?.topic ?? 'other',
        sentiment: label?.sentiment ?? 'neutral',
        confidence: { route: confidence, topic: confidence, sentiment: confidence },
        entities: [],
        model: 'scripted@test',
        ...(label?.flags ? { flags: label.flags } : {}),
      };
    },
  };
}
