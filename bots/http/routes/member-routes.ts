import express, { type Router } from 'express';
import { z } from 'zod';
import { AccessLogQuerySchema, type AccessLogResponse } from '../../../core/contracts/privacy-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { SessionTokens } from '../../auth/session-token.js';
import { toAccessLogEntry } from '../../privacy/access-log.js';
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
 * Members without a unit are visible from the top of the hierarchy only. Both are audited. The access log (who
 * read or changed the member's data: Law 91/2025/QH15) is for admins, and stays readable after an erasure.
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
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'member_export', targetType: 'member', targetId: id, memberId: id });
    res.attachment(`member-${id}.json`).json(data);
  });

  router.get('/:id/access-log', auth, requireRole('admin'), async (req, res) => {
    const { id } = parseOrThrow(ParamsSchema, req.params, 'params');
    const query = parseOrThrow(AccessLogQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const status = await deps.memberData.statusOf(id);
    if (!status) throw new AppError('NOT_FOUND', `no member ${id}`);
    if (status.unitPath === null) {
      if (user.unit.level !== 'national') throw new AppError('UNIT_OUT_OF_SCOPE', 'this member has no union unit (or was erased); only the national level can read their access log');
    } else assertUnitInScope(user, status.unitPath);
    // Reading the log is itself recorded first, so the answer includes this very look.
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'member_access_log', targetType: 'member', targetId: id, memberId: id });
    const rows = await deps.audit.accessLog(id, { limit: query.limit + 1, ...(query.before ? { before: query.before } : {}) });
    const page = rows.slice(0, query.limit);
    const body: AccessLogResponse = { member: { id, erased: status.erased }, items: page.map(toAccessLogEntry), nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
    res.json(body);
  });

  router.delete('/:id', auth, requireRole('admin', 'leader'), async (req, res) => {
    const { id } = parseOrThrow(ParamsSchema, req.params, 'params');
    const user = currentUser(res);
    await scopedMember(user, id);
    const removed = await deps.memberData.eraseMember(id, deps.clock.now());
    deps.onErased();
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'member_erase', targetType: 'member', targetId: id, memberId: id, details: removed });
    res.json({ erased: true, ...removed });
  });

  return router;
}
