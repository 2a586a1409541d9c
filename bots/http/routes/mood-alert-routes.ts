import express, { type Router } from 'express';
import { z } from 'zod';
import type { MoodAlertCount } from '../../../core/contracts/mood-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { isWithinScope } from '../../../core/org/hierarchy.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { MoodAlertRepository } from '../../storage/repositories/mood-alert-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

const ListSchema = z.object({ status: z.enum(['open', 'acknowledged', 'resolved', 'active', 'all']).default('active') }).strict();
const ActionSchema = z.object({ note: z.string().trim().min(1).max(2000).optional() }).strict();
const ACTIONS = ['acknowledge', 'annotate', 'resolve', 'reopen'] as const;

/** Early-warning alerts of the caller's subtree: list, history, acknowledge / annotate / resolve / reopen (audited). */
export function createMoodAlertRouter(deps: { alerts: MoodAlertRepository; audit: AuditRepository; clock: Clock; tokens: SessionTokens; users: UserRepository }): Router {
  const router = express.Router();
  const auth = requireAuth(deps);

  async function alertInScope(id: string, res: express.Response) {
    const user = currentUser(res);
    const alert = z.uuid().safeParse(id).success ? await deps.alerts.find(id) : null;
    if (!alert || !isWithinScope(alert.unitPath, user.unit.path)) throw new AppError('NOT_FOUND', `no alert ${id}`);
    return { user, alert };
  }

  router.get('/', auth, async (req, res) => {
    const { status } = parseOrThrow(ListSchema, req.query, 'query');
    res.json({ items: await deps.alerts.list(currentUser(res).unit.path, status) });
  });

  router.get('/count', auth, async (_req, res) => {
    const body: MoodAlertCount = await deps.alerts.count(currentUser(res).unit.path);
    res.json(body);
  });

  router.get('/:id/history', auth, async (req, res) => {
    const { alert } = await alertInScope(String(req.params.id), res);
    const { unitPath: _path, ...dto } = alert;
    res.json({ alert: dto, history: await deps.alerts.history(alert.id) });
  });

  router.post('/:id/:action', auth, async (req, res) => {
    const action = String(req.params.action);
    if (!(ACTIONS as readonly string[]).includes(action)) throw new AppError('NOT_FOUND', `no action ${action}`);
    const { note } = parseOrThrow(ActionSchema, req.body ?? {}, 'body');
    if (action === 'annotate' && !note) throw new AppError('VALIDATION_FAILED', 'a note is required', { fields: [{ path: 'body.note', message: 'bắt buộc' }] });
    const { user, alert } = await alertInScope(String(req.params.id), res);
    await deps.alerts.act(alert.id, action as (typeof ACTIONS)[number], user.id, note ?? null, deps.clock.now());
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: `mood_alert_${action}`, targetType: 'mood_alert', targetId: alert.id, details: note ? { note } : {} });
    const updated = await deps.alerts.find(alert.id);
    const { unitPath: _path, ...dto } = updated ?? alert;
    res.json({ alert: dto });
  });

  return router;
}
