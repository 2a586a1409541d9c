import { retentionCutoff } from '../../core/privacy/retention.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { PurgeCounts, RetentionRepository } from '../storage/repositories/retention-repository.js';

export interface PurgeReport extends PurgeCounts {
  months: number;
  dryRun: boolean;
  /** Content handled before this instant is (or would be) deleted; null when retention is off. */
  cutoff: string | null;
  horizonDay: string | null;
  /** Dry run: when the oldest purgeable message was handled. */
  oldest: string | null;
  /** Month partitions of `messages` dropped whole (PostgreSQL); their rows are counted in `messages`. */
  monthsDropped: string[];
}

export interface PurgeDeps {
  retention: RetentionRepository;
  audit: AuditRepository;
  /** `RETENTION_MESSAGE_MONTHS`; 0 keeps everything. */
  months: number;
  /** Who runs it, for the audit log: `system` (the daily job) or `cli`. */
  actor: string;
}

const none: PurgeCounts = { messages: 0, learningItems: 0, notes: 0, deliveries: 0 };

/** One retention run: counts in a dry run, deletes otherwise; a real run is audited (counts only, no content). */
export async function runRetentionPurge(deps: PurgeDeps, now: Date, options: { dryRun: boolean; batchSize?: number }): Promise<PurgeReport> {
  if (deps.months === 0) return { ...none, months: 0, dryRun: options.dryRun, cutoff: null, horizonDay: null, oldest: null, monthsDropped: [] };
  const { cutoff, horizonDay } = retentionCutoff(now, deps.months);
  const base = { months: deps.months, dryRun: options.dryRun, cutoff: cutoff.toISOString(), horizonDay };
  if (options.dryRun) {
    const plan = await deps.retention.plan(cutoff);
    return { ...base, messages: plan.messages, learningItems: plan.learningItems, notes: plan.notes, deliveries: plan.deliveries, oldest: plan.oldest?.toISOString() ?? null, monthsDropped: [] };
  }
  const { batches: _batches, ...removed } = await deps.retention.purge(cutoff, horizonDay, options.batchSize);
  await deps.audit.record({ actor: deps.actor, action: 'retention_purge', targetType: 'messages', details: { ...removed, months: deps.months, cutoff: cutoff.toISOString() } });
  return { ...base, ...removed, oldest: null };
}
