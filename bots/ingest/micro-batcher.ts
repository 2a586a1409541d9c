export interface MicroBatcherOptions<I, O> {
  /** Runs one batch; returns one settled result per input, in order (one bad input must not fail the others). */
  run(inputs: I[]): Promise<PromiseSettledResult<O>[]>;
  /** Largest batch. */
  maxBatch: number;
  /** How long the first item of a batch waits for company; 0 flushes on the next turn of the event loop. */
  maxWaitMs: number;
  /** Batches running at once (PostgreSQL: a few pool connections; PGlite: 1, it has one connection). */
  maxInFlight: number;
}

interface Waiting<I, O> {
  input: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit for concurrent callers: `submit` parks an item until its batch runs, then settles with that
 * item's own result. A batch leaves when it is full or `maxWaitMs` after its first item; while `maxInFlight`
 * batches run, new items gather and leave together as soon as one finishes, so under load the batches grow by
 * themselves and each caller waits for one commit instead of queueing behind everybody's.
 */
export function createMicroBatcher<I, O>(options: MicroBatcherOptions<I, O>) {
  let waiting: Waiting<I, O>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight = 0;

  function flush(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (waiting.length > 0 && inFlight < options.maxInFlight) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      inFlight += 1;
      void runBatch(batch);
    }
  }

  async function runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await options.run(batch.map((item) => item.input));
      batch.forEach((item, i) => {
        const result = results[i];
        if (!result) item.reject(new Error('the batch returned no result for this item'));
        else if (result.status === 'fulfilled') item.resolve(result.value);
        else item.reject(result.reason);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      inFlight -= 1;
      // What gathered meanwhile leaves now (its first item has waited at least one commit already).
      if (waiting.length > 0) flush();
    }
  }

  return {
    submit(input: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        if (waiting.length >= options.maxBatch) flush();
        else if (!timer && inFlight < options.maxInFlight) timer = setTimeout(flush, options.maxWaitMs);
      });
    },
    /** Items waiting to leave plus batches running (for tests and metrics). */
    pending(): number {
      return waiting.length + inFlight;
    },
  };
}

export type MicroBatcher<I, O> = ReturnType<typeof createMicroBatcher<I, O>>;
