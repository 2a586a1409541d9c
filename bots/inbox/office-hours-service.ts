import type { OfficeHoursResponse, OfficeHoursValue } from '../../core/contracts/office-hours-api.js';
import { officeStatus, OfficeHoursSchema, resolveOfficeHours } from '../../core/conversations/office-hours.js';
import { AppError } from '../../core/errors/app-error.js';
import type { HandoffFactsSource } from '../../core/ports/handoff-facts.js';
import { isWithinScope } from '../../core/org/hierarchy.js';
import type { Clock } from '../../core/ports/clock.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { UnitRecord, UnitRepository } from '../storage/repositories/unit-repository.js';
import type { UserWithUnit } from '../storage/repositories/user-repository.js';

export interface OfficeHoursServiceDeps {
  units: UnitRepository;
  facts: HandoffFactsSource;
  audit: AuditRepository;
  clock: Clock;
}

export type OfficeHoursService = ReturnType<typeof createOfficeHoursService>;

/** Admins and leaders keep their part of the union's timetable; officers read it (docs/decisions.md D-inbox-3). */
const mayEdit = (user: UserWithUnit) => user.role === 'admin' || user.role === 'leader';

/**
 * A unit's office hours in the admin app (issue #9 gap 3): what applies and where it comes from, open now or
 * when next, and the expected wait members are told; set or cleared (inherit the parent's) by admins and leaders
 * of the unit or a unit above it. The hand-off replies and the SLA deadlines read the same column.
 */
export function createOfficeHoursService(deps: OfficeHoursServiceDeps) {
  async function unitInScope(user: UserWithUnit, code: string): Promise<UnitRecord> {
    const unit = await deps.units.findByCode(code);
    // Outside the caller's subtree looks the same as unknown.
    if (!unit || !isWithinScope(unit.path, user.unit.path)) throw new AppError('UNIT_NOT_FOUND', `unit ${code} not found`);
    return unit;
  }

  async function report(user: UserWithUnit, unit: UnitRecord): Promise<OfficeHoursResponse> {
    const now = deps.clock.now();
    const [chain, facts] = await Promise.all([deps.units.officeHoursChain(unit.id), deps.facts.facts(unit.id, now)]);
    const valid = (value: unknown) => value !== null && value !== undefined && OfficeHoursSchema.safeParse(value).success;
    const own = valid(chain[0]?.officeHours) ? OfficeHoursSchema.parse(chain[0]?.officeHours) : null;
    const source = chain.find((link) => valid(link.officeHours));
    const effective = resolveOfficeHours(chain.map((link) => link.officeHours));
    const status = officeStatus(effective, now);
    return {
      unit: { code: unit.code, name: unit.name, level: unit.level },
      own,
      effective,
      inheritedFrom: own === null && source ? { code: source.code, name: source.name } : null,
      open: status.open,
      closesAt: status.closesAt?.toISOString() ?? null,
      nextOpening: status.nextOpening?.toISOString() ?? null,
      medianWaitMinutes: facts.medianWaitMinutes === null ? null : Math.round(facts.medianWaitMinutes * 10) / 10,
      canEdit: mayEdit(user),
    };
  }

  async function change(user: UserWithUnit, code: string, hours: OfficeHoursValue | null): Promise<OfficeHoursResponse> {
    const unit = await unitInScope(user, code);
    if (!mayEdit(user)) throw new AppError('FORBIDDEN', 'only admins and leaders set office hours');
    await deps.units.setOfficeHours(unit.id, hours);
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'unit_office_hours', targetType: 'unit', targetId: unit.id, unitId: unit.id, details: { code: unit.code, officeHours: hours } });
    return report(user, unit);
  }

  return {
    async get(user: UserWithUnit, code: string): Promise<OfficeHoursResponse> {
      return report(user, await unitInScope(user, code));
    },
    set: (user: UserWithUnit, code: string, hours: OfficeHoursValue) => change(user, code, hours),
    /** The unit takes its parent's hours again. */
    clear: (user: UserWithUnit, code: string) => change(user, code, null),
  };
}
