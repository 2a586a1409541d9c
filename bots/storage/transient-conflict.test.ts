import { isTransientConflict, retryOnConflict } from './transient-conflict.js';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('transient conflicts', () => {
  it('recognises deadlocks, serialization failures and unique races, also wrapped by the ORM', () => {
    expect(isTransientConflict(pgError('40P01'))).toBe(true);
    expect(isTransientConflict(new Error('query failed', { cause: pgError('40001') }))).toBe(true);
    expect(isTransientConflict(new Error('query failed', { cause: pgError('23505') }))).toBe(true);
    expect(isTransientConflict(pgError('22P02'))).toBe(false);
    expect(isTransientConflict('40P01')).toBe(false);
  });

  it('runs the work again on a conflict, and gives up on anything else or after the attempts', async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => (++calls < 3 ? Promise.reject(pgError('40P01')) : 'done'))).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryOnConflict(async () => { calls += 1; throw pgError('22P02'); })).rejects.toThrow('pg 22P02');
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryOnConflict(async () => { calls += 1; throw pgError('40P01'); }, 3)).rejects.toThrow('pg 40P01');
    expect(calls).toBe(3);
  });
});
