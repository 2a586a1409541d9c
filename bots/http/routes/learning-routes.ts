import express, { type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { LearningRepository } from '../../storage/repositories/learning-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

const QuerySchema = z.object({
  status: z.enum(['open', 'resolved', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /api/admin/learning-queue: what the bot could not answer confidently, for officers to turn into FAQ. */
export function createLearningRouter(deps: { learning: LearningRepository; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  router.get('/', requireAuth(deps), async (req, res) => {
    const query = parseOrThrow(QuerySchema, req.query, 'query');
    const user = currentUser(res);
    const items = await deps.learning.list({ path: user.unit.path, isRoot: user.unit.level === 'national' }, query.status, query.limit);
    res.json({ items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })) });
  });
  return router;
}
