import express, { type Router } from 'express';
import { z } from 'zod';
import { AnswerWithFaqSchema, LEARNING_STATUSES, RelabelSchema, type LearningActionResponse, type LearningItemDto } from '../../../core/contracts/knowledge-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { FaqDesk } from '../../knowledge/faq-desk.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { LearningItem, LearningRepository, LearningScope } from '../../storage/repositories/learning-repository.js';
import type { ReviewedLabelRepository } from '../../storage/repositories/reviewed-label-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

const QuerySchema = z.object({
  status: z.enum(LEARNING_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const ItemIdSchema = z.uuid('mã câu hỏi không hợp lệ');

export interface LearningRouteDeps {
  learning: LearningRepository;
  labels: ReviewedLabelRepository;
  desk: FaqDesk;
  audit: AuditRepository;
  tokens: SessionTokens;
  users: UserRepository;
}

const scopeOf = (user: UserWithUnit): LearningScope => ({ path: user.unit.path, isRoot: user.unit.level === 'national' });

function toDto(item: LearningItem): LearningItemDto {
  const { unitPath: _path, createdAt, ...rest } = item;
  return { ...rest, createdAt: createdAt.toISOString() };
}

/**
 * The "bot was unsure" queue (issue #9 item 7): messages the bot could not answer confidently, scoped to the
 * caller's unit subtree (another branch's item is 404), with one-click actions: answer with an existing FAQ entry
 * (its wording becomes a variant), make a new FAQ entry from it, relabel it as training data, dismiss. FAQ writes
 * follow the FAQ's rules: without the rights they become proposals for a leader to review.
 */
export function createLearningRouter(deps: LearningRouteDeps): Router {
  const router = express.Router();
  const auth = requireAuth(deps);

  const itemFor = async (user: UserWithUnit, rawId: unknown): Promise<LearningItem> => {
    const id = parseOrThrow(ItemIdSchema, rawId, 'params.id');
    const item = await deps.learning.get(scopeOf(user), id);
    if (!item) throw new AppError('NOT_FOUND', `no learning item ${id}`);
    return item;
  };
  const respond = async (user: UserWithUnit, id: string, rest: Omit<LearningActionResponse, 'item'>): Promise<LearningActionResponse> => {
    const item = await deps.learning.get(scopeOf(user), id);
    if (!item) throw new AppError('NOT_FOUND', `no learning item ${id}`);
    return { item: toDto(item), ...rest };
  };
  const audit = (user: UserWithUnit, action: string, id: string, details: Record<string, unknown>) =>
    deps.audit.record({ actorUserId: user.id, actor: user.email, action, targetType: 'learning_item', targetId: id, details });

  router.get('/', auth, async (req, res) => {
    const query = parseOrThrow(QuerySchema, req.query, 'query');
    const items = await deps.learning.list(scopeOf(currentUser(res)), query.status, query.limit);
    res.json({ items: items.map(toDto) });
  });

  router.post('/:id/answer', auth, async (req, res) => {
    const user = currentUser(res);
    const item = await itemFor(user, req.params.id);
    const body = parseOrThrow(AnswerWithFaqSchema, req.body ?? {}, 'body');
    const entry = await deps.desk.readable(user, body.faqEntryId).catch(() => {
      throw new AppError('VALIDATION_FAILED', 'no such FAQ entry', { fields: [{ path: 'body.faqEntryId', message: 'không có câu hỏi này' }] });
    });
    const result = body.addVariant ? await deps.desk.addVariant(user, entry.id, item.text, item.id) : { outcome: 'applied' as const, changeId: null, proposalId: null };
    await deps.learning.setStatus(item.id, 'resolved', entry.id);
    await audit(user, 'learning_answer', item.id, { faqEntryId: entry.id, outcome: result.outcome });
    res.json(await respond(user, item.id, result));
  });

  router.post('/:id/faq', auth, async (req, res) => {
    const user = currentUser(res);
    const item = await itemFor(user, req.params.id);
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new AppError('VALIDATION_FAILED', 'an FAQ entry is required', { fields: [{ path: 'body', message: 'cần nội dung câu hỏi' }] });
    const result = await deps.desk.createOrPropose(user, req.body as Record<string, unknown>, item.id);
    // A proposal keeps the item open until the entry exists; an applied entry resolves it.
    if (result.entryId) await deps.learning.setStatus(item.id, 'resolved', result.entryId);
    await audit(user, 'learning_faq', item.id, { faqEntryId: result.entryId, outcome: result.outcome, proposalId: result.proposalId });
    res.status(result.outcome === 'applied' ? 201 : 202).json(await respond(user, item.id, { outcome: result.outcome, changeId: result.changeId, proposalId: result.proposalId }));
  });

  router.post('/:id/relabel', auth, async (req, res) => {
    const user = currentUser(res);
    const item = await itemFor(user, req.params.id);
    const labels = parseOrThrow(RelabelSchema, req.body ?? {}, 'body');
    await deps.labels.upsert({ ...labels, text: item.text, learningItemId: item.id, reviewerUserId: user.id, reviewer: user.email });
    await audit(user, 'learning_relabel', item.id, labels);
    res.json(await respond(user, item.id, { outcome: 'labelled', changeId: null, proposalId: null }));
  });

  router.post('/:id/dismiss', auth, async (req, res) => {
    const user = currentUser(res);
    const item = await itemFor(user, req.params.id);
    await deps.learning.setStatus(item.id, 'dismissed');
    await audit(user, 'learning_dismiss', item.id, {});
    res.json(await respond(user, item.id, { outcome: 'dismissed', changeId: null, proposalId: null }));
  });

  router.post('/:id/reopen', auth, async (req, res) => {
    const user = currentUser(res);
    const item = await itemFor(user, req.params.id);
    await deps.learning.setStatus(item.id, 'open');
    await audit(user, 'learning_reopen', item.id, {});
    res.json(await respond(user, item.id, { outcome: 'dismissed', changeId: null, proposalId: null }));
  });

  return router;
}
