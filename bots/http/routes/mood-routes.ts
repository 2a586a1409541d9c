import express, { type Router } from 'express';
import { MoodQuerySchema } from '../../../core/contracts/mood-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { isWithinScope } from '../../../core/org/hierarchy.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { MoodService } from '../../mood/mood-service.js';
import type { UnitRecord, UnitRepository } from '../../storage/repositories/unit-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

/** The unit asked for, if the user may see it; a unit outside their subtree answers exactly like an unknown one. */
export async function unitInScope(units: UnitRepository, user: UserWithUnit, code: string | undefined): Promise<UnitRecord> {
  const unit = code ? await units.findByCode(code) : await units.findById(user.unit.id);
  if (!unit || !isWithinScope(unit.path, user.unit.path)) throw new AppError('NOT_FOUND', `no unit ${code ?? ''} in your part of the union`);
  return unit;
}

/** GET /api/admin/mood/summary: the dashboard's figures for a subtree the user may see, k-anonymity applied. */
export function createMoodRouter(deps: { mood: MoodService; units: UnitRepository; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  router.get('/summary', requireAuth(deps), async (req, res) => {
    const query = parseOrThrow(MoodQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const unit = await unitInScope(deps.units, user, query.unit);
    res.json(await deps.mood.summary({ unit, from: query.from, to: query.to, channel: query.channel, topic: query.topic, bucket: query.bucket, readerPath: user.unit.path, includeExcluded: user.role === 'admin' }));
  });
  return router;
}
