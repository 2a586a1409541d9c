import express, { type Router } from 'express';
import type { UnitsResponse } from '../../../core/contracts/admin-api.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { UnitRepository } from '../../storage/repositories/unit-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

/** The part of the hierarchy the user may see: their home unit and everything below it. */
export function createUnitRouter(deps: { units: UnitRepository; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  router.get('/', requireAuth(deps), async (_req, res) => {
    const user = currentUser(res);
    const units = await deps.units.listSubtree(user.unit.path);
    const body: UnitsResponse = { units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId })) };
    res.json(body);
  });
  return router;
}
