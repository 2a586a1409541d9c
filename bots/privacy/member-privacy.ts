import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { MemberPrivacy } from '../../core/ports/member-privacy.js';
import { accessKindOf } from '../../core/privacy/personal-data-access.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { MemberDataRepository } from '../storage/repositories/member-data-repository.js';
import { EXPORT_LINK_VALID_HOURS, type ExportLinks } from './export-links.js';

export interface MemberPrivacyDeps {
  memberData: MemberDataRepository;
  audit: AuditRepository;
  queue: JobQueue;
  links: ExportLinks;
  retentionMonths: number;
  /** `PUBLIC_BASE_URL`: without it there is no link a member could open. */
  publicBaseUrl: string | undefined;
}

/** Actions the member did themselves are not "who read my data". */
const SELF_ACTIONS = new Set(['member_self_export', 'member_self_erase_requested', 'member_self_erase']);
const ACCESSES_LISTED = 10;
/** Gives the farewell reply a moment to go out before the erasure job starts looking. */
const ERASE_DELAY_MS = 1000;

export const SELF_ERASE_REQUESTED = 'member_self_erase_requested';

/** The chat side of a member's data rights (core/ports/member-privacy.ts), on the audit log and the member data repository. */
export function createMemberPrivacy(deps: MemberPrivacyDeps): MemberPrivacy {
  return {
    async summarize({ memberId }) {
      const facts = await deps.memberData.factsOf(memberId);
      const accesses = (await deps.audit.accessLog(memberId, { limit: ACCESSES_LISTED * 3 }))
        .filter((record) => !SELF_ACTIONS.has(record.action))
        .slice(0, ACCESSES_LISTED)
        .map((record) => ({
          at: record.at,
          who: record.actorName ?? (record.actor === 'cli' || record.actor === 'system' ? null : record.actor),
          role: record.actorRole,
          unitName: record.actorUnitName,
          whatVi: accessKindOf(record.action)?.labelVi ?? record.action,
        }));
      const base = deps.publicBaseUrl?.replace(/\/+$/, '');
      const exportUrl = base ? `${base}/api/privacy/export?token=${await deps.links.issue(memberId)}` : null;
      await deps.audit.record({ actor: 'member', action: 'member_self_export', targetType: 'member', targetId: memberId, memberId, details: { via: 'chat' } });
      return { ...facts, retentionMonths: deps.retentionMonths, accesses, exportUrl, exportValidHours: EXPORT_LINK_VALID_HOURS };
    },

    async requestErasure({ memberId, conversationId, messageId }) {
      // Recorded before the member is told "it will be erased": the daily privacy job finishes any request whose job was lost.
      await deps.audit.record({ actor: 'member', action: SELF_ERASE_REQUESTED, targetType: 'member', targetId: memberId, memberId, details: { conversationId, messageId } });
      await deps.queue.enqueue('privacy.erase', { memberId }, { jobId: `erase-${memberId}`, delayMs: ERASE_DELAY_MS });
    },
  };
}
