import type { Env } from '../../core/config/env-schema.js';
import type { ChatModel } from '../../core/ports/chat-model.js';
import { createOpenAiChatModel } from './openai-chat-model.js';

/**
 * The configured model, or undefined when no LLM is configured (then legal answers are extractive, still cited).
 * A base URL alone is enough: local OpenAI-compatible servers (vLLM, Ollama) need no key.
 */
export function chatModelFromEnv(env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS'>): ChatModel | undefined {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return undefined;
  return createOpenAiChatModel({
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
  });
}
