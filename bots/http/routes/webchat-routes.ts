import express, { type Router } from 'express';
import { z } from 'zod';
import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { WebchatMessage } from '../../../core/contracts/webchat-api.js';
import type { Clock } from '../../../core/ports/clock.js';
import { webchatCitations, webchatTopic } from '../../channels/web/render.js';
import { withoutCitationLine } from '../../../core/knowledge/citation-line.js';
import { FLOOD_NOTICE_VI } from '../../ingest/flood-guard.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import type { Metrics } from '../../observability/metrics.js';
import type { RealtimeHub } from '../../realtime/realtime-hub.js';
import type { HistoryMessage, HistoryRepository } from '../../storage/repositories/history-repository.js';
import { createWebhookRouter } from '../webhook-route.js';

export interface WebchatRouteDeps {
  adapter: ChannelAdapter;
  ingest: IngestService;
  history: HistoryRepository;
  hub: RealtimeHub;
  clock: Clock;
  metrics: Metrics;
  maxBodyBytes: number;
}

const HistoryQuerySchema = z.object({
  sessionId: z.uuid('sessionId must be a UUID'),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
const EventsQuerySchema = z.object({ sessionId: z.uuid('sessionId must be a UUID') });

export function toWebchatMessage(row: HistoryMessage): WebchatMessage {
  const content = row.content as { type?: string; choices?: { title: string; payload: string }[] };
  const citations = Array.isArray(row.meta.citations) ? (row.meta.citations as { label: string; lawId?: string; articleNo?: string }[]) : [];
  return {
    id: row.id,
    seq: row.seq,
    direction: row.direction,
    author: row.author as WebchatMessage['author'],
    text: citations.length > 0 ? withoutCitationLine(row.text) : row.text,
    ...(content.type === 'choices' && content.choices ? { choices: content.choices } : {}),
    ...(citations.length > 0 ? { citations: webchatCitations(citations.map((c) => ({ label: c.label, lawId: c.lawId ?? '', articleNo: c.articleNo ?? '' }))) } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The web chat channel's API (bots/channels/web/README.md). Sending goes through the generic webhook flow. */
export function createWebchatRouter(deps: WebchatRouteDeps): Router {
  const router = express.Router();
  router.use(
    createWebhookRouter('/messages', {
      ...deps,
      respond: (outcomes) => {
        const first = outcomes[0];
        // The page shows the message as it is: kind words rather than an error code.
        if (first?.kind === 'limited') {
          return { status: 429, headers: { 'retry-after': String(first.retryAfterSeconds) }, body: { error: { code: 'RATE_LIMITED', message: FLOOD_NOTICE_VI } } };
        }
        return first?.kind === 'message'
          ? { status: 202, body: { status: first.status, messageId: first.messageId ?? null } }
          : { status: 202, body: { status: 'ignored' } };
      },
    }),
  );

  router.get('/history', async (req, res) => {
    const query = parseOrThrow(HistoryQuerySchema, req.query, 'query');
    const [rows, state] = await Promise.all([deps.history.byThread('web', query.sessionId, query.after, query.limit), deps.history.threadState('web', query.sessionId)]);
    // `withOfficer`: an officer answers now (or is awaited); the page shows that instead of the bot's typing dots.
    res.json({ messages: rows.map(toWebchatMessage), withOfficer: state === 'waiting_officer' || state === 'officer' });
  });

  router.get('/events', (req, res) => {
    const query = parseOrThrow(EventsQuerySchema, req.query, 'query');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unsubscribe = deps.hub.subscribe(webchatTopic(query.sessionId), (event) => {
      res.write(`event: message\ndata: ${JSON.stringify(event)}\n\n`);
    });
    // Proxies close idle streams; a comment every 25 s keeps it open.
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  return router;
}
