import express, { type Router } from 'express';
import type { SessionTokens } from '../../auth/session-token.js';
import { eventVisibleTo, INBOX_TOPIC, publicEvent, type InboxHubEvent } from '../../inbox/inbox-events.js';
import type { RealtimeHub } from '../../realtime/realtime-hub.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

export interface InboxEventsRouteDeps {
  hub: RealtimeHub;
  tokens: SessionTokens;
  users: UserRepository;
  /** Comment lines that keep proxies from closing an idle stream. */
  keepAliveMs?: number;
}

/**
 * `GET /api/admin/events`: Server-Sent Events (`event: inbox`) for the caller's subtree only. Events carry
 * ids and states, never member content: the page refetches what changed. Through the realtime hub, so an
 * event published by a worker or another server process reaches this connection too.
 */
export function createInboxEventsRouter(deps: InboxEventsRouteDeps): Router {
  const router = express.Router();
  router.get('/', requireAuth(deps), (req, res) => {
    const user = currentUser(res);
    const national = user.unit.level === 'national';
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unsubscribe = deps.hub.subscribe(INBOX_TOPIC, (raw) => {
      const event = raw as InboxHubEvent;
      if (!eventVisibleTo(event, user.unit.path, national)) return;
      res.write(`event: inbox\ndata: ${JSON.stringify(publicEvent(event))}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), deps.keepAliveMs ?? 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
  return router;
}
