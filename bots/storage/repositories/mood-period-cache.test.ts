import { isUnreadableValue } from './mood-period-cache.js';

const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a kept mood answer that cannot be read', () => {
  it('is recognised through the query builder’s wrapper by its SQLSTATE (XX001), and nothing else is', () => {
    expect(isUnreadableValue(new Error('Failed query: select g.generation …', { cause: withCode('XX001', 'missing chunk number 0 for toast value 25302 in pg_toast_17026') }))).toBe(true);
    expect(isUnreadableValue(withCode('XX001', 'missing chunk'))).toBe(true);
    expect(isUnreadableValue(new Error('Failed query: …', { cause: withCode('57014', 'canceling statement due to statement timeout') }))).toBe(false);
    expect(isUnreadableValue(new Error('boom'))).toBe(false);
    expect(isUnreadableValue('XX001')).toBe(false);
  });
});
