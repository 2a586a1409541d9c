import { mapGraphError } from './errors.js';

describe('Graph error mapping', () => {
  it.each([
    [400, 190, 463, 'AUTH_FAILED', false],
    [400, 10, 2018278, 'WINDOW_CLOSED', false],
    [400, 551, null, 'USER_BLOCKED', false],
    [403, 200, 2018108, 'USER_BLOCKED', false],
    [403, 200, null, 'AUTH_FAILED', false],
    [400, 100, 2018108, 'USER_BLOCKED', false],
    [400, 100, 2018001, 'INVALID_RECIPIENT', false],
    [400, 100, 33, 'INVALID_PAYLOAD', false],
    [400, 4, null, 'RATE_LIMITED', true],
    [400, 613, null, 'RATE_LIMITED', true],
    [500, 1200, null, 'PLATFORM_UNAVAILABLE', true],
    [500, 2, null, 'PLATFORM_UNAVAILABLE', true],
    [502, null, null, 'PLATFORM_UNAVAILABLE', true],
    [429, null, null, 'RATE_LIMITED', true],
  ] as const)('HTTP %s code %s/%s → %s (retry: %s)', (status, code, subcode, expected, retryable) => {
    expect(mapGraphError(status, code, subcode)).toMatchObject({ code: expected, retryable });
  });
});
