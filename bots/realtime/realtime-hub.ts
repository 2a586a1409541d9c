import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../../core/ports/logger.js';

export type RealtimeListener = (event: unknown) => void;

/**
 * Fan-out of live events to connected browsers (web chat, officer inbox). Workers may run in another
 * process than the HTTP server holding the browser connection, so with Redis the hub is Redis pub/sub;
 * otherwise an in-process emitter. Delivery is best effort: pages also fetch history on reconnect.
 */
export interface RealtimeHub {
  publish(topic: string, event: unknown): Promise<void>;
  subscribe(topic: string, listener: RealtimeListener): () => void;
  close(): Promise<void>;
}

export function createInProcessHub(): RealtimeHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, event) {
      emitter.emit(topic, event);
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => emitter.off(topic, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export function createRedisHub(redisUrl: string, prefix: string, logger: Logger): RealtimeHub {
  const publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // No ready check on the subscriber: its INFO would fail once a SUBSCRIBE made at start (the knowledge doorbell)
  // has put the connection in subscriber mode, and the subscription would be lost.
  const subscriber = new Redis(redisUrl, { lazyConnect: false, enableReadyCheck: false });
  for (const client of [publisher, subscriber]) client.on('error', (error) => logger.warn({ err: error }, 'realtime redis error'));
  const local = createInProcessHub();
  const counts = new Map<string, number>();
  subscriber.on('message', (channel: string, payload: string) => {
    try {
      void local.publish(channel.slice(prefix.length + 1), JSON.parse(payload));
    } catch (error) {
      logger.warn({ err: error }, 'bad realtime payload');
    }
  });
  return {
    async publish(topic, event) {
      await publisher.publish(`${prefix}:${topic}`, JSON.stringify(event));
    },
    subscribe(topic, listener) {
      const unsubscribeLocal = local.subscribe(topic, listener);
      const count = (counts.get(topic) ?? 0) + 1;
      counts.set(topic, count);
      if (count === 1) subscriber.subscribe(`${prefix}:${topic}`).catch((error: unknown) => logger.warn({ err: error, topic }, 'realtime subscribe failed'));
      return () => {
        unsubscribeLocal();
        const left = (counts.get(topic) ?? 1) - 1;
        if (left === 0) {
          counts.delete(topic);
          // After close() the connection is gone: an unsubscribe then has nothing left to undo.
          subscriber.unsubscribe(`${prefix}:${topic}`).catch(() => undefined);
        } else counts.set(topic, left);
      };
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
      await local.close();
    },
  };
}
