import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.js';
import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Db } from '../storage/database.js';
import { executeRows } from '../storage/execute-rows.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { MemberDataRepository } from '../storage/repositories/member-data-repository.js';
import { SELF_ERASE_REQUESTED } from './member-privacy.js';

/** Tries to let the farewell reply go out first; on the last attempt the erasure runs whatever is still queued. */
const ATTEMPTS = 10;
/** Requests older than this that are still not carried out are taken up again by the sweep (the law allows 72 h). */
const SWEEP_DAYS = 7;

export interface ErasureWorkerDeps {
  runner: JobRunner;
  queue: JobQueue;
  db: Db;
  memberData: MemberDataRepository;
  audit: AuditRepository;
  clock: Clock;
  logger: Logger;
  backoffMs: number;
  /** Drops in-memory caches of the member's threads (the ingest cache). */
  onErased: () => void;
}

/**
 * Carries out a member's own erasure request made in chat (/xoadulieu): the same erasure as the admin API, after
 * the turn that confirmed it is committed and its farewell reply delivered. Idempotent: an erased member is done.
 */
export function registerErasureWorkers(deps: ErasureWorkerDeps): { sweep(): Promise<number> } {
  deps.runner.register('privacy.erase', {
    concurrency: 1,
    retry: { attempts: ATTEMPTS, backoffMs: Math.max(deps.backoffMs, 20) },
    handler: async ({ memberId }, job) => {
      const status = await deps.memberData.statusOf(memberId);
      if (!status || status.erased) return;
      if (job.attempt < ATTEMPTS && (await deps.memberData.hasQueuedReplies(memberId))) {
        throw new AppError('CONVERSATION_BUSY', 'the last replies to this member are still being sent; erasing after them');
      }
      const removed = await deps.memberData.eraseMember(memberId, deps.clock.now());
      await deps.audit.record({ actor: 'member', action: 'member_self_erase', targetType: 'member', targetId: memberId, memberId, details: { ...removed, via: 'chat' } });
      deps.onErased();
      deps.logger.info({ memberId, ...removed }, 'member erased on their own request');
    },
  });
  return {
    /** Enqueues every recent request whose member is not erased yet (a job lost in a crash or a Redis restart). */
    async sweep() {
      const rows = await executeRows<{ member_id: string }>(
        deps.db,
        sql`select distinct a.member_id from audit_log a join members m on m.id = a.member_id
            where a.action = ${SELF_ERASE_REQUESTED} and a.at > ${new Date(deps.clock.now().getTime() - SWEEP_DAYS * 86_400_000).toISOString()}::timestamptz
              and m.erased_at is null`,
      );
      for (const row of rows) await deps.queue.enqueue('privacy.erase', { memberId: row.member_id }, { jobId: `erase-${row.member_id}-s${deps.clock.now().getTime()}` });
      return rows.length;
    },
  };
}
