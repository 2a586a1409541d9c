import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics served at /metrics. One registry per platform instance (tests build several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    inboundMessages: new Counter({
      name: 'cd_inbound_messages_total',
      help: 'Member messages received, by channel and outcome (accepted, duplicate)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    turns: new Counter({
      name: 'cd_turns_total',
      help: 'Member messages handled by the pipeline, by route',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    outboundMessages: new Counter({
      name: 'cd_outbound_messages_total',
      help: 'Replies delivered, by channel and status (sent, failed, held, retry)',
      labelNames: ['channel', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'cd_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['route', 'status'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    knowledgeVersion: new Gauge({
      name: 'cd_knowledge_version',
      help: 'Version of the FAQ, law index and NLU model this process has loaded (the same on every process once a change has spread)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    channelHealth: new Gauge({
      name: 'cd_channel_health',
      help: 'A channel\'s health as this process sees it: 1 for its current state (ok, degraded, down, unknown), 0 for the others',
      labelNames: ['channel', 'state'] as const,
      registers: [registry],
    }),
    channelOutageReleases: new Counter({
      name: 'cd_channel_outage_released_total',
      help: 'Replies held during a channel outage and queued again once the channel worked',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    webhookRejections: new Counter({
      name: 'cd_webhook_rejections_total',
      help: 'Webhook requests rejected, by channel and reason',
      labelNames: ['channel', 'reason'] as const,
      registers: [registry],
    }),
  };
}
