import type { ChannelId } from '../../../core/messages/channels.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';

/**
 * - `unknown`: not checked since the process started;
 * - `ok`: the last token and send worked;
 * - `degraded`: failing for a reason that passes (rate limit, platform errors): retried with backoff;
 * - `down`: failing until a person acts (e.g. Zalo's refresh token refused: authorise the app again).
 */
export type ChannelHealthState = 'unknown' | 'ok' | 'degraded' | 'down';

/** What observed it: the credentials (token refresh, background check) or the sends themselves. */
export type ChannelHealthSource = 'token' | 'send';

export interface ChannelHealthSnapshot {
  channel: ChannelId;
  state: ChannelHealthState;
  reason: string | null;
  since: Date;
}

/** Called on every change of state, and on every periodic confirmation that the channel works (`confirmed`). */
export type ChannelHealthListener = (snapshot: ChannelHealthSnapshot, event: { previous: ChannelHealthState; confirmed: boolean }) => void;

export const CHANNEL_HEALTH_STATES: readonly ChannelHealthState[] = ['unknown', 'ok', 'degraded', 'down'];

const RANK: Record<ChannelHealthState, number> = { ok: 0, unknown: 1, degraded: 2, down: 3 };

interface SourceState {
  state: ChannelHealthState;
  reason: string | null;
  at: number;
}

/**
 * A channel's live health in this process, fed by what its token provider and client observe. The platform
 * listens: it shows the state in /readyz and /metrics, and when the channel works again it releases the
 * replies held during the outage. A listener's failure never breaks a send.
 *
 * Send errors stop counting after `sendTroubleForgetMs` without a new one: the background check only proves
 * the credentials, so otherwise a send endpoint that failed while nothing else was sent would keep the
 * channel "degraded" (and its held replies waiting) forever; this way they are tried again now and then.
 */
export function createChannelHealth(options: { channel: ChannelId; clock: Clock; logger: Logger; listener?: ChannelHealthListener | undefined; sendTroubleForgetMs?: number }) {
  const forgetMs = options.sendTroubleForgetMs ?? 5 * 60_000;
  const sources: Record<ChannelHealthSource, SourceState> = {
    token: { state: 'unknown', reason: null, at: options.clock.now().getTime() },
    send: { state: 'ok', reason: null, at: options.clock.now().getTime() },
  };
  let current: ChannelHealthSnapshot = { channel: options.channel, state: 'unknown', reason: null, since: options.clock.now() };
  const troubleListeners: (() => void)[] = [];

  function combined(): { state: ChannelHealthState; reason: string | null } {
    const now = options.clock.now().getTime();
    const send = sources.send.state !== 'ok' && now - sources.send.at > forgetMs ? { state: 'ok' as const, reason: null } : sources.send;
    return RANK[send.state] > RANK[sources.token.state] ? send : sources.token;
  }

  function refresh(confirmed: boolean): void {
    const previous = current.state;
    const next = combined();
    const changed = next.state !== previous || next.reason !== current.reason;
    if (changed) {
      current = { channel: options.channel, state: next.state, reason: next.reason, since: next.state === previous ? current.since : options.clock.now() };
      if (next.state === 'ok') options.logger.info({ channel: options.channel, previous }, 'channel works');
      else options.logger.warn({ channel: options.channel, state: next.state, reason: next.reason }, 'channel not working');
      if (RANK[next.state] > RANK[previous] || (next.state !== 'ok' && previous === 'ok')) for (const listener of troubleListeners) listener();
    }
    if (!changed && !confirmed) return;
    try {
      options.listener?.(current, { previous, confirmed });
    } catch (error) {
      options.logger.warn({ err: error, channel: options.channel }, 'channel health listener failed');
    }
  }

  function set(source: ChannelHealthSource, state: ChannelHealthState, reason: string | null): void {
    sources[source] = { state, reason, at: options.clock.now().getTime() };
    refresh(false);
  }

  return {
    ok(source: ChannelHealthSource): void {
      set(source, 'ok', null);
    },
    degraded(source: ChannelHealthSource, reason: string): void {
      set(source, 'degraded', reason);
    },
    down(source: ChannelHealthSource, reason: string): void {
      set(source, 'down', reason);
    },
    /** The periodic check passed: listeners may re-run recovery work (replies held in a race with recovery). */
    confirm(): void {
      sources.token = { state: 'ok', reason: null, at: options.clock.now().getTime() };
      refresh(true);
    },
    snapshot(): ChannelHealthSnapshot {
      const next = combined();
      return next.state === current.state && next.reason === current.reason ? current : { ...current, ...next };
    },
    /** Runs when the channel starts failing (the background check then runs soon instead of in 15 minutes). */
    onTrouble(listener: () => void): void {
      troubleListeners.push(listener);
    },
  };
}

export type ChannelHealth = ReturnType<typeof createChannelHealth>;
