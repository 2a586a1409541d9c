import { z } from 'zod';
import { OfficeHoursSchema, WEEKDAYS } from '../conversations/office-hours.js';
import { UNIT_LEVELS } from '../org/hierarchy.js';

export { WEEKDAYS };
export type { Weekday } from '../conversations/office-hours.js';

/** At most this many opening spans a day (a morning and an afternoon shift, an evening one, a spare). */
export const MAX_SPANS_PER_DAY = 4;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * `PUT /api/admin/units/:code/office-hours`: the unit's own hours (core/conversations/office-hours.ts), with what
 * an editor must also get right: at most four spans a day and no two overlapping.
 */
export const OfficeHoursBodySchema = z
  .object({
    officeHours: OfficeHoursSchema.superRefine((hours, ctx) => {
      for (const day of WEEKDAYS) {
        const spans = hours.days[day] ?? [];
        if (spans.length > MAX_SPANS_PER_DAY) ctx.addIssue({ code: 'custom', path: ['days', day], message: `at most ${MAX_SPANS_PER_DAY} spans a day` });
        const sorted = [...spans].sort((a, b) => minutes(a[0]) - minutes(b[0]));
        for (let i = 1; i < sorted.length; i++) {
          if (minutes(sorted[i]![0]) < minutes(sorted[i - 1]![1])) ctx.addIssue({ code: 'custom', path: ['days', day], message: 'spans overlap' });
        }
      }
    }),
  })
  .strict();
export type OfficeHoursBody = z.infer<typeof OfficeHoursBodySchema>;
export type OfficeHoursValue = z.infer<typeof OfficeHoursSchema>;

export const OfficeHoursResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS) }),
  /** The unit's own hours; null = it takes its parent's. */
  own: OfficeHoursSchema.nullable(),
  /** What applies: its own, the nearest ancestor's, or the national default. */
  effective: OfficeHoursSchema,
  /** Where `effective` comes from when not the unit's own: an ancestor, or null for the national default. */
  inheritedFrom: z.object({ code: z.string(), name: z.string() }).nullable(),
  open: z.boolean(),
  /** When the current opening ends (open) or the next one starts (closed); null with no hours at all. */
  closesAt: z.string().nullable(),
  nextOpening: z.string().nullable(),
  /** Median minutes from hand-off to claim over the unit's recent hand-offs (what members are told); null: no figures. */
  medianWaitMinutes: z.number().nullable(),
  /** Admins and leaders set the hours of their unit and the units below it; officers read them. */
  canEdit: z.boolean(),
});
export type OfficeHoursResponse = z.infer<typeof OfficeHoursResponseSchema>;
