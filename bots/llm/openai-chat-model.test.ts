import { AppError } from '../../core/errors/app-error.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../tests/fakes/fake-openai-server.js';
import { chatModelFromEnv } from './chat-model-from-env.js';
import { createOpenAiChatModel } from './openai-chat-model.js';

const messages = [
  { role: 'system' as const, content: 'Bạn là trợ lý.' },
  { role: 'user' as const, content: 'Xin chào' },
];

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('OpenAI-compatible chat model over HTTP', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends the model, messages, limits and key in the Chat Completions format and returns the text', async () => {
    server.requireApiKey('sk-test');
    server.enqueue({ kind: 'message', content: 'Chào bạn, tôi giúp gì được?' });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'qwen2.5-7b-instruct' });
    await expect(model.complete({ messages, maxTokens: 300, temperature: 0.1 })).resolves.toEqual({ text: 'Chào bạn, tôi giúp gì được?' });
    expect(model.modelName).toBe('qwen2.5-7b-instruct');
    expect(server.requests[0]?.body).toEqual({ model: 'qwen2.5-7b-instruct', messages, max_tokens: 300, temperature: 0.1 });
  });

  it('works without an API key for local servers', async () => {
    server.enqueue({ kind: 'message', content: 'ok từ máy chủ nội bộ' });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'llama3' });
    await expect(model.complete({ messages })).resolves.toEqual({ text: 'ok từ máy chủ nội bộ' });
  });

  it('maps a slow answer to LLM_TIMEOUT', async () => {
    server.enqueue({ kind: 'message', content: 'quá muộn', delayMs: 2_000 });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', timeoutMs: 150, maxRetries: 0 });
    expect((await failure(model.complete({ messages }))).code).toBe('LLM_TIMEOUT');
  });

  it('maps an aborted call to LLM_TIMEOUT', async () => {
    server.enqueue({ kind: 'hang' });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', maxRetries: 0 });
    const controller = new AbortController();
    const call = model.complete({ messages, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await failure(call)).code).toBe('LLM_TIMEOUT');
  });

  it('retries a 429 as the SDK does and then succeeds', async () => {
    server.enqueue({ kind: 'error', status: 429, retryAfterMs: 10 }, { kind: 'message', content: 'thành công sau khi thử lại' });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', maxRetries: 2 });
    await expect(model.complete({ messages })).resolves.toEqual({ text: 'thành công sau khi thử lại' });
    expect(server.requests).toHaveLength(2);
  });

  it.each([429, 500, 503] as const)('maps HTTP %i to LLM_FAILED after the SDK retries run out', async (status) => {
    server.setDefault(() => ({ kind: 'error', status, retryAfterMs: 5 }));
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', maxRetries: 1 });
    const error = await failure(model.complete({ messages }));
    expect(error.code).toBe('LLM_FAILED');
    expect(error.details).toMatchObject({ status });
    expect(server.requests).toHaveLength(2);
  });

  it('maps a rejected key to LLM_FAILED without retrying', async () => {
    server.requireApiKey('right');
    const model = createOpenAiChatModel({ baseURL: server.baseURL, apiKey: 'wrong', model: 'm', maxRetries: 2 });
    const error = await failure(model.complete({ messages }));
    expect(error).toMatchObject({ code: 'LLM_FAILED', details: { status: 401, providerCode: 'invalid_api_key' } });
    expect(server.requests).toHaveLength(1);
  });

  it('treats an empty or filtered answer as a failure', async () => {
    server.enqueue({ kind: 'message', content: '   ' }, { kind: 'message', content: 'bị lọc', finishReason: 'content_filter' });
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', maxRetries: 0 });
    expect((await failure(model.complete({ messages }))).code).toBe('LLM_FAILED');
    expect((await failure(model.complete({ messages }))).code).toBe('LLM_FAILED');
  });

  it('maps an unreachable server to LLM_FAILED', async () => {
    const model = createOpenAiChatModel({ baseURL: server.baseURL, model: 'm', maxRetries: 0 });
    await server.close();
    expect((await failure(model.complete({ messages }))).code).toBe('LLM_FAILED');
    server = await startFakeOpenAiServer();
  });

  it('validates its configuration', () => {
    expect(() => createOpenAiChatModel({ baseURL: 'not a url', model: 'm' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => createOpenAiChatModel({ model: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('chat model from the environment', () => {
  const base = { LLM_MODEL: 'gpt-4o-mini', LLM_TIMEOUT_MS: 20_000, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };

  it('is absent when no LLM is configured (answers are then extractive)', () => {
    expect(chatModelFromEnv(base)).toBeUndefined();
  });

  it('is created from a key or from a base URL alone', () => {
    expect(chatModelFromEnv({ ...base, OPENAI_API_KEY: 'sk-x' })?.modelName).toBe('gpt-4o-mini');
    expect(chatModelFromEnv({ ...base, OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3' })?.modelName).toBe('llama3');
  });
});
