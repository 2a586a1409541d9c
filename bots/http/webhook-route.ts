import express, { type RequestHandler, type Router } from 'express';
import type { ChannelAdapter, WebhookRequest } from '../../core/channels/channel-adapter.js';
import type { Clock } from '../../core/ports/clock.js';
import type { IngestOutcome, IngestService } from '../ingest/ingest-service.js';
import type { Metrics } from '../observability/metrics.js';

export interface WebhookRouteDeps {
  adapter: ChannelAdapter;
  ingest: IngestService;
  clock: Clock;
  metrics: Metrics;
  maxBodyBytes: number;
  /** How to answer an accepted delivery (platforms want a plain 200; the web page wants the ids). */
  respond?: (outcomes: IngestOutcome[]) => { status: number; body: unknown; headers?: Record<string, string> };
}

export function toWebhookRequest(req: express.Request): WebhookRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.query)) query[name] = typeof value === 'string' ? value : undefined;
  return { method: req.method, headers, query, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), ...(req.ip ? { remoteAddress: req.ip } : {}) };
}

/**
 * The same flow for every channel: raw bytes → verify signature → decode → durable record → acknowledge.
 * Verification runs on the exact bytes received (never re-serialised JSON); a rejected or malformed
 * delivery changes nothing.
 */
export function webhookHandler(deps: WebhookRouteDeps): RequestHandler {
  return async (req, res) => {
    const request = toWebhookRequest(req);
    const verdict = deps.adapter.verify(request);
    if (verdict.kind === 'handshake') {
      res.status(verdict.status).type('text/plain').send(verdict.body);
      return;
    }
    if (verdict.kind === 'rejected') {
      deps.metrics.webhookRejections.inc({ channel: deps.adapter.channel, reason: verdict.code });
      res.status(verdict.status).json({ error: { code: verdict.code, message: verdict.message } });
      return;
    }
    const events = deps.adapter.decode(request, deps.clock.now());
    const outcomes = await deps.ingest.ingest(events);
    const answer = deps.respond?.(outcomes) ?? { status: 200, body: { ok: true } };
    if (answer.headers) res.set(answer.headers);
    res.status(answer.status).json(answer.body);
  };
}

/** A router for one channel's webhook path: raw body (signatures need the bytes), size-limited. */
export function createWebhookRouter(path: string, deps: WebhookRouteDeps): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: deps.maxBodyBytes });
  router.get(path, raw, webhookHandler(deps));
  router.post(path, raw, webhookHandler(deps));
  return router;
}
