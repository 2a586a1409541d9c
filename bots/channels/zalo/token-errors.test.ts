import { classifyZaloTokenFailure } from './token-errors.js';

const answer = (status: number, json: unknown, retryAfterMs: number | null = null) => ({ kind: 'response' as const, status, json, retryAfterMs });

describe('Zalo token endpoint errors', () => {
  it('backs off on rate limits: HTTP 429 (with its Retry-After) and error -32 (a minute)', () => {
    expect(classifyZaloTokenFailure(answer(429, { error: -32 }, 3000))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(classifyZaloTokenFailure(answer(200, { error: -32, message: 'Your application reached limit call api' }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 60_000,
      detail: expect.stringContaining('Zalo error -32'),
    });
  });

  it('retries outages: no answer, 5xx, unreadable bodies, unknown error codes', () => {
    expect(classifyZaloTokenFailure({ kind: 'network', detail: 'ECONNREFUSED' })).toMatchObject({ kind: 'transient' });
    expect(classifyZaloTokenFailure(answer(502, { message: 'bad gateway' }))).toMatchObject({ kind: 'transient', detail: expect.stringContaining('HTTP 502') });
    expect(classifyZaloTokenFailure(answer(200, { unparsable: '<html>' }))).toMatchObject({ kind: 'transient' });
    expect(classifyZaloTokenFailure(answer(200, { error: -100, message: 'Unknown error' }))).toMatchObject({ kind: 'transient' });
  });

  it('asks for re-authorisation only when the credentials are refused for good', () => {
    for (const error of [-14002, -14003, -14014, -219, -223]) {
      expect(classifyZaloTokenFailure(answer(200, { error, error_name: 'x' }))).toMatchObject({ kind: 'reauthorize' });
    }
    expect(classifyZaloTokenFailure(answer(400, { error_description: 'The refresh token is expired' }))).toMatchObject({ kind: 'reauthorize' });
    expect(classifyZaloTokenFailure(answer(400, { error_description: 'Invalid refresh_token' }))).toMatchObject({ kind: 'reauthorize' });
  });
});
