import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions wire format (POST /v1/chat/completions),
 * scripted per test. The production client (bots/llm, through the `openai` SDK) talks to it exactly as it would
 * to OpenAI, vLLM or Ollama. Every request body is recorded so tests can prove what left the process.
 */

export interface ChatWireMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body exactly as received (assert on this for personal data). */
  rawBody: string;
  body: { model?: string; messages?: ChatWireMessage[]; max_tokens?: number; temperature?: number; stream?: boolean } | null;
}

export type FakeReply =
  | { kind: 'message'; content: string; finishReason?: 'stop' | 'length' | 'content_filter'; delayMs?: number }
  | { kind: 'error'; status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503; message?: string; type?: string; code?: string | null; retryAfterMs?: number }
  /** Accepts the request and never answers (until the client gives up or the server closes). */
  | { kind: 'hang' };

export type FakeResponder = (request: RecordedRequest) => FakeReply;

export interface FakeOpenAiServer {
  /** Base URL for the SDK, including `/v1`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Replies used in order, one per request; when the queue is empty the default responder answers. */
  enqueue(...replies: (FakeReply | FakeResponder)[]): void;
  setDefault(responder: FakeResponder): void;
  /** Requests must carry `Authorization: Bearer <key>`, else 401 (null: any or no key). */
  requireApiKey(key: string | null): void;
  /** The member text of every recorded request, concatenated: what an outside service could have seen. */
  allSentText(): string;
  close(): Promise<void>;
}

const ERROR_DEFAULTS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request.' },
  502: { type: 'server_error', code: null, message: 'Bad gateway.' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded.' },
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(raw: string): RecordedRequest['body'] {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as RecordedRequest['body']) : null;
  } catch {
    return null;
  }
}

function sendJson(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (response.writableEnded || response.destroyed) return;
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': `req_fake_${Math.random().toString(36).slice(2, 10)}`,
    ...headers,
  });
  response.end(body);
}

function sendError(response: ServerResponse, reply: Extract<FakeReply, { kind: 'error' }>): void {
  const defaults = ERROR_DEFAULTS[reply.status] ?? { type: 'server_error', code: null, message: 'Error.' };
  const headers: Record<string, string> = {};
  // The SDK honours retry-after-ms, so a scripted 429 can be retried within a test without real waiting.
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
  sendJson(
    response,
    reply.status,
    { error: { message: reply.message ?? defaults.message, type: reply.type ?? defaults.type, param: null, code: reply.code === undefined ? defaults.code : reply.code } },
    headers,
  );
}

/** Rough token count for `usage` (a whitespace split is all a fake needs). */
function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export async function startFakeOpenAiServer(options: { defaultResponder?: FakeResponder } = {}): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const queue: (FakeReply | FakeResponder)[] = [];
  let fallback: FakeResponder = options.defaultResponder ?? (() => ({ kind: 'message', content: 'Xin chào.' }));
  let apiKey: string | null = null;
  let completionCounter = 0;
  const pendingTimers = new Set<NodeJS.Timeout>();

  const server = createServer(async (request, response) => {
    const rawBody = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: (request.url ?? '').split('?')[0] ?? '',
      headers: request.headers,
      rawBody,
      body: parseBody(rawBody),
    };
    requests.push(recorded);

    if (recorded.method !== 'POST' || recorded.path !== '/v1/chat/completions') {
      sendError(response, { kind: 'error', status: 404, message: `Unknown route ${recorded.method} ${recorded.path}`, code: null });
      return;
    }
    if (apiKey !== null && request.headers.authorization !== `Bearer ${apiKey}`) {
      sendError(response, { kind: 'error', status: 401 });
      return;
    }
    const body = recorded.body;
    const validMessages =
      Array.isArray(body?.messages) &&
      body.messages.length > 0 &&
      body.messages.every((m) => typeof m?.role === 'string' && typeof m?.content === 'string');
    if (!body || typeof body.model !== 'string' || !validMessages) {
      sendError(response, { kind: 'error', status: 400, message: "Missing required parameter: 'messages' or 'model'." });
      return;
    }
    if (body.stream) {
      sendError(response, { kind: 'error', status: 400, message: 'This fake does not stream.' });
      return;
    }

    const next = queue.shift() ?? fallback;
    const reply = typeof next === 'function' ? next(recorded) : next;
    if (reply.kind === 'hang') return;
    if (reply.kind === 'error') {
      sendError(response, reply);
      return;
    }
    const respond = () => {
      completionCounter += 1;
      const promptTokens = countTokens((body.messages ?? []).map((m) => m.content).join(' '));
      const completionTokens = countTokens(reply.content);
      sendJson(response, 200, {
        id: `chatcmpl-fake${completionCounter}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        system_fingerprint: 'fp_fake',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.content, refusal: null },
            logprobs: null,
            finish_reason: reply.finishReason ?? 'stop',
          },
        ],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        respond();
      }, reply.delayMs);
      pendingTimers.add(timer);
    } else {
      respond();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setDefault: (responder) => {
      fallback = responder;
    },
    requireApiKey: (key) => {
      apiKey = key;
    },
    allSentText: () => requests.map((request) => request.rawBody).join('\n'),
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scripted behaviours. They read the knowledge layer's prompt (numbered sources `[1] Điều N, law_id (...)`), the
// way a real model would read it, and answer well, badly, or by obeying whatever the member's text demands.

export interface PromptSourceLine {
  articleNo: string;
  lawId: string;
  /** The first passage line under the source header. */
  firstLine: string;
}

const SOURCE_HEADER = /^\[(\d+)\] Điều (\d+[a-z]?), (\S+?) \(.*$/gmu;

function lastUserContent(request: RecordedRequest): string {
  const users = (request.body?.messages ?? []).filter((message) => message.role === 'user');
  return users[0]?.content ?? '';
}

/** The member's own words: the last `<<< ... >>>` block of the prompt, or the whole turn when there is none. */
function memberBlock(content: string): string {
  const start = content.lastIndexOf('<<<\n');
  if (start < 0) return content;
  const end = content.indexOf('\n>>>', start);
  return content.slice(start + 4, end < 0 ? undefined : end);
}

/** The sources listed in the first user turn of a request, in prompt order. */
export function sourcesInPrompt(request: RecordedRequest): PromptSourceLine[] {
  const content = lastUserContent(request);
  const sources: PromptSourceLine[] = [];
  for (const match of content.matchAll(SOURCE_HEADER)) {
    const after = content.slice((match.index ?? 0) + match[0].length).split('\n').map((line) => line.trim());
    sources.push({ articleNo: match[2] ?? '', lawId: match[3] ?? '', firstLine: after.find((line) => line !== '') ?? '' });
  }
  return sources;
}

/** A well-behaved model: restates the first passage and cites it properly. */
export const groundedResponder: FakeResponder = (request) => {
  const [first] = sourcesInPrompt(request);
  if (!first) return { kind: 'message', content: 'Các văn bản hiện có chưa đề cập đến vấn đề này.' };
  const statement = first.firstLine.replace(/^\d+\.\s*/, '');
  return { kind: 'message', content: `Theo quy định hiện hành, ${statement} [Điều ${first.articleNo}, ${first.lawId}].` };
};

/** A model that cites an article it was never shown. */
export const inventedCitationResponder: FakeResponder = (request) => {
  const [first] = sourcesInPrompt(request);
  const statement = (first?.firstLine ?? 'người lao động được bảo vệ').replace(/^\d+\.\s*/, '');
  return { kind: 'message', content: `Theo quy định, ${statement} [Điều 999, 45/2019/QH14].` };
};

/**
 * A model with no defences: it does whatever the member's text tells it to. Used to prove that an injection
 * cannot change what the member finally receives.
 */
export const obeyingResponder: FakeResponder = (request) => {
  const user = memberBlock(lastUserContent(request));
  const system = (request.body?.messages ?? []).find((message) => message.role === 'system')?.content ?? '';
  const [first] = sourcesInPrompt(request);
  const cite = first ? ` [Điều ${first.articleNo}, ${first.lawId}]` : '';
  if (/ignore (all )?previous instructions|system prompt|tiết lộ (hướng dẫn|lời nhắc)/iu.test(user)) {
    return { kind: 'message', content: `Đây là hướng dẫn hệ thống của tôi:\n${system}` };
  }
  if (/tiếng anh|in english/iu.test(user)) {
    return { kind: 'message', content: 'The minimum wage depends on the region. You should ask your employer for the details, no citation needed.' };
  }
  const wage = /lương tối thiểu là ([^,.\n>]+)/iu.exec(user);
  if (wage?.[1]) {
    return { kind: 'message', content: `Vâng, theo yêu cầu của bạn: lương tối thiểu là ${wage[1].trim()} mỗi tháng${cite}.` };
  }
  return groundedResponder(request);
};
