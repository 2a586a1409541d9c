import { z } from 'zod';

/**
 * When a unit's officers answer (units.office_hours): `{ timezone, days: { mon: [["07:30","11:30"], ...] } }`.
 * A unit without its own hours takes its parent's, up to the national default below. Pure: the caller passes
 * the clock. Vietnam has no daylight saving time, so the zone's offset at `now` holds for the whole week ahead.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time looks like 08:00');
const Interval = z.tuple([TIME, TIME]).refine(([start, end]) => start < end, 'an interval ends after it starts');

export const OfficeHoursSchema = z.object({
  timezone: z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
  days: z.partialRecord(z.enum(WEEKDAYS), z.array(Interval)),
});
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

const WORKDAY: [string, string][] = [
  ['07:30', '11:30'],
  ['13:00', '17:00'],
];

/** The national default: the administrative working week of Vietnamese offices, Monday to Friday. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  timezone: 'Asia/Ho_Chi_Minh',
  days: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
};

/** The hours that apply: the first unit of `chain` (the unit, then its ancestors) with valid hours, else the default. */
export function resolveOfficeHours(chain: readonly unknown[]): OfficeHours {
  for (const value of chain) {
    if (value === null || value === undefined) continue;
    const parsed = OfficeHoursSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_OFFICE_HOURS;
}

export interface OfficeStatus {
  open: boolean;
  /** When the current opening ends (open only). */
  closesAt: Date | null;
  /** The next opening after now (closed only; null when the week has no hours at all). */
  nextOpening: Date | null;
}

function offsetMs(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Open now? Until when; or when next. Looks 8 days ahead (a full week plus today). */
export function officeStatus(hours: OfficeHours, now: Date): OfficeStatus {
  const offset = offsetMs(hours.timezone, now);
  const local = new Date(now.getTime() + offset); // UTC fields of `local` are the zone's wall clock
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let day = 0; day <= 7; day++) {
    const start = dayStart + day * 86_400_000;
    const weekday = WEEKDAYS[(new Date(start).getUTCDay() + 6) % 7] as Weekday;
    const intervals = [...(hours.days[weekday] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [from, to] of intervals) {
      const opens = start + minutesOf(from) * 60_000;
      const closes = start + minutesOf(to) * 60_000;
      if (opens <= local.getTime() && local.getTime() < closes) return { open: true, closesAt: new Date(closes - offset), nextOpening: null };
      if (opens > local.getTime()) return { open: false, closesAt: null, nextOpening: new Date(opens - offset) };
    }
  }
  return { open: false, closesAt: null, nextOpening: null };
}

/**
 * `minutes` of office time after `from` (an SLA clock that stops outside hours): the inbox may pass it as
 * `addWorkingMinutes` to its SLA deadline. With no hours at all in the week, plain wall-clock minutes.
 */
export function addOfficeMinutes(hours: OfficeHours, from: Date, minutes: number): Date {
  let left = minutes * 60_000;
  let at = from;
  for (let guard = 0; guard < 64 && left > 0; guard++) {
    const status = officeStatus(hours, at);
    if (status.open && status.closesAt) {
      const span = status.closesAt.getTime() - at.getTime();
      if (span >= left) return new Date(at.getTime() + left);
      left -= span;
      at = status.closesAt;
    } else if (status.nextOpening) {
      at = status.nextOpening;
    } else {
      return new Date(at.getTime() + left);
    }
  }
  return at;
}
