import express, { type Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { MemberDataRepository } from '../../storage/repositories/member-data-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { assertUnitInScope, currentUser, requireAuth, requireRole } from '../auth-middleware.js';

export interface MemberRouteDeps {
  memberData: MemberDataRepository;
  audit: AuditRepository;
  tokens: SessionTokens;
  users: UserRepository;
  clock: Clock;
  /** Called after an erasure so caches keyed by the member's threads are dropped. */
  onErased: () => void;
}

const ParamsSchema = z.object({ id: z.uuid('member id must be a UUID') });

/**
 * A member's data on request: export (any role, within the unit subtree) and erasure (admins and leaders).
 * Members without a unit are visible from the top of the hierarchy only. Both are audited.
 */
export function createMemberRouter(deps: MemberRouteDeps): Router {
  const router = express.Router();
  const auth = requireAuth(deps);

  async function scopedMember(user: UserWithUnit, id: string): Promise<void> {
    const path = await deps.memberData.unitPathOf(id);
    if (path === null) {
      if (user.unit.level !== 'national') throw new AppError('UNIT_OUT_OF_SCOPE', 'this member has no union unit; only the national level can act on them');
      return;
    }
    assertUnitInScope(user, path);
  }

  router.get('/:id/export', auth, async (req, res) => {
    const { id } = parseOrThrow(ParamsSchema, req.params, 'params');
    const user = currentUser(res);
    await scopedMember(user, id);
    const data = await deps.memberData.exportMember(id, deps.clock.now());
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'member_export', targetType: 'member', targetId: id });
    res.attachment(`member-${id}.json`).json(data);
  });

  router.delete('/:id', auth, requireRole('admin', 'leader'), async (req, res) => {
    const { id } = parseOrThrow(ParamsSchema, req.params, 'params');
    const user = currentUser(res);
    await scopedMember(user, id);
    const removed = await deps.memberData.eraseMember(id, deps.clock.now());
    deps.onErased();
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'member_erase', targetType: 'member', targetId: id, details: removed });
    res.json({ erased: true, ...removed });
  });

  return router;
}
