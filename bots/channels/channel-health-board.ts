import type { ChannelId } from '../../core/messages/channels.js';
import type { ChannelHealthListener, ChannelHealthSnapshot } from './shared/channel-health.js';

/**
 * The latest health each channel reported in this process, for what officers are told before they write (the reply
 * box says the truth during an outage: the reply will be held and sent on recovery, D-inboxui-3). It wraps the
 * platform's listener, so every change it sees is also what releases held replies and feeds /metrics.
 */
export function createChannelHealthBoard(inner: ChannelHealthListener) {
  const latest = new Map<ChannelId, ChannelHealthSnapshot>();
  const listener: ChannelHealthListener = (snapshot, event) => {
    latest.set(snapshot.channel, snapshot);
    inner(snapshot, event);
  };
  return {
    listener,
    /** Undefined until the channel has reported once (a channel without a health check never does). */
    get(channel: ChannelId): ChannelHealthSnapshot | undefined {
      return latest.get(channel);
    },
  };
}

export type ChannelHealthBoard = ReturnType<typeof createChannelHealthBoard>;
