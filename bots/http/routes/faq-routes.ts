import express, { type Router } from 'express';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { TOPICS } from '../../../core/nlu/labels.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { FaqRepository } from '../../storage/repositories/faq-repository.js';
import type { LawRepository } from '../../storage/repositories/law-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth, requireRole } from '../auth-middleware.js';

export interface FaqRouteDeps {
  faqs: FaqRepository;
  laws: LawRepository;
  audit: AuditRepository;
  tokens: SessionTokens;
  users: UserRepository;
  /** Rebuilds the live matcher so an edit answers members at once. */
  reloadFaq: () => Promise<void>;
}

const ListQuerySchema = z.object({
  topic: z.enum(TOPICS).optional(),
  status: z.enum(['published', 'draft']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const VersionedPatchSchema = z.object({ version: z.number().int().min(0) }).passthrough();
const ImportQuerySchema = z.object({ mode: z.enum(['merge', 'replace']).default('merge') });

/**
 * The FAQ admin API. Everyone signed in may read it; the FAQ answers members of every unit, so only admins
 * and leaders may change it (docs/decisions.md D11). Every cited article must exist in the law corpus.
 */
export function createFaqRouter(deps: FaqRouteDeps): Router {
  const router = express.Router();
  const auth = requireAuth(deps);
  const editors = requireRole('admin', 'leader');

  async function assertCitationsExist(body: unknown): Promise<void> {
    const citations = (body as { citations?: unknown }).citations;
    if (!Array.isArray(citations)) return;
    const missing: FieldIssue[] = [];
    for (const [index, citation] of citations.entries()) {
      const { lawId, articleNo } = (citation ?? {}) as { lawId?: unknown; articleNo?: unknown };
      if (typeof lawId !== 'string' || typeof articleNo !== 'string') continue;
      if (!(await deps.laws.findArticle(lawId, articleNo))) {
        missing.push({ path: `body.citations.${index}`, message: `Điều ${articleNo} ${lawId} không có trong kho văn bản pháp luật` });
      }
    }
    if (missing.length > 0) throw new AppError('VALIDATION_FAILED', 'a cited article is not in the law corpus', { fields: missing });
  }

  const changed = async (userId: string, email: string, action: string, targetId: string | null, details: Record<string, unknown> = {}) => {
    await deps.audit.record({ actorUserId: userId, actor: email, action, targetType: 'faq_entry', targetId, details });
    await deps.reloadFaq();
  };

  router.get('/', auth, async (req, res) => {
    const query = parseOrThrow(ListQuerySchema, req.query, 'query');
    res.json({ entries: await deps.faqs.list({ ...(query.topic ? { topic: query.topic } : {}), ...(query.status ? { status: query.status } : {}), limit: query.limit }) });
  });

  router.get('/export', auth, async (_req, res) => {
    res.type('application/json').attachment('faq.json').send(await deps.faqs.exportJson());
  });

  router.get('/:id', auth, async (req, res) => {
    const entry = await deps.faqs.get(String(req.params.id));
    if (!entry) throw new AppError('NOT_FOUND', `no FAQ entry ${req.params.id}`);
    res.json(entry);
  });

  router.post('/', auth, editors, async (req, res) => {
    await assertCitationsExist(req.body);
    const entry = await deps.faqs.create(req.body);
    const user = currentUser(res);
    await changed(user.id, user.email, 'faq_create', entry.id);
    res.status(201).json(entry);
  });

  router.patch('/:id', auth, editors, async (req, res) => {
    const { version, ...patch } = parseOrThrow(VersionedPatchSchema, req.body, 'body');
    await assertCitationsExist(patch);
    const entry = await deps.faqs.update(String(req.params.id), patch, version);
    const user = currentUser(res);
    await changed(user.id, user.email, 'faq_update', entry.id, { fields: Object.keys(patch) });
    res.json(entry);
  });

  router.delete('/:id', auth, editors, async (req, res) => {
    await deps.faqs.delete(String(req.params.id));
    const user = currentUser(res);
    await changed(user.id, user.email, 'faq_delete', String(req.params.id));
    res.status(204).end();
  });

  router.post('/import', auth, editors, async (req, res) => {
    const { mode } = parseOrThrow(ImportQuerySchema, req.query, 'query');
    const result = await deps.faqs.importEntries(req.body, mode);
    const user = currentUser(res);
    await changed(user.id, user.email, 'faq_import', null, { mode, ...result });
    res.json(result);
  });

  return router;
}
