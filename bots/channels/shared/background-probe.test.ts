import { silentLogger } from '../../../core/ports/logger.js';
import { createBackgroundProbe } from './background-probe.js';

async function until(predicate: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never met');
}

const passes = async (check: () => Promise<void>) => check().then(() => true, () => false);

describe('background probe', () => {
  it('reports failure, keeps retrying, then reports the platform reachable', async () => {
    let calls = 0;
    const probe = createBackgroundProbe({
      name: 'channel:test',
      logger: silentLogger,
      firstRetryMs: 5,
      probe: async () => {
        calls++;
        if (calls < 3) throw new Error('connect ECONNREFUSED');
      },
    });
    expect(probe.readiness.optional).toBe(true);
    await expect(probe.readiness.check()).rejects.toThrow('not checked yet');
    probe.start();
    await until(async () => calls >= 1);
    await until(async () => passes(probe.readiness.check));
    expect(calls).toBe(3);
    await probe.stop();
  });

  it('stops retrying when stopped', async () => {
    let calls = 0;
    const probe = createBackgroundProbe({ name: 'x', logger: silentLogger, firstRetryMs: 5, probe: async () => { calls++; throw new Error('down'); } });
    probe.start();
    await until(async () => calls >= 2);
    await probe.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(after);
    await expect(probe.readiness.check()).rejects.toThrow('down');
  });
});
