import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import type { Db } from '../database.js';
import { faqProposals, units } from '../schema/index.js';

export type FaqProposalKind = 'create' | 'update' | 'retire';
export type FaqProposalStatus = 'open' | 'accepted' | 'rejected';

export interface FaqProposalRecord {
  id: string;
  kind: FaqProposalKind;
  entryId: string | null;
  payload: Record<string, unknown>;
  baseVersion: number | null;
  unit: { id: string; code: string; name: string; path: string };
  proposerUserId: string;
  proposer: string;
  note: string | null;
  learningItemId: string | null;
  status: FaqProposalStatus;
  reviewer: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

export interface NewFaqProposal {
  kind: FaqProposalKind;
  entryId: string | null;
  payload: Record<string, unknown>;
  baseVersion: number | null;
  unitId: string;
  proposerUserId: string;
  proposer: string;
  note: string | null;
  learningItemId: string | null;
}

export type FaqProposalRepository = ReturnType<typeof createFaqProposalRepository>;

/** Officers' proposed FAQ changes, waiting for a leader or admin whose scope covers the proposer's unit. */
export function createFaqProposalRepository(db: Db, clock: Clock = systemClock) {
  const columns = { proposal: faqProposals, unit: { id: units.id, code: units.code, name: units.name, path: units.path } };
  const toRecord = (row: { proposal: typeof faqProposals.$inferSelect; unit: { id: string; code: string; name: string; path: string } }): FaqProposalRecord => ({
    id: row.proposal.id,
    kind: row.proposal.kind as FaqProposalKind,
    entryId: row.proposal.entryId,
    payload: row.proposal.payload,
    baseVersion: row.proposal.baseVersion,
    unit: row.unit,
    proposerUserId: row.proposal.proposerUserId,
    proposer: row.proposal.proposer,
    note: row.proposal.note,
    learningItemId: row.proposal.learningItemId,
    status: row.proposal.status as FaqProposalStatus,
    reviewer: row.proposal.reviewer,
    reviewNote: row.proposal.reviewNote,
    reviewedAt: row.proposal.reviewedAt?.toISOString() ?? null,
    createdAt: row.proposal.createdAt.toISOString(),
  });

  const repository = {
    async create(input: NewFaqProposal): Promise<FaqProposalRecord> {
      const [row] = await db.insert(faqProposals).values({ ...input, createdAt: clock.now() }).returning({ id: faqProposals.id });
      if (!row) throw new AppError('INTERNAL', 'could not store the proposal');
      return (await repository.get(row.id)) as FaqProposalRecord;
    },

    async get(id: string): Promise<FaqProposalRecord | null> {
      const [row] = await db.select(columns).from(faqProposals).innerJoin(units, eq(units.id, faqProposals.unitId)).where(eq(faqProposals.id, id)).limit(1);
      return row ? toRecord(row) : null;
    },

    /** Proposals from units within `scopePath`, or only the ones `proposerUserId` filed. */
    async list(filter: { scopePath: string; proposerUserId?: string; status?: FaqProposalStatus; limit?: number }): Promise<FaqProposalRecord[]> {
      const conditions: SQL[] = [like(units.path, `${filter.scopePath}%`)];
      if (filter.proposerUserId) conditions.push(eq(faqProposals.proposerUserId, filter.proposerUserId));
      if (filter.status) conditions.push(eq(faqProposals.status, filter.status));
      const rows = await db
        .select(columns)
        .from(faqProposals)
        .innerJoin(units, eq(units.id, faqProposals.unitId))
        .where(and(...conditions))
        .orderBy(desc(faqProposals.createdAt))
        .limit(Math.min(filter.limit ?? 200, 500));
      return rows.map(toRecord);
    },

    /** Closes an open proposal; a proposal someone else already reviewed is a conflict. */
    async review(id: string, decision: { status: 'accepted' | 'rejected'; reviewerUserId: string; reviewer: string; note: string | null }): Promise<FaqProposalRecord> {
      const updated = await db
        .update(faqProposals)
        .set({ status: decision.status, reviewerUserId: decision.reviewerUserId, reviewer: decision.reviewer, reviewNote: decision.note, reviewedAt: clock.now() })
        .where(and(eq(faqProposals.id, id), eq(faqProposals.status, 'open')))
        .returning({ id: faqProposals.id });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT', 'this proposal was already reviewed');
      return (await repository.get(id)) as FaqProposalRecord;
    },
  };
  return repository;
}
