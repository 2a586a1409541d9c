import express, { type Router } from 'express';
import { AuditQuerySchema, type AuditEntryDto } from '../../../core/contracts/audit-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { AuditFilter, AuditRecord, AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth, requireRole } from '../auth-middleware.js';

const DAY_MS = 86_400_000;

/** A bare date means the whole day in Vietnam (UTC+7): `to=2026-03-01` includes that day. */
function parseBound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00+07:00`);
    if (Number.isNaN(start.getTime())) throw new AppError('VALIDATION_FAILED', 'no such day', { fields: [{ path: end ? 'query.to' : 'query.from', message: 'ngày không có thật' }] });
    return end ? new Date(start.getTime() + DAY_MS) : start;
  }
  return new Date(value);
}

function filterOf(query: ReturnType<typeof AuditQuerySchema.parse>, user: UserWithUnit): AuditFilter {
  const from = parseBound(query.from, false);
  const to = parseBound(query.to, true);
  if (from && to && from >= to) throw new AppError('VALIDATION_FAILED', 'the period ends before it starts', { fields: [{ path: 'query.to', message: 'phải sau thời điểm bắt đầu' }] });
  return {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    // Admins of a province see what happened in their part of the union; the national level sees everything.
    ...(user.unit.level === 'national' ? {} : { scopePath: user.unit.path }),
  };
}

const toDto = (record: AuditRecord): AuditEntryDto => ({ ...record, at: record.at.toISOString(), targetId: record.targetId ?? null, unitCode: record.unitCode ?? null });

/** A CSV cell: quoted, doubled quotes, and formula-looking text defused for spreadsheets. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** GET /api/admin/audit (paged, filtered) and /api/admin/audit/export.csv: admins only. */
export function createAuditRouter(deps: { audit: AuditRepository; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  const guard = [requireAuth(deps), requireRole('admin')];

  router.get('/', ...guard, async (req, res) => {
    const query = parseOrThrow(AuditQuerySchema, req.query, 'query');
    const filter = filterOf(query, currentUser(res));
    const [{ items, total }, actions] = await Promise.all([
      deps.audit.list(filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
      deps.audit.distinctActions(),
    ]);
    res.json({ items: items.map(toDto), page: query.page, pageSize: query.pageSize, total, actions });
  });

  router.get('/export.csv', ...guard, async (req, res) => {
    const query = parseOrThrow(AuditQuerySchema, req.query, 'query');
    const filter = filterOf(query, currentUser(res));
    res.type('text/csv; charset=utf-8').attachment('nhat-ky-he-thong.csv');
    // BOM so that Excel opens the Vietnamese text as UTF-8.
    res.write('\ufeffid,at,actor,action,target_type,target_id,unit,details\r\n');
    for await (const batch of deps.audit.stream(filter)) {
      const lines = batch.map((record) =>
        [String(record.id), record.at.toISOString(), record.actor, record.action, record.targetType, record.targetId ?? '', record.unitCode ?? '', JSON.stringify(record.details)].map(csvCell).join(','),
      );
      res.write(`${lines.join('\r\n')}\r\n`);
    }
    res.end();
  });

  return router;
}
