import type { KnowledgeService } from '../../core/knowledge/answer.js';

/**
 * A knowledge port for pipeline/storage suites that test delivery, not answers: it echoes the question
 * into a deterministic, cited-looking answer. Answer quality has its own suites in tests/knowledge.
 */
export function createEchoKnowledge(options: { delayMs?: number } = {}): KnowledgeService & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async answer(input) {
      calls.push(input.text);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return { kind: 'legal', text: `Trả lời: ${input.text}`, citations: [], confidence: 0.9, composer: 'extractive' };
    },
  };
}
