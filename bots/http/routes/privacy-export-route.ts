import express, { type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { ExportLinks } from '../../privacy/export-links.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { MemberDataRepository } from '../../storage/repositories/member-data-repository.js';

const QuerySchema = z.object({ token: z.string().trim().min(20, 'the link is incomplete').max(2000) }).strict();

/**
 * `GET /api/privacy/export?token=…`: the member's own copy of their data, from the link the assistant sent in
 * chat (/taidulieu). No login: the signed, 24-hour link is the credential. Every download is audited.
 */
export function createPrivacyExportRouter(deps: { links: ExportLinks; memberData: MemberDataRepository; audit: AuditRepository; clock: Clock }): Router {
  const router = express.Router();
  router.get('/export', async (req, res) => {
    const { token } = parseOrThrow(QuerySchema, req.query, 'query');
    const memberId = await deps.links.memberOf(token);
    const data = await deps.memberData.exportMember(memberId, deps.clock.now());
    await deps.audit.record({ actor: 'member', action: 'member_self_export', targetType: 'member', targetId: memberId, memberId, details: { via: 'link' } });
    res.set('cache-control', 'no-store').set('referrer-policy', 'no-referrer').attachment('du-lieu-cua-toi.json').json(data);
  });
  return router;
}
