import { silentLogger } from '../../../core/ports/logger.js';
import { createChannelHealth, type ChannelHealthSnapshot } from './channel-health.js';

describe('channel health', () => {
  let now = new Date('2026-03-02T08:00:00Z');
  const clock = { now: () => now };
  const events: { state: string; previous: string; confirmed: boolean }[] = [];
  const listener = (snapshot: ChannelHealthSnapshot, event: { previous: string; confirmed: boolean }) => events.push({ state: snapshot.state, ...event });

  beforeEach(() => {
    events.length = 0;
    now = new Date('2026-03-02T08:00:00Z');
  });

  it('reports changes once, the worse of token and send, and calls the trouble hook when it starts failing', () => {
    const health = createChannelHealth({ channel: 'zalo', clock, logger: silentLogger, listener });
    let troubles = 0;
    health.onTrouble(() => troubles++);
    health.ok('token');
    health.ok('token');
    health.degraded('send', 'HTTP 503');
    health.down('token', 'refresh token refused');
    health.ok('send');
    expect(health.snapshot()).toMatchObject({ state: 'down', reason: 'refresh token refused' });
    health.ok('token');
    expect(events.map((e) => `${e.previous}→${e.state}`)).toEqual(['unknown→ok', 'ok→degraded', 'degraded→down', 'down→ok']);
    expect(troubles).toBe(2);
  });

  it('forgets send errors after a quiet while, so held replies get another chance; confirmations reach the listener', () => {
    const health = createChannelHealth({ channel: 'zalo', clock, logger: silentLogger, listener, sendTroubleForgetMs: 60_000 });
    health.ok('token');
    health.degraded('send', 'HTTP 503');
    now = new Date(now.getTime() + 61_000);
    expect(health.snapshot().state).toBe('ok');
    health.confirm();
    expect(events.at(-1)).toEqual({ state: 'ok', previous: 'degraded', confirmed: true });
    health.confirm();
    expect(events.at(-1)).toEqual({ state: 'ok', previous: 'ok', confirmed: true });
  });

  it('survives a listener that throws', () => {
    const health = createChannelHealth({ channel: 'zalo', clock, logger: silentLogger, listener: () => { throw new Error('boom'); } });
    expect(() => health.ok('token')).not.toThrow();
  });
});
