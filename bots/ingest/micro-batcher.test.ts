import { createMicroBatcher } from './micro-batcher.js';

describe('micro-batcher (group commit of concurrent requests)', () => {
  it('sends concurrent items as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const batcher = createMicroBatcher<number, string>({
      run: async (inputs) => {
        batches.push(inputs);
        return inputs.map((n) => (n === 3 ? { status: 'rejected', reason: new Error('three is refused') } : { status: 'fulfilled', value: `ok ${n}` }));
      },
      maxBatch: 10,
      maxWaitMs: 5,
      maxInFlight: 1,
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['ok 1', 'ok 2', 'three is refused', 'ok 4']);
    expect(batcher.pending()).toBe(0);
  });

  it('never exceeds maxBatch, and what arrives while a batch runs leaves together when it ends', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = createMicroBatcher<number, number>({
      run: async (inputs) => {
        batches.push(inputs);
        if (batches.length === 1) await gate;
        return inputs.map((value) => ({ status: 'fulfilled', value }));
      },
      maxBatch: 3,
      maxWaitMs: 0,
      maxInFlight: 1,
    });
    const first = batcher.submit(0);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the first batch is running, alone
    const later = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toEqual([[0]]); // nothing else may start while the only slot is busy
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('rejects every item of a batch whose run throws, and keeps working afterwards', async () => {
    let fail = true;
    const batcher = createMicroBatcher<number, number>({
      run: async (inputs) => {
        if (fail) throw new Error('database gone');
        return inputs.map((value) => ({ status: 'fulfilled', value }));
      },
      maxBatch: 10,
      maxWaitMs: 1,
      maxInFlight: 2,
    });
    const failed = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.submit(3)).toBe(3);
  });
});
