import type { LawArticle } from '../../core/knowledge/law.js';
import type { ChatMessage, ChatModel } from '../../core/ports/chat-model.js';
import type { Logger } from '../../core/ports/logger.js';
import { buildCorrectionMessage, buildGroundedMessages, type PromptSource } from './grounded-prompt.vi.js';
import { completeWithDeadline, modelFailureReason } from './model-call.js';
import { checkModelReply, REPLY_PROBLEMS, type ReplyVerdict } from './reply-checks.js';
import { sourcesText } from './source-selection.js';

export type ModelOutcome =
  | { kind: 'answer'; body: string; cited: LawArticle[]; attempts: number }
  | { kind: 'not_covered'; attempts: number }
  | { kind: 'failed'; reason: string; attempts: number };

export interface ModelAnswerSettings {
  timeoutMs: number;
  maxTokens: number;
  maxAnswerChars: number;
}

/** Keeps a long reply readable in a chat bubble, cutting at a sentence end. */
function clampReply(text: string, limit: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  const window = trimmed.slice(0, limit);
  const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  return `${window.slice(0, cut > limit / 2 ? cut + 1 : limit).trim()}…`;
}

/**
 * Asks the model for a grounded answer and accepts it only if it passes every reply check. A problem the model
 * can fix (a citation outside the passages, a number not in them, another language) gets one corrective turn;
 * anything else, or a second failure, is reported so the caller falls back to quoting the law.
 */
export async function answerWithModel(
  deps: { chatModel: ChatModel; logger: Logger },
  input: { sources: readonly PromptSource[]; redactedQuestion: string; settings: ModelAnswerSettings; signal?: AbortSignal },
): Promise<ModelOutcome> {
  const { sources, redactedQuestion, settings } = input;
  const context = { retrieved: sources.map((source) => source.article), passagesText: sourcesText(sources), memberText: redactedQuestion };
  const messages: ChatMessage[] = buildGroundedMessages(sources, redactedQuestion);
  let lastProblem = '';

  for (let attempt = 1; attempt <= 2; attempt += 1) {
    let reply: string;
    try {
      const result = await completeWithDeadline(
        deps.chatModel,
        { messages, maxTokens: settings.maxTokens, temperature: 0.1 },
        settings.timeoutMs,
        input.signal,
      );
      reply = result.text;
    } catch (error) {
      return { kind: 'failed', reason: modelFailureReason(error), attempts: attempt };
    }

    const verdict: ReplyVerdict = checkModelReply(reply, context);
    if (verdict.ok && verdict.kind === 'answer') {
      return { kind: 'answer', body: clampReply(reply, settings.maxAnswerChars), cited: verdict.cited, attempts: attempt };
    }
    if (verdict.ok) return { kind: 'not_covered', attempts: attempt };

    deps.logger.warn({ problem: verdict.problem, attempt, model: deps.chatModel.modelName }, 'model reply rejected');
    lastProblem = verdict.problem;
    if (!REPLY_PROBLEMS[verdict.problem].retryable) return { kind: 'failed', reason: `rejected_${verdict.problem}`, attempts: attempt };
    messages.push({ role: 'assistant', content: reply }, buildCorrectionMessage(REPLY_PROBLEMS[verdict.problem].explain, sources));
  }
  return { kind: 'failed', reason: `${lastProblem}_after_retry`, attempts: 2 };
}
