import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import { GROUNDING_RULES } from '../../knowledge/answer/grounded-prompt.vi.js';
import { sourcesInPrompt, type FakeOpenAiServer, type FakeResponder } from '../fakes/fake-openai-server.js';
import { ask } from './answers-fixtures.js';

/**
 * The adversarial set of issue #11 item 8 (knowledge/eval/adversarial-replies.jsonl): bad replies a model could
 * give, each served by the fake OpenAI-compatible server for every attempt. `{cite}` becomes a citation of the
 * first article the model was shown (so the only flaw is the intended one), `{rules}` the prompt's own rules.
 * A reply is caught when the member gets the extractive answer (or "not covered") instead of the model's words.
 */
const CaseSchema = z.object({ id: z.string(), category: z.string(), q: z.string().min(1), reply: z.string() });
export type AdversarialCase = z.infer<typeof CaseSchema>;

export function loadAdversarialReplies(): AdversarialCase[] {
  const text = readFileSync(new URL('../../knowledge/eval/adversarial-replies.jsonl', import.meta.url), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => CaseSchema.parse(JSON.parse(line)));
}

export function adversarialResponder(reply: string): FakeResponder {
  return (request) => {
    const [first] = sourcesInPrompt(request);
    const cite = first ? `[Điều ${first.articleNo}, ${first.lawId}]` : '';
    return { kind: 'message', content: reply.replaceAll('{cite}', cite).replaceAll('{rules}', GROUNDING_RULES.join('\n')) };
  };
}

export interface AdversarialOutcome {
  id: string;
  category: string;
  caught: boolean;
  composer: string;
  reason: string | null;
}

export async function runAdversarialReplies(llm: FakeOpenAiServer, service: KnowledgeService, cases = loadAdversarialReplies()): Promise<AdversarialOutcome[]> {
  const outcomes: AdversarialOutcome[] = [];
  for (const item of cases) {
    llm.setDefault(adversarialResponder(item.reply));
    const answer = await service.answer(ask(item.q));
    outcomes.push({ id: item.id, category: item.category, caught: answer.composer !== 'llm', composer: answer.composer, reason: answer.fallbackReason ?? null });
  }
  return outcomes;
}
