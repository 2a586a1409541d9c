import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { UnitLevel } from '../../../core/org/hierarchy.js';
import type { JoinNote, UnitSummary } from '../../../core/ports/member-directory.js';
import type { Db } from '../database.js';
import { conversations, members, units } from '../schema/index.js';

/** Which units a member may join by code, and where members without a union are seen. */
export interface JoinPolicy {
  /** Accept codes of upper-level unions (CĐ cấp trên, LĐLĐ tỉnh/ngành) as the member's union. */
  allowUpperLevels: boolean;
  /** The unit whose queue holds members without a union; unset = the top of the hierarchy. */
  intakeUnitCode?: string | undefined;
}

export const DEFAULT_JOIN_POLICY: JoinPolicy = { allowUpperLevels: true };

const JOINABLE_UPPER: readonly UnitLevel[] = ['upper_grassroots', 'province_or_sector'];

/** The unit a member may join with this code, or null (unknown code, or a level the deployment does not allow). */
export async function findJoinableUnit(db: Db, code: string, policy: JoinPolicy): Promise<UnitSummary | null> {
  const [unit] = await db
    .select({ id: units.id, code: units.code, name: units.name, level: units.level })
    .from(units)
    .where(eq(units.code, code.trim().toUpperCase()))
    .limit(1);
  if (!unit) return null;
  const level = unit.level as UnitLevel;
  if (level === 'grassroots' || (policy.allowUpperLevels && JOINABLE_UPPER.includes(level))) return { id: unit.id, code: unit.code, name: unit.name, level };
  return null;
}

/**
 * Attaches the member (and every conversation of theirs: the unit decides which officers see them) to a unit.
 * Returns false when the member already belonged to it.
 */
export async function attachMemberToUnit(db: Db, memberId: string, unitId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(members)
      .set({ unitId, updatedAt: now })
      .where(and(eq(members.id, memberId), or(isNull(members.unitId), sql`${members.unitId} <> ${unitId}`)))
      .returning({ id: members.id });
    if (updated.length === 0) return false;
    await tx.update(conversations).set({ unitId, updatedAt: now }).where(eq(conversations.memberId, memberId));
    return true;
  });
}

/**
 * A join link's code applied with the precedence of issue #15: the member's own choice (a union already
 * set, by `/donvi`, the first-contact answer or an earlier link) beats a link parameter, which beats nothing.
 */
export async function applyJoinCode(db: Db, memberId: string, code: string, policy: JoinPolicy, now: Date): Promise<JoinNote> {
  const normalized = code.trim().toUpperCase();
  const unit = await findJoinableUnit(db, normalized, policy);
  if (!unit) return { code: normalized, status: 'not_found' };
  const [member] = await db.select({ unitId: members.unitId }).from(members).where(eq(members.id, memberId)).limit(1);
  if (member?.unitId === unit.id) return { code: normalized, status: 'unchanged', unit };
  if (member?.unitId) {
    const [current] = await db.select({ id: units.id, code: units.code, name: units.name, level: units.level }).from(units).where(eq(units.id, member.unitId));
    if (current) return { code: normalized, status: 'kept', unit, current: { ...current, level: current.level as UnitLevel } };
  }
  await attachMemberToUnit(db, memberId, unit.id, now);
  return { code: normalized, status: 'set', unit };
}

/** The intake unit's id: `INTAKE_UNIT_CODE`, else the top of the hierarchy (the national unit). */
export async function intakeUnitId(db: Db, policy: JoinPolicy): Promise<string | null> {
  if (policy.intakeUnitCode) {
    const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, policy.intakeUnitCode.trim().toUpperCase())).limit(1);
    if (row) return row.id;
  }
  const [top] = await db.select({ id: units.id }).from(units).where(isNull(units.parentId)).orderBy(units.path).limit(1);
  return top?.id ?? null;
}
