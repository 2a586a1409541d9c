import express, { type Router } from 'express';
import { AvailabilityBodySchema, type AvailabilityResponse } from '../../../core/contracts/inbox-api.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { InboxQueue } from '../../inbox/inbox-queue.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { InboxWriteRepository } from '../../storage/repositories/inbox-write-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

export interface InboxMeRouteDeps {
  write: InboxWriteRepository;
  inboxQueue: InboxQueue;
  audit: AuditRepository;
  tokens: SessionTokens;
  users: UserRepository;
}

/** `/api/admin/me/availability`: an officer sets themselves available or away (auto-assignment picks only the available). */
export function createInboxMeRouter(deps: InboxMeRouteDeps): Router {
  const router = express.Router();
  router.use('/availability', requireAuth(deps));

  const current = async (userId: string): Promise<AvailabilityResponse> => {
    const row = await deps.write.availabilityOf(userId);
    return { availability: row.availability === 'available' ? 'available' : 'away', capacity: row.capacity, openConversations: row.open };
  };

  router.get('/availability', async (_req, res) => {
    res.json(await current(currentUser(res).id));
  });

  router.put('/availability', async (req, res) => {
    const user = currentUser(res);
    const body = parseOrThrow(AvailabilityBodySchema, req.body, 'body');
    await deps.write.setAvailability(user.id, body.availability);
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'availability_set', targetType: 'user', targetId: user.id, unitId: user.unit.id, details: { availability: body.availability } });
    // Becoming available frees capacity: the unit's waiting conversations may now be assigned.
    if (body.availability === 'available') await deps.inboxQueue.officerFreed(user.id);
    res.json(await current(user.id));
  });

  return router;
}
