import { z } from 'zod';
import type { FaqEntryDto, FaqProposalDto } from '../../core/contracts/knowledge-api.js';
import { FaqCreateBodySchema, FaqProposalRequestSchema } from '../../core/contracts/knowledge-api.js';
import { AppError, type FieldIssue } from '../../core/errors/app-error.js';
import { parseOrThrow } from '../../core/errors/zod-issues.js';
import { FaqEntryInputSchema, FaqEntryPatchSchema } from '../../knowledge/index.js';
import { canDeleteFaqEntry, canOverride, canReadFaqEntry, canWriteFaqEntry, type FaqActor, type OwnerPath } from '../../core/knowledge/faq-ownership.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { FaqProposalRecord, FaqProposalRepository } from '../storage/repositories/faq-proposal-repository.js';
import type { FaqActorRef, FaqRepository, StoredFaqEntry } from '../storage/repositories/faq-repository.js';
import type { LawRepository } from '../storage/repositories/law-repository.js';
import type { UnitRepository } from '../storage/repositories/unit-repository.js';
import type { UserWithUnit } from '../storage/repositories/user-repository.js';

export interface FaqDeskDeps {
  faqs: FaqRepository;
  proposals: FaqProposalRepository;
  units: UnitRepository;
  laws: LawRepository;
  audit: AuditRepository;
  /**
   * Makes an FAQ change answer members at once. Today it rebuilds the matcher of this process; the one place to
   * swap in a cross-process reload (a realtime event every process listens to).
   */
  reloadFaq: () => Promise<void>;
}

const VersionedPatchSchema = z.object({ version: z.number({ message: 'thiếu phiên bản (version)' }).int().min(0).max(2_147_483_647) }).passthrough();

export function faqActorOf(user: UserWithUnit): FaqActor {
  return { role: user.role, unitPath: user.unit.path, isNational: user.unit.level === 'national' };
}

const actorRef = (user: UserWithUnit): FaqActorRef => ({ userId: user.id, email: user.email });
const ownerPathOf = (entry: StoredFaqEntry): OwnerPath => entry.owner?.path ?? null;

export type FaqDesk = ReturnType<typeof createFaqDesk>;

/**
 * The knowledge desk's FAQ operations with their rules (issue #9 item 7, issue #13): ownership checks, cited
 * articles that exist, overrides, officers' proposals and their review, undo. Routes and the learning-queue
 * actions both come through here, so a rule holds whichever screen the change came from. Every change is audited
 * and reloads the live matcher.
 */
export function createFaqDesk(deps: FaqDeskDeps) {
  const changed = async (user: UserWithUnit, action: string, targetId: string | null, unitId: string | null, details: Record<string, unknown>) => {
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action, targetType: 'faq_entry', targetId, unitId, details });
    await deps.reloadFaq();
  };

  const assertCitationsExist = async (body: unknown): Promise<void> => {
    const citations = (body as { citations?: unknown } | null)?.citations;
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
  };

  /** The owner a new entry gets: the body's choice, else the caller's own level. */
  const resolveOwner = async (user: UserWithUnit, requested: string | null | undefined): Promise<{ id: string | null; path: OwnerPath }> => {
    if (requested === undefined) return user.unit.level === 'national' ? { id: null, path: null } : { id: user.unit.id, path: user.unit.path };
    if (requested === null) return { id: null, path: null };
    const unit = await deps.units.findById(requested);
    if (!unit) throw new AppError('VALIDATION_FAILED', 'unknown owner unit', { fields: [{ path: 'body.ownerUnitId', message: 'không có đơn vị này' }] });
    // The national root owns national entries: store them as national so the rules have one form.
    return unit.level === 'national' ? { id: null, path: null } : { id: unit.id, path: unit.path };
  };

  const readable = async (user: UserWithUnit, id: string): Promise<StoredFaqEntry> => {
    const entry = await deps.faqs.get(id);
    if (!entry || !canReadFaqEntry(faqActorOf(user), ownerPathOf(entry))) throw new AppError('NOT_FOUND', `no FAQ entry ${id}`);
    return entry;
  };

  const assertWritable = (user: UserWithUnit, ownerPath: OwnerPath, what: string) => {
    if (!canWriteFaqEntry(faqActorOf(user), ownerPath)) {
      const hint = ownerPath === null ? ' (a national entry: create a local override for your unit instead)' : '';
      throw new AppError('FORBIDDEN', `only admins and leaders of the owning level may ${what}${hint}`);
    }
  };

  const desk = {
    readable,

    toDto(entry: StoredFaqEntry, user: UserWithUnit): FaqEntryDto {
      const actor = faqActorOf(user);
      const ownerPath = ownerPathOf(entry);
      const { owner, ownerUnitId: _ownerId, ...rest } = entry;
      return {
        ...rest,
        overridesId: entry.overridesId,
        owner: owner ? { id: owner.id, code: owner.code, name: owner.name } : null,
        // A local override makes sense for entries owned above the caller's unit.
        can: {
          edit: canWriteFaqEntry(actor, ownerPath),
          delete: canDeleteFaqEntry(actor, ownerPath),
          override: (actor.role === 'admin' || actor.role === 'leader') && !actor.isNational && canOverride(ownerPath, actor.unitPath),
        },
      };
    },

    async create(user: UserWithUnit, body: unknown): Promise<{ entry: StoredFaqEntry; changeId: string }> {
      const { ownerUnitId, ...fields } = parseOrThrow(FaqCreateBodySchema, body, 'body');
      const owner = await resolveOwner(user, ownerUnitId);
      assertWritable(user, owner.path, 'add entries at this level');
      const overridesId = fields.overridesId;
      if (typeof overridesId === 'string' && overridesId !== '') {
        const overridden = await deps.faqs.get(overridesId);
        if (!overridden || !canReadFaqEntry(faqActorOf(user), ownerPathOf(overridden))) {
          throw new AppError('VALIDATION_FAILED', 'the entry to override does not exist', { fields: [{ path: 'body.overridesId', message: 'không có câu hỏi này' }] });
        }
        if (!canOverride(ownerPathOf(overridden), owner.path)) {
          throw new AppError('VALIDATION_FAILED', 'an override must belong to a unit below the overridden entry', { fields: [{ path: 'body.overridesId', message: 'chỉ thay thế được câu trả lời của cấp trên' }] });
        }
      }
      await assertCitationsExist(fields);
      const result = await deps.faqs.create(fields, { actor: actorRef(user), ownerUnitId: owner.id });
      await changed(user, 'faq_create', result.entry.id, owner.id, { changeId: result.changeId, overridesId: result.entry.overridesId });
      return result;
    },

    async update(user: UserWithUnit, id: string, body: unknown): Promise<{ entry: StoredFaqEntry; changeId: string }> {
      const current = await readable(user, id);
      assertWritable(user, ownerPathOf(current), 'edit this entry');
      const { version, ...patch } = parseOrThrow(VersionedPatchSchema, body, 'body');
      await assertCitationsExist(patch);
      const result = await deps.faqs.update(id, patch, version, { actor: actorRef(user) });
      const action = patch.status === 'retired' && current.status !== 'retired' ? 'faq_retire' : 'faq_update';
      await changed(user, action, id, current.ownerUnitId, { changeId: result.changeId, fields: Object.keys(patch) });
      return result;
    },

    async remove(user: UserWithUnit, id: string): Promise<{ changeId: string }> {
      const current = await readable(user, id);
      if (!canDeleteFaqEntry(faqActorOf(user), ownerPathOf(current))) {
        throw new AppError('FORBIDDEN', 'only admins of the owning level may delete an entry (leaders can retire it)');
      }
      const result = await deps.faqs.delete(id, { actor: actorRef(user) });
      await changed(user, 'faq_delete', id, current.ownerUnitId, { changeId: result.changeId });
      return result;
    },

    /** Imports into one level (`unitCode`, default the caller's); `replace` needs an admin of that level. */
    async importFile(user: UserWithUnit, file: unknown, mode: 'merge' | 'replace', unitCode: string | undefined) {
      let owner: { id: string | null; path: OwnerPath };
      if (unitCode) {
        const unit = await deps.units.findByCode(unitCode);
        if (!unit || !canReadFaqEntry(faqActorOf(user), unit.path)) throw new AppError('NOT_FOUND', `no unit ${unitCode}`);
        owner = unit.level === 'national' ? { id: null, path: null } : { id: unit.id, path: unit.path };
      } else {
        owner = await resolveOwner(user, undefined);
      }
      if (mode === 'replace' && !canDeleteFaqEntry(faqActorOf(user), owner.path)) {
        throw new AppError('FORBIDDEN', 'only admins of this level may replace its FAQ');
      }
      assertWritable(user, owner.path, 'import entries at this level');
      const result = await deps.faqs.importEntries(file, mode, { actor: actorRef(user), ownerUnitId: owner.id });
      await changed(user, 'faq_import', null, owner.id, { mode, ...result });
      return result;
    },

    async history(user: UserWithUnit, id: string) {
      await readable(user, id);
      return deps.faqs.history(id);
    },

    /**
     * Undoes a change when the caller may write every entry it touched; an undo that deletes entries (undoing a
     * creation) needs delete rights unless the caller made that change themselves.
     */
    async undo(user: UserWithUnit, changeId: string) {
      const change = await deps.faqs.getChange(changeId);
      if (!change) throw new AppError('NOT_FOUND', `no FAQ change ${changeId}`);
      const actor = faqActorOf(user);
      const ownerPaths = new Map<string | null, OwnerPath>();
      const pathOfOwner = async (ownerId: string | null): Promise<OwnerPath> => {
        if (ownerId === null) return null;
        if (!ownerPaths.has(ownerId)) ownerPaths.set(ownerId, (await deps.units.findById(ownerId))?.path ?? null);
        return ownerPaths.get(ownerId) ?? null;
      };
      for (const version of change.versions) {
        for (const snapshot of [version.before, version.after]) {
          if (!snapshot) continue;
          const path = await pathOfOwner(snapshot.ownerUnitId);
          if (!canReadFaqEntry(actor, path)) throw new AppError('NOT_FOUND', `no FAQ change ${changeId}`);
          assertWritable(user, path, 'undo this change');
          if (version.before === null && change.actorUserId !== user.id && !canDeleteFaqEntry(actor, path)) {
            throw new AppError('FORBIDDEN', 'undoing this change deletes entries: only its author or an admin of the level may do it');
          }
        }
      }
      const result = await deps.faqs.undo(changeId, actorRef(user));
      const first = change.versions[0];
      await changed(user, 'faq_undo', change.versions.length === 1 && first ? first.entryId : null, null, { changeId: result.changeId, undid: changeId, entries: result.entries });
      return { changeId: result.changeId, undoneChangeId: changeId, entries: result.entries };
    },

    /** Adds a member's wording as a variant; without the rights, files it as a proposal instead. */
    async addVariant(user: UserWithUnit, entryId: string, text: string, learningItemId: string | null) {
      const entry = await readable(user, entryId);
      const variant = text.trim().slice(0, 500);
      const known = [entry.question, ...entry.variants].some((phrase) => phrase.toLowerCase() === variant.toLowerCase());
      const variants = known || variant.length < 2 ? entry.variants : [...entry.variants, variant].slice(-60);
      if (variants === entry.variants) return { outcome: 'applied' as const, changeId: null, proposalId: null };
      if (!canWriteFaqEntry(faqActorOf(user), ownerPathOf(entry))) {
        const proposal = await desk.propose(user, { kind: 'update', entryId, payload: { variants }, baseVersion: entry.version, note: 'Thêm cách hỏi từ hàng chờ học', learningItemId: learningItemId ?? undefined });
        return { outcome: 'proposed' as const, changeId: null, proposalId: proposal.id };
      }
      const result = await desk.update(user, entryId, { version: entry.version, variants });
      return { outcome: 'applied' as const, changeId: result.changeId, proposalId: null };
    },

    /** Creates an entry, or (for officers and other levels) files the same content as a proposal. */
    async createOrPropose(user: UserWithUnit, body: Record<string, unknown>, learningItemId: string | null) {
      const owner = await resolveOwner(user, parseOrThrow(FaqCreateBodySchema, body, 'body').ownerUnitId);
      if (!canWriteFaqEntry(faqActorOf(user), owner.path)) {
        await assertCitationsExist(body);
        const proposal = await desk.propose(user, { kind: 'create', payload: body, learningItemId: learningItemId ?? undefined });
        return { outcome: 'proposed' as const, entryId: null, changeId: null, proposalId: proposal.id };
      }
      const result = await desk.create(user, body);
      return { outcome: 'applied' as const, entryId: result.entry.id, changeId: result.changeId, proposalId: null };
    },

    async propose(user: UserWithUnit, body: unknown): Promise<FaqProposalRecord> {
      const request = parseOrThrow(FaqProposalRequestSchema, body, 'body');
      // A proposal a reviewer cannot apply wastes their time: the fields are checked now, the rights on accept.
      if (request.kind === 'create') {
        const { ownerUnitId: _owner, ...fields } = request.payload;
        parseOrThrow(FaqEntryInputSchema, fields, 'body.payload');
      } else if (request.kind === 'update') {
        parseOrThrow(FaqEntryPatchSchema, request.payload, 'body.payload');
      }
      if (request.kind !== 'create') {
        if (!request.entryId) throw new AppError('VALIDATION_FAILED', 'which entry?', { fields: [{ path: 'body.entryId', message: 'cần mã câu hỏi' }] });
        await readable(user, request.entryId);
      }
      const proposal = await deps.proposals.create({
        kind: request.kind,
        entryId: request.entryId ?? null,
        // A retirement carries no fields; anything else was validated above.
        payload: request.kind === 'retire' ? {} : request.payload,
        baseVersion: request.baseVersion ?? null,
        unitId: user.unit.id,
        proposerUserId: user.id,
        proposer: user.email,
        note: request.note ?? null,
        learningItemId: request.learningItemId ?? null,
      });
      await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'faq_propose', targetType: 'faq_proposal', targetId: proposal.id, unitId: user.unit.id, details: { kind: request.kind, entryId: request.entryId ?? null } });
      return proposal;
    },

    proposalDto(proposal: FaqProposalRecord): FaqProposalDto {
      const { unit, proposerUserId: _p, ...rest } = proposal;
      return { ...rest, unit: { id: unit.id, code: unit.code, name: unit.name } };
    },

    async reviewable(user: UserWithUnit, id: string): Promise<FaqProposalRecord> {
      const proposal = await deps.proposals.get(id);
      const visible = proposal && (proposal.unit.path.startsWith(user.unit.path) || proposal.proposerUserId === user.id);
      if (!proposal || !visible) throw new AppError('NOT_FOUND', `no proposal ${id}`);
      return proposal;
    },

    /** Applies a proposal with the reviewer's rights (their edits of the payload win), then closes it. */
    async accept(user: UserWithUnit, id: string, edits: { payload?: Record<string, unknown>; note?: string }) {
      const proposal = await desk.reviewable(user, id);
      if (user.role === 'officer') throw new AppError('FORBIDDEN', 'proposals are reviewed by leaders and admins');
      if (proposal.status !== 'open') throw new AppError('VERSION_CONFLICT', 'this proposal was already reviewed');
      const payload = { ...proposal.payload, ...(edits.payload ?? {}) };
      let entryId = proposal.entryId;
      let changeId: string;
      if (proposal.kind === 'create') {
        const created = await desk.create(user, payload);
        entryId = created.entry.id;
        changeId = created.changeId;
      } else {
        const current = await readable(user, proposal.entryId ?? '');
        const version = proposal.baseVersion ?? current.version;
        const patch = proposal.kind === 'retire' ? { status: 'retired' } : payload;
        changeId = (await desk.update(user, current.id, { ...patch, version })).changeId;
      }
      const reviewed = await deps.proposals.review(id, { status: 'accepted', reviewerUserId: user.id, reviewer: user.email, note: edits.note ?? null });
      await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'faq_proposal_accept', targetType: 'faq_proposal', targetId: id, unitId: proposal.unit.id, details: { entryId, changeId } });
      return { proposal: reviewed, entryId, changeId };
    },

    async reject(user: UserWithUnit, id: string, note: string | undefined) {
      const proposal = await desk.reviewable(user, id);
      if (user.role === 'officer') throw new AppError('FORBIDDEN', 'proposals are reviewed by leaders and admins');
      const reviewed = await deps.proposals.review(id, { status: 'rejected', reviewerUserId: user.id, reviewer: user.email, note: note ?? null });
      await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'faq_proposal_reject', targetType: 'faq_proposal', targetId: id, unitId: proposal.unit.id, details: {} });
      return reviewed;
    },
  };
  return desk;
}
