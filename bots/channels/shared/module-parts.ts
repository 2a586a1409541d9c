import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import type { TokenBucketLimits } from '../../../core/channels/token-bucket.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import { createWebhookRouter } from '../../http/webhook-route.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import type { ChannelDeliveryRepository } from '../../storage/repositories/channel-delivery-repository.js';
import type { ChannelModule } from './channel-module.js';
import type { DeliverPartsDeps } from './deliver-parts.js';
import { MAX_IN_PROCESS_WAIT_MS } from './send-limits.js';
import type { SendBudget } from './send-budget.js';
import { createSendThrottle } from './send-throttle.js';

/**
 * The delivery log and the rate limiter of one channel: one throttle per channel per process, sharing the
 * platform token's budget with the other processes through `shared` (Redis) when there is one.
 */
export function createDeliveryDeps(
  deliveries: ChannelDeliveryRepository,
  clock: Clock,
  limits: { perRecipient: TokenBucketLimits; global: TokenBucketLimits },
  shared?: { budget: SendBudget | undefined; account: string },
  logger?: Logger,
): DeliverPartsDeps {
  return {
    ...(logger ? { logger } : {}),
    deliveries,
    throttle: createSendThrottle({ ...limits, maxWaitMs: MAX_IN_PROCESS_WAIT_MS, clock, ...(shared?.budget ? { shared: { budget: shared.budget, account: shared.account } } : {}) }),
    clock,
  };
}

/**
 * The generic webhook flow (http/webhook-route.ts) at `path`, built once the platform's ingest service
 * exists; `wrapIngest` lets a channel act after the durable write (Telegram answers button presses).
 */
export function genericWebhook(path: string, adapter: ChannelAdapter, wrapIngest?: (ingest: IngestService) => IngestService): NonNullable<ChannelModule['webhook']> {
  return {
    path,
    createRouter: (deps) =>
      createWebhookRouter('/', {
        adapter,
        ingest: wrapIngest ? wrapIngest(deps.ingest) : deps.ingest,
        clock: deps.clock,
        metrics: deps.metrics,
        maxBodyBytes: deps.maxBodyBytes,
      }),
  };
}
