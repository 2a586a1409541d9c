import type { Router } from 'express';
import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import type { Env } from '../../../core/config/env-schema.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ReadinessCheck } from '../../http/routes/health-routes.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import type { Metrics } from '../../observability/metrics.js';
import type { RealtimeHub } from '../../realtime/realtime-hub.js';
import type { SendBudget } from './send-budget.js';
import type { ChannelHealthListener } from './channel-health.js';
import type { ChannelDeliveryRepository } from '../../storage/repositories/channel-delivery-repository.js';
import type { ChannelThreadRefRepository } from '../../storage/repositories/channel-thread-ref-repository.js';
import type { ChannelTokenRepository } from '../../storage/repositories/channel-token-repository.js';
import type { HistoryRepository } from '../../storage/repositories/history-repository.js';

/** What the platform hands a channel to build its webhook router (the generic flow of http/webhook-route.ts). */
export interface ChannelRouterDeps {
  ingest: IngestService;
  clock: Clock;
  metrics: Metrics;
  logger: Logger;
  maxBodyBytes: number;
}

/** What a channel contributes to the platform: its adapter, its webhook route and its readiness. */
export interface ChannelModule {
  adapter: ChannelAdapter;
  /** A ready router, or a factory called with the platform's ingest service once it exists. */
  webhook?: { path: string; router: Router } | { path: string; createRouter: (deps: ChannelRouterDeps) => Router };
  readiness?: ReadinessCheck;
  close?: () => Promise<void>;
}

/** The storage channels use, built once by the composition root (bots/platform.ts) and passed in. */
export interface ChannelRepositories {
  /** Per-part delivery log: idempotent sends, echo recognition, receipts. */
  deliveries: ChannelDeliveryRepository;
  /** OAuth tokens that rotate (Zalo). */
  tokens: ChannelTokenRepository;
  /** Conversation references needed to answer later (Bot Framework). */
  threadRefs: ChannelThreadRefRepository;
  /** Stored messages by thread (the web chat's history endpoint). */
  history: HistoryRepository;
}

/** Everything a channel module may use; nothing else reaches it (no database handle, no platform). */
export interface ChannelModuleDeps {
  env: Env;
  clock: Clock;
  logger: Logger;
  repositories: ChannelRepositories;
  /** Realtime fan-out across processes (web chat pushes replies to the member's browser through it). */
  hub: RealtimeHub;
  /** Send budgets per platform token shared by every process (Redis); absent = per-process limits only. */
  sendBudget?: SendBudget;
  /** Told when a channel's health changes (metrics, and releasing the replies held during an outage). */
  onChannelHealth?: ChannelHealthListener;
}

/**
 * A channel as the registry (bots/channels/create-channel-modules.ts) knows it. `create` reads the channel's
 * own configuration from `env` and returns null when the channel is not configured; a half-configured
 * channel throws CONFIG_INVALID naming the missing variables.
 */
export interface ChannelDefinition {
  channel: ChannelId;
  create(deps: ChannelModuleDeps): ChannelModule | null;
}
