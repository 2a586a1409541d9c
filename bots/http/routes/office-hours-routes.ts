import express, { type Router } from 'express';
import { z } from 'zod';
import { OfficeHoursBodySchema } from '../../../core/contracts/office-hours-api.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { UnitCodeSchema } from '../../../core/org/hierarchy.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { OfficeHoursService } from '../../inbox/office-hours-service.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

const CodeParams = z.object({ code: UnitCodeSchema });
const NoBody = z.union([z.undefined(), z.object({}).strict()]);

/**
 * `/api/admin/units/:code/office-hours`: read by everyone in scope; `PUT` (the unit's own hours) and `DELETE`
 * (take the parent's again) by admins and leaders of the unit or above. Outside the caller's subtree: 404.
 */
export function createOfficeHoursRouter(deps: { officeHours: OfficeHoursService; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  router.use('/:code/office-hours', requireAuth(deps));
  const code = (params: unknown) => parseOrThrow(CodeParams, params, 'params').code;

  router.get('/:code/office-hours', async (req, res) => {
    res.json(await deps.officeHours.get(currentUser(res), code(req.params)));
  });

  router.put('/:code/office-hours', async (req, res) => {
    const unitCode = code(req.params);
    const body = parseOrThrow(OfficeHoursBodySchema, req.body, 'body');
    res.json(await deps.officeHours.set(currentUser(res), unitCode, body.officeHours));
  });

  router.delete('/:code/office-hours', async (req, res) => {
    const unitCode = code(req.params);
    parseOrThrow(NoBody, req.body, 'body');
    res.json(await deps.officeHours.clear(currentUser(res), unitCode));
  });

  return router;
}
