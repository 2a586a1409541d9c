import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { parseOrThrow } from '../../core/errors/zod-issues.js';
import type { ChatCompletionRequest, ChatModel } from '../../core/ports/chat-model.js';

/**
 * Settings of one OpenAI-compatible endpoint (OpenAI, Azure OpenAI's /v1 surface, vLLM, Ollama, LM Studio...).
 * `apiKey` may be omitted for local servers that do not check it.
 */
export const OpenAiChatModelConfigSchema = z.object({
  baseURL: z.url().optional(),
  apiKey: z.string().min(1).optional(),
  model: z.string().trim().min(1),
  timeoutMs: z.number().int().min(100).max(600_000).default(20_000),
  /** Retries of the SDK itself (429 and 5xx with backoff, honouring retry-after). */
  maxRetries: z.number().int().min(0).max(10).default(2),
});

export type OpenAiChatModelConfig = z.input<typeof OpenAiChatModelConfigSchema> & {
  /** A fetch implementation for tests or proxies; the SDK's default otherwise. */
  fetch?: typeof fetch;
};

/** Local servers ignore the key but the SDK insists on one. */
const PLACEHOLDER_KEY = 'not-needed';

/** Maps what the SDK throws onto the two codes the knowledge layer understands. Messages never include the prompt. */
export function toLlmAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof APIConnectionTimeoutError) return new AppError('LLM_TIMEOUT', 'LLM request timed out', { cause: error });
  if (error instanceof APIUserAbortError) return new AppError('LLM_TIMEOUT', 'LLM request aborted', { cause: error });
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    return new AppError('LLM_FAILED', `LLM request failed${status ? ` with HTTP ${status}` : ''}`, {
      cause: error,
      details: { ...(status ? { status } : {}), ...(error.code ? { providerCode: String(error.code) } : {}) },
    });
  }
  return new AppError('LLM_FAILED', 'LLM request failed', { cause: error });
}

/** The `ChatModel` port over the official `openai` SDK's Chat Completions API. */
export function createOpenAiChatModel(config: OpenAiChatModelConfig): ChatModel {
  const settings = parseOrThrow(OpenAiChatModelConfigSchema, config, 'llm');
  const client = new OpenAI({
    apiKey: settings.apiKey ?? PLACEHOLDER_KEY,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });

  return {
    modelName: settings.model,
    async complete(request: ChatCompletionRequest): Promise<{ text: string }> {
      // Our own deadline over the whole call, SDK retries included: a member is waiting in a chat. Owning the
      // timer also tells a timeout apart from a dropped connection whatever the fetch implementation reports.
      let timedOut = false;
      const deadline = new AbortController();
      const timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, settings.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model: settings.model,
            messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
            ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          },
          { signal },
        );
      } catch (error) {
        if (timedOut) throw new AppError('LLM_TIMEOUT', `LLM did not answer within ${settings.timeoutMs} ms`, { cause: error });
        throw toLlmAppError(error);
      } finally {
        clearTimeout(timer);
      }
      const choice = completion.choices[0];
      if (!choice || choice.finish_reason === 'content_filter') {
        throw new AppError('LLM_FAILED', `LLM returned no usable choice (${choice?.finish_reason ?? 'none'})`);
      }
      const text = choice.message.content ?? '';
      if (text.trim() === '') throw new AppError('LLM_FAILED', 'LLM returned an empty message');
      return { text };
    },
  };
}
