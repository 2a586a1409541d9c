import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP call our code made to a fake platform, exactly as it arrived. */
export interface PlatformCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: string;
  /** JSON or form body, parsed; null when neither. */
  body: Record<string, unknown> | null;
}

export interface PlatformAnswer {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
  /** Runs before the answer is written (a fake platform sending an echo webhook before answering the send). */
  before?: () => Promise<void>;
}

export type PlatformRoute = (call: PlatformCall) => PlatformAnswer | Promise<PlatformAnswer>;

/**
 * The HTTP core of the fake Zalo, Meta and Telegram servers: a real server on 127.0.0.1 (random port) that
 * records every call and answers through a route function, with one-shot scripted answers per path
 * (`failNext`) so a test can make a platform fail N times, rate-limit or refuse a token.
 */
export class FakePlatformServer {
  readonly calls: PlatformCall[] = [];
  private readonly scripted = new Map<string, PlatformAnswer[]>();
  private server: Server | null = null;
  private baseUrl = '';

  constructor(private readonly route: PlatformRoute) {}

  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(
        (answer) => {
          response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          response.end(JSON.stringify(answer.json));
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ fakeServerError: String(error) }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The next `count` calls whose path ends with `pathSuffix` get `answer` instead of the normal behaviour. */
  failNext(pathSuffix: string, count: number, answer: PlatformAnswer): void {
    const queue = this.scripted.get(pathSuffix) ?? [];
    for (let i = 0; i < count; i++) queue.push(answer);
    this.scripted.set(pathSuffix, queue);
  }

  callsTo(pathSuffix: string): PlatformCall[] {
    return this.calls.filter((call) => call.path.endsWith(pathSuffix));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage): Promise<PlatformAnswer> {
    const rawBody = await readAll(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(',') : (value ?? '');
    const call: PlatformCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      rawBody,
      body: parseBody(rawBody, headers['content-type'] ?? ''),
    };
    this.calls.push(call);
    const scriptedKey = [...this.scripted.keys()].find((suffix) => call.path.endsWith(suffix) && (this.scripted.get(suffix)?.length ?? 0) > 0);
    const answer = scriptedKey ? (this.scripted.get(scriptedKey)?.shift() as PlatformAnswer) : await this.route(call);
    await answer.before?.();
    return answer;
  }
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  if (!raw) return null;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** POSTs a webhook to our server the way a platform does: raw bytes plus the platform's headers. */
export async function postWebhook(url: string, rawBody: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
  return { status: response.status, body: await response.text() };
}
