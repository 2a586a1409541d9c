import express, { type Router } from 'express';
import { LawSearchQuerySchema, type LawHitDto } from '../../../core/contracts/knowledge-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { requireAuth } from '../auth-middleware.js';

export type LawSearch = (query: string, k: number) => LawHitDto[];

/** GET /api/admin/law/search?q=&k=: the members' retrieval, for officers choosing an FAQ entry's citations. */
export function createLawSearchRouter(deps: { search: LawSearch | undefined; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  router.get('/search', requireAuth(deps), (req, res) => {
    const { q, k } = parseOrThrow(LawSearchQuerySchema, req.query, 'query');
    if (!deps.search) throw new AppError('DEPENDENCY_UNAVAILABLE', 'law search is not loaded in this process');
    res.json({ hits: deps.search(q, k) });
  });
  return router;
}
