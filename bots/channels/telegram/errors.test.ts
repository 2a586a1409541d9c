import { mapTelegramError } from './errors.js';

describe('Bot API error mapping', () => {
  it('retries flood limits after retry_after and outages', () => {
    expect(mapTelegramError(429, 'Too Many Requests: retry after 35', 35)).toEqual({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 35_000 });
    expect(mapTelegramError(502, 'Bad Gateway', undefined)).toEqual({ code: 'PLATFORM_UNAVAILABLE', retryable: true });
  });
  it('does not retry what cannot succeed', () => {
    expect(mapTelegramError(403, 'Forbidden: bot was blocked by the user', undefined)).toMatchObject({ code: 'USER_BLOCKED', retryable: false });
    expect(mapTelegramError(400, 'Bad Request: chat not found', undefined)).toMatchObject({ code: 'INVALID_RECIPIENT', retryable: false });
    expect(mapTelegramError(400, 'Bad Request: message is too long', undefined)).toMatchObject({ code: 'INVALID_PAYLOAD', retryable: false });
    expect(mapTelegramError(401, 'Unauthorized', undefined)).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
  });
});
