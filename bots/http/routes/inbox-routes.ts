import express, { type Router } from 'express';
import { z } from 'zod';
import {
  CloseBodySchema,
  ConversationDetailQuerySchema,
  InboxListQuerySchema,
  NoteBodySchema,
  OfficerReplyBodySchema,
  TransferBodySchema,
} from '../../../core/contracts/inbox-api.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { InboxService } from '../../inbox/inbox-service.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

export interface InboxRouteDeps {
  inbox: InboxService;
  tokens: SessionTokens;
  users: UserRepository;
}

const IdParams = z.object({ id: z.uuid('conversation id must be a UUID') });
const MessageParams = IdParams.extend({ messageId: z.uuid('message id must be a UUID') });
const RetryBody = z.object({ asOfficer: z.boolean().default(false) }).strict();
const NoBody = z.union([z.undefined(), z.object({}).strict()]);

/**
 * `/api/admin/conversations`: the officers' inbox (core/contracts/inbox-api.ts). Every role works the inbox
 * (admins, leaders and officers); what each sees is their unit subtree, checked by the service on every call.
 */
export function createInboxRouter(deps: InboxRouteDeps): Router {
  const router = express.Router();
  router.use(requireAuth(deps));
  const id = (params: unknown) => parseOrThrow(IdParams, params, 'params').id;
  const noBody = (body: unknown) => parseOrThrow(NoBody, body, 'body');

  router.get('/', async (req, res) => {
    const query = parseOrThrow(InboxListQuerySchema, req.query, 'query');
    res.json(await deps.inbox.list(currentUser(res), query));
  });

  router.get('/:id', async (req, res) => {
    const query = parseOrThrow(ConversationDetailQuerySchema, req.query, 'query');
    res.json(await deps.inbox.view(currentUser(res), id(req.params), { limit: query.limit, ...(query.before ? { before: query.before } : {}) }));
  });

  router.post('/:id/claim', async (req, res) => {
    noBody(req.body);
    res.json({ conversation: await deps.inbox.claim(currentUser(res), id(req.params)) });
  });

  router.post('/:id/messages', async (req, res) => {
    const body = parseOrThrow(OfficerReplyBodySchema, req.body, 'body');
    res.status(202).json({ message: await deps.inbox.reply(currentUser(res), id(req.params), body.text, body.clientId) });
  });

  router.post('/:id/messages/:messageId/retry', async (req, res) => {
    const params = parseOrThrow(MessageParams, req.params, 'params');
    const body = parseOrThrow(RetryBody, req.body ?? {}, 'body');
    res.status(202).json({ message: await deps.inbox.retry(currentUser(res), params.id, params.messageId, body.asOfficer) });
  });

  router.post('/:id/return', async (req, res) => {
    noBody(req.body);
    res.json({ conversation: await deps.inbox.returnToBot(currentUser(res), id(req.params)) });
  });

  router.post('/:id/close', async (req, res) => {
    const body = parseOrThrow(CloseBodySchema, req.body, 'body');
    res.json({ conversation: await deps.inbox.close(currentUser(res), id(req.params), body.resolution) });
  });

  router.post('/:id/transfer', async (req, res) => {
    const body = parseOrThrow(TransferBodySchema, req.body, 'body');
    res.json({ conversation: await deps.inbox.transfer(currentUser(res), id(req.params), body) });
  });

  router.get('/:id/transfer-targets', async (req, res) => {
    res.json(await deps.inbox.transferTargets(currentUser(res), id(req.params)));
  });

  router.post('/:id/notes', async (req, res) => {
    const body = parseOrThrow(NoteBodySchema, req.body, 'body');
    res.status(201).json({ note: await deps.inbox.addNote(currentUser(res), id(req.params), body.text) });
  });

  router.post('/:id/read', async (req, res) => {
    noBody(req.body);
    res.json({ conversation: await deps.inbox.markRead(currentUser(res), id(req.params)) });
  });

  router.get('/:id/suggestion', async (req, res) => {
    res.json(await deps.inbox.suggestion(currentUser(res), id(req.params)));
  });

  return router;
}
