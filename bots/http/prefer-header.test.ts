import { prefersRespondAsync } from './prefer-header.js';

describe('prefersRespondAsync', () => {
  it('reads respond-async among other preferences, in any case, with or without parameters', () => {
    expect(prefersRespondAsync('respond-async')).toBe(true);
    expect(prefersRespondAsync('Respond-Async')).toBe(true);
    expect(prefersRespondAsync('return=minimal, respond-async; foo=bar')).toBe(true);
    expect(prefersRespondAsync(['wait=10', 'respond-async'])).toBe(true);
  });

  it('ignores absent, unrelated and malformed headers', () => {
    expect(prefersRespondAsync(undefined)).toBe(false);
    expect(prefersRespondAsync('')).toBe(false);
    expect(prefersRespondAsync('respond-asyncx')).toBe(false);
    expect(prefersRespondAsync('wait=abc, return=representation')).toBe(false);
    expect(prefersRespondAsync(';;;,,,=')).toBe(false);
    expect(prefersRespondAsync(`respond-async,${'x'.repeat(2_000)}`)).toBe(false);
  });
});
