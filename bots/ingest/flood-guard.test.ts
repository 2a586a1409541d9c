import { silentLogger } from '../../core/ports/logger.js';
import type { InboundMessageEvent } from '../../core/messages/inbound.js';
import { createFloodGuard } from './flood-guard.js';
import type { FloodCounter } from './flood-counter.js';

const event = (user: string) => ({ kind: 'message', channel: 'telegram', sender: { platformUserId: user } }) as unknown as InboundMessageEvent;

describe('flood guard', () => {
  it('tells a sender once per window even when the shared count skips past the first refusal', async () => {
    // Several processes: this one may see 5 then 7 (another process's hit arrived meanwhile), never 6.
    const counts = [5, 7, 8, 9];
    const counter: FloodCounter = { hit: async () => counts.shift() ?? 1, close: async () => undefined };
    let at = new Date('2026-12-04T10:00:10Z');
    const guard = createFloodGuard({ counter, maxMessages: 5, windowMs: 60_000, clock: { now: () => at }, logger: silentLogger });
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(await guard.admit(event('1')));
    expect(verdicts).toEqual([{ ok: true }, { ok: false, retryAfterSeconds: 50, firstRefusal: true }, { ok: false, retryAfterSeconds: 50, firstRefusal: false }]);
    at = new Date('2026-12-04T10:01:10Z'); // next window: told again
    expect(await guard.admit(event('1'))).toEqual({ ok: false, retryAfterSeconds: 50, firstRefusal: true });
  });

  it('never limits the local CLI channel', async () => {
    const counter: FloodCounter = { hit: async () => 1000, close: async () => undefined };
    const guard = createFloodGuard({ counter, maxMessages: 5, windowMs: 60_000, clock: { now: () => new Date() }, logger: silentLogger });
    expect(await guard.admit({ ...event('1'), channel: 'cli' } as InboundMessageEvent)).toEqual({ ok: true });
  });
});
