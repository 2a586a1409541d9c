import express, { type Router } from 'express';
import { z } from 'zod';
import { FaqListQuerySchema, FaqProposalReviewSchema } from '../../../core/contracts/knowledge-api.js';
import { UnitCodeSchema } from '../../../core/org/hierarchy.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import { AppError } from '../../../core/errors/app-error.js';
import { canReadFaqEntry } from '../../../core/knowledge/faq-ownership.js';
import { faqActorOf, type FaqDesk } from '../../knowledge/faq-desk.js';
import { createFaqDeskSearch } from '../../knowledge/faq-desk-search.js';
import type { UnitRepository } from '../../storage/repositories/unit-repository.js';
import type { FaqRepository } from '../../storage/repositories/faq-repository.js';
import type { FaqProposalRepository } from '../../storage/repositories/faq-proposal-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

export interface FaqRouteDeps {
  desk: FaqDesk;
  faqs: FaqRepository;
  proposals: FaqProposalRepository;
  units: UnitRepository;
  /** The live matcher's ranking (absent when knowledge is stubbed): suggestions for the learning queue. */
  similar?: SimilarFaq | undefined;
  tokens: SessionTokens;
  users: UserRepository;
}

export type SimilarFaq = (text: string, k: number, unitPath: string | null) => { id: string; score: number }[];

const SimilarQuerySchema = z.object({ text: z.string().trim().min(2, 'nhập ít nhất 2 ký tự').max(2000), k: z.coerce.number().int().min(1).max(10).default(5) });
const ImportQuerySchema = z.object({ mode: z.enum(['merge', 'replace']).default('merge'), unit: UnitCodeSchema.optional() });
const ExportQuerySchema = z.object({ unit: UnitCodeSchema.optional() });
const ProposalListQuerySchema = z.object({ status: z.enum(['open', 'accepted', 'rejected']).optional() });
const IdSchema = z.string().trim().min(1).max(64);
const ChangeIdSchema = z.uuid('mã thay đổi không hợp lệ');

/**
 * The FAQ admin API (issue #9 item 7, issue #13). Everyone signed in reads the entries that apply to their part
 * of the union; admins and leaders write their own level's entries; admins of the owning level delete and replace;
 * officers propose. Every write answers with the change id that `POST /changes/:id/undo` reverts.
 */
export function createFaqRouter(deps: FaqRouteDeps): Router {
  const router = express.Router();
  const auth = requireAuth(deps);
  const { desk } = deps;
  // One per router: it keeps each entry's normalised text between searches.
  const search = createFaqDeskSearch(deps.faqs);

  router.get('/', auth, async (req, res) => {
    const query = parseOrThrow(FaqListQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const { entries, total, spelling } = await search.list({ ...query, readerPath: user.unit.path, ...(query.topic ? { topic: query.topic } : {}), ...(query.q ? { q: query.q } : {}) });
    res.json({ entries: entries.map((entry) => desk.toDto(entry, user)), total, ...(spelling ? { spelling } : {}) });
  });

  router.get('/export', auth, async (req, res) => {
    const { unit } = parseOrThrow(ExportQuerySchema, req.query, 'query');
    const user = currentUser(res);
    let ownerUnitId: string | null | undefined;
    if (unit) {
      const found = await deps.units.findByCode(unit);
      if (!found || !canReadFaqEntry(faqActorOf(user), found.path)) throw new AppError('NOT_FOUND', `no unit ${unit}`);
      ownerUnitId = found.level === 'national' ? null : found.id;
    }
    const json = await deps.faqs.exportJson({ readerPath: user.unit.path, ...(ownerUnitId !== undefined ? { ownerUnitId } : {}) });
    res.type('application/json').attachment('faq.json').send(json);
  });

  // The entries that would come closest to answering a text for members of the caller's unit, with scores.
  router.get('/similar', auth, async (req, res) => {
    const { text, k } = parseOrThrow(SimilarQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const ranked = deps.similar ? deps.similar(text, k, user.unit.path) : [];
    const entries = [];
    for (const { id, score } of ranked) {
      const entry = await deps.faqs.get(id);
      if (entry && canReadFaqEntry(faqActorOf(user), entry.owner?.path ?? null)) entries.push({ ...desk.toDto(entry, user), score });
    }
    res.json({ entries });
  });

  router.get('/proposals', auth, async (req, res) => {
    const { status } = parseOrThrow(ProposalListQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const proposals = await deps.proposals.list({ scopePath: user.unit.path, ...(user.role === 'officer' ? { proposerUserId: user.id } : {}), ...(status ? { status } : {}) });
    res.json({ proposals: proposals.map((proposal) => desk.proposalDto(proposal)) });
  });

  router.post('/proposals', auth, async (req, res) => {
    const proposal = await desk.propose(currentUser(res), req.body);
    res.status(201).json(desk.proposalDto(proposal));
  });

  router.post('/proposals/:id/accept', auth, async (req, res) => {
    const id = parseOrThrow(ChangeIdSchema, req.params.id, 'params.id');
    const edits = parseOrThrow(FaqProposalReviewSchema, req.body ?? {}, 'body');
    const result = await desk.accept(currentUser(res), id, { ...(edits.payload ? { payload: edits.payload } : {}), ...(edits.note ? { note: edits.note } : {}) });
    res.json({ proposal: desk.proposalDto(result.proposal), entryId: result.entryId, changeId: result.changeId });
  });

  router.post('/proposals/:id/reject', auth, async (req, res) => {
    const id = parseOrThrow(ChangeIdSchema, req.params.id, 'params.id');
    const { note } = parseOrThrow(FaqProposalReviewSchema, req.body ?? {}, 'body');
    res.json(desk.proposalDto(await desk.reject(currentUser(res), id, note)));
  });

  router.post('/changes/:changeId/undo', auth, async (req, res) => {
    const changeId = parseOrThrow(ChangeIdSchema, req.params.changeId, 'params.changeId');
    res.json(await desk.undo(currentUser(res), changeId));
  });

  router.post('/import', auth, async (req, res) => {
    const { mode, unit } = parseOrThrow(ImportQuerySchema, req.query, 'query');
    res.json(await desk.importFile(currentUser(res), req.body, mode, unit));
  });

  router.get('/:id', auth, async (req, res) => {
    const user = currentUser(res);
    res.json(desk.toDto(await desk.readable(user, parseOrThrow(IdSchema, req.params.id, 'params.id')), user));
  });

  router.get('/:id/history', auth, async (req, res) => {
    const changes = await desk.history(currentUser(res), parseOrThrow(IdSchema, req.params.id, 'params.id'));
    res.json({ changes: changes.map(({ actorUserId: _a, ...change }) => change) });
  });

  router.post('/', auth, async (req, res) => {
    const user = currentUser(res);
    const { entry, changeId } = await desk.create(user, req.body);
    res.status(201).json({ ...desk.toDto(entry, user), changeId });
  });

  router.patch('/:id', auth, async (req, res) => {
    const user = currentUser(res);
    const { entry, changeId } = await desk.update(user, parseOrThrow(IdSchema, req.params.id, 'params.id'), req.body);
    res.json({ ...desk.toDto(entry, user), changeId });
  });

  router.delete('/:id', auth, async (req, res) => {
    const { changeId } = await desk.remove(currentUser(res), parseOrThrow(IdSchema, req.params.id, 'params.id'));
    res.json({ changeId });
  });

  return router;
}
