/**
 * The LLM port (OpenAI-compatible chat completion). Implemented in bots/ with the `openai` SDK; knowledge/
 * composes prompts against this interface only. Implementations throw AppError LLM_TIMEOUT / LLM_FAILED.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletionRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface ChatModel {
  readonly modelName: string;
  complete(request: ChatCompletionRequest): Promise<{ text: string }>;
}
