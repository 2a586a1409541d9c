import { z } from 'zod';

/** The four levels of the union hierarchy, top down (DESIGN.md §5). */
export const UNIT_LEVELS = ['national', 'province_or_sector', 'upper_grassroots', 'grassroots'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_NAMES_VI: Record<UnitLevel, string> = {
  national: 'Tổng Liên đoàn Lao động Việt Nam',
  province_or_sector: 'LĐLĐ tỉnh/thành phố, Công đoàn ngành Trung ương',
  upper_grassroots: 'Công đoàn cấp trên trực tiếp cơ sở',
  grassroots: 'Công đoàn cơ sở',
};

/** Unit codes go into join links and QR codes: short, upper-case, URL-safe. */
export const UnitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'a unit code is 2–32 letters, digits, "-" or "_"');

export function levelIndex(level: UnitLevel): number {
  return UNIT_LEVELS.indexOf(level);
}

/**
 * A unit's parent is exactly one level up; a national unit has no parent. Levels may not be skipped,
 * because dashboards roll figures up level by level.
 */
export function isValidParentLevel(child: UnitLevel, parent: UnitLevel | null): boolean {
  if (child === 'national') return parent === null;
  return parent !== null && levelIndex(parent) === levelIndex(child) - 1;
}

/** Materialized path of ids: `/root/…/self/`. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when a unit with `unitPath` is the scope unit itself or below it. */
export function isWithinScope(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}
