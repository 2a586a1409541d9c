import express, { type Router } from 'express';
import { z } from 'zod';
import { DeadLetterQuerySchema, type DeadLetterDto, type DeadLetterPage } from '../../../core/contracts/dead-letter-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { JobQueue } from '../../../core/jobs/job-queue.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Redactor } from '../../../core/ports/redactor.js';
import type { SessionTokens } from '../../auth/session-token.js';
import { viewerOf } from '../../inbox/inbox-service.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { DeadLetterRepository, DeadLetterRow } from '../../storage/repositories/dead-letter-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth, requireRole } from '../auth-middleware.js';

export interface DeadLetterRouteDeps {
  deadLetters: DeadLetterRepository;
  queue: JobQueue;
  audit: AuditRepository;
  redactor: Redactor;
  clock: Clock;
  tokens: SessionTokens;
  users: UserRepository;
}

const ParamsSchema = z.object({ id: z.uuid('message id must be a UUID') });
const PREVIEW_CHARS = 200;

/**
 * The dead-letter view (issue #13): what the platform gave up on — member messages whose turn failed
 * INBOUND_MAX_ATTEMPTS times (set aside so their conversation goes on) and replies that failed for good — for
 * admins of the subtree, with a retry that puts the message back in line. Texts are redacted previews: the
 * full text is one click away in the conversation, whose opening is audited.
 */
export function createDeadLetterRouter(deps: DeadLetterRouteDeps): Router {
  const router = express.Router();
  const guard = [requireAuth(deps), requireRole('admin')];

  const toDto = (row: DeadLetterRow): DeadLetterDto => ({
    id: row.id,
    direction: row.direction,
    channel: row.channel,
    conversationId: row.conversationId,
    unitCode: row.unitCode,
    attempts: row.attempts,
    lastError: row.lastError === null ? null : deps.redactor.redact(row.lastError),
    preview: deps.redactor.redact(row.text).slice(0, PREVIEW_CHARS),
    createdAt: row.createdAt.toISOString(),
    failedAt: row.processedAt?.toISOString() ?? null,
  });

  router.get('/', ...guard, async (req, res) => {
    const query = parseOrThrow(DeadLetterQuerySchema, req.query, 'query');
    const rows = await deps.deadLetters.list(viewerOf(currentUser(res)), { direction: query.direction, limit: query.limit + 1, ...(query.cursor ? { beforeSeq: query.cursor } : {}) });
    const page = rows.slice(0, query.limit);
    const body: DeadLetterPage = { items: page.map(toDto), nextCursor: rows.length > query.limit ? (page[page.length - 1]?.seq ?? null) : null };
    // Redacted previews are still members' words: the list is an access to their data, recorded like the inbox's.
    if (page.length > 0) {
      const user = currentUser(res);
      await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'dead_letter_list', targetType: 'message', unitId: user.unit.id, memberIds: page.map((row) => row.memberId), details: { count: page.length } });
    }
    res.json(body);
  });

  router.post('/:id/retry', ...guard, async (req, res) => {
    const { id } = parseOrThrow(ParamsSchema, req.params, 'params');
    const user = currentUser(res);
    const row = await deps.deadLetters.find(viewerOf(user), id);
    if (!row) throw new AppError('NOT_FOUND', `no message ${id} in your units`);
    if (!(await deps.deadLetters.requeue(id))) {
      throw new AppError('CONVERSATION_NOT_ACTIONABLE', 'tin nhắn này không còn ở trạng thái lỗi (đã được thử lại)', { publicDetails: true });
    }
    const job = row.direction === 'in' ? 'inbound.process' : 'outbound.send';
    await deps.queue.enqueue(job, { messageId: id, conversationId: row.conversationId }, { jobId: `${id}-dead-letter-retry-${deps.clock.now().getTime()}` });
    await deps.audit.record({
      actorUserId: user.id,
      actor: user.email,
      action: 'dead_letter_retry',
      targetType: 'message',
      targetId: id,
      unitId: row.unitId,
      memberId: row.memberId,
      details: { direction: row.direction, conversationId: row.conversationId, attempts: row.attempts },
    });
    res.status(202).json({ id, direction: row.direction, status: row.direction === 'in' ? 'received' : 'queued' });
  });

  return router;
}
