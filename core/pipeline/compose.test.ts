import { composeMiddleware } from './compose.js';
import type { Middleware, Turn } from './turn.js';

describe('composeMiddleware', () => {
  it('runs in order and lets a step stop the chain', async () => {
    const seen: string[] = [];
    const step = (name: string, stop = false): Middleware => async (_turn, next) => {
      seen.push(name);
      if (!stop) await next();
    };
    await composeMiddleware([step('a'), step('b', true), step('c')])({} as Turn);
    expect(seen).toEqual(['a', 'b']);
  });

  it('rejects next() called twice', async () => {
    const twice: Middleware = async (_turn, next) => {
      await next();
      await next();
    };
    await expect(composeMiddleware([twice])({} as Turn)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
