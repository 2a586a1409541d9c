import { AppError } from '../errors/app-error.js';
import type { Middleware, Turn } from './turn.js';

/** Runs middleware in order; each decides whether to call `next`. Calling `next` twice is a bug and throws. */
export function composeMiddleware(middleware: readonly Middleware[]): (turn: Turn) => Promise<void> {
  return async (turn) => {
    const run = async (index: number): Promise<void> => {
      const current = middleware[index];
      if (!current) return;
      let called = false;
      await current(turn, async () => {
        if (called) throw new AppError('INTERNAL', `middleware ${index} called next() twice`);
        called = true;
        await run(index + 1);
      });
    };
    await run(0);
  };
}
