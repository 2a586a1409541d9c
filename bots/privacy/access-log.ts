import type { AccessLogEntry } from '../../core/contracts/privacy-api.js';
import { accessKindOf } from '../../core/privacy/personal-data-access.js';
import type { AccessRecord } from '../storage/repositories/audit-repository.js';

/** One audit row as the access log shows it: who (name, role, unit), when, what, why and through which route. */
export function toAccessLogEntry(record: AccessRecord): AccessLogEntry {
  const kind = accessKindOf(record.action);
  return {
    id: record.id,
    at: record.at.toISOString(),
    actor: record.actor,
    actorName: record.actorName,
    actorRole: record.actorRole,
    actorUnit: record.actorUnitCode && record.actorUnitName ? { code: record.actorUnitCode, name: record.actorUnitName } : null,
    action: record.action,
    purpose: kind?.purpose ?? 'member_support',
    route: kind?.route ?? record.action,
    conversationId: record.targetType === 'conversation' ? record.targetId : null,
    listed: record.listed,
  };
}
