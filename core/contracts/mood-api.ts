import { z } from 'zod';
import { CHANNEL_IDS } from '../messages/channels.js';
import { TOPICS } from '../nlu/labels.js';
import { UnitCodeSchema } from '../org/hierarchy.js';

/**
 * The mood summary (issue #10): `congdoan mood report --format json` and GET /api/admin/mood/summary print the same
 * document. The first keys (unit … alerts) are the stable contract; the rest feed the dashboard.
 */
const day = z.iso.date('ngày dạng YYYY-MM-DD');

export const MoodQuerySchema = z
  .object({
    /** Defaults to the caller's own unit. */
    unit: UnitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    channel: z.enum(CHANNEL_IDS).optional(),
    topic: z.enum(TOPICS).optional(),
    /** Trend buckets. */
    bucket: z.enum(['week', 'month']).default('week'),
  })
  .strict();
export type MoodQuery = z.input<typeof MoodQuerySchema>;

const count = z.number().int().nonnegative().nullable();

export const MoodCellSchema = z.object({
  unit: z.string(),
  topic: z.string(),
  sentiment: z.string(),
  members: count,
  messages: count,
  suppressed: z.boolean(),
});
export type MoodCell = z.infer<typeof MoodCellSchema>;

export const MoodAlertDtoSchema = z.object({
  id: z.string(),
  unit: z.string(),
  unit_name: z.string(),
  topic: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  observed: z.number(),
  baseline: z.number(),
  score: z.number(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  note: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type MoodAlertDto = z.infer<typeof MoodAlertDtoSchema>;

export const MoodChildSchema = z.object({
  unit: z.string(),
  name: z.string(),
  level: z.string(),
  /** False for the caller's unit itself (members attached directly to it) and for grassroots unions. */
  drillable: z.boolean(),
  members: count,
  mood_index: z.number().nullable(),
  negative_share: z.number().nullable(),
  suppressed: z.boolean(),
  /**
   * The same unit in the previous period of the same length, as that period's own summary publishes it (D-dashboard-4):
   * null where that summary hides it. Absent from monthly reports stored before these fields existed.
   */
  previous_members: count.optional(),
  previous_negative_share: z.number().nullable().optional(),
  /** Relative change of members against the previous period (null when either side is hidden or the previous is 0). */
  change: z.number().nullable().optional(),
  /** Change of the negative share, in share points (0.05 = five percentage points); null when either is hidden. */
  negative_share_change: z.number().nullable().optional(),
});

export const MoodTopicSchema = z.object({
  topic: z.string(),
  members: count,
  previous_members: count,
  /** Relative change of members against the previous period of the same length (null when either is hidden). */
  change: z.number().nullable(),
  negative_share: z.number().nullable(),
  suppressed: z.boolean(),
});

export const MoodHeatCellSchema = z.object({
  unit: z.string(),
  topic: z.string(),
  members: count,
  negative_share: z.number().nullable(),
  suppressed: z.boolean(),
});

export const MoodTrendPointSchema = z.object({
  start: z.string(),
  members: count,
  mood_index: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  suppressed: z.boolean(),
});

/**
 * Hand-off statistics of a subtree and period (issue #10 item 6, docs/decisions.md D-mood-11): the hand-offs members
 * asked for in the period, by the member's unit. `handled` = taken by an officer; `waiting` = neither taken nor ended
 * when the figures were made; `overdue` = passed its deadline unclaimed at least once; the median is wall-clock
 * minutes from the request to the first claim. Counts of a service, with no topic or sentiment: no k rule (D-mood-11).
 */
/** GET /api/admin/mood/handoffs(.csv)?unit=&from=&to= : the figures of any period, for the reports page. */
export const HandoffQuerySchema = z.object({ unit: UnitCodeSchema.optional(), from: day, to: day }).strict();

export const HandoffUnitStatsSchema = z.object({
  unit: z.string(),
  name: z.string(),
  requested: z.number().int().nonnegative(),
  handled: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  median_minutes_to_claim: z.number().nullable(),
});
export type HandoffUnitStats = z.infer<typeof HandoffUnitStatsSchema>;

export const HandoffStatsSchema = HandoffUnitStatsSchema.extend({
  from: z.string(),
  to: z.string(),
  /** The unit's direct children (and the unit itself for members attached to it directly), every one listed. */
  children: z.array(HandoffUnitStatsSchema),
});
export type HandoffStats = z.infer<typeof HandoffStatsSchema>;

export const MoodSummarySchema = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  k: z.number().int(),
  members: count,
  mood_index: z.number().nullable(),
  cells: z.array(MoodCellSchema),
  alerts: z.array(MoodAlertDtoSchema),
  unit_name: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  /** The units from the reader's own unit down to this unit's parent, for the breadcrumb. */
  ancestors: z.array(z.object({ unit: z.string(), name: z.string() })),
  channel: z.string().nullable(),
  topic: z.string().nullable(),
  suppressed: z.boolean(),
  mood_index_band: z.object({ low: z.number(), high: z.number() }).nullable(),
  sentiment: z.object({ negative: count, neutral: count, positive: count }),
  children: z.array(MoodChildSchema),
  topics: z.array(MoodTopicSchema),
  heatmap: z.array(MoodHeatCellSchema),
  trend: z.object({ bucket: z.enum(['week', 'month']), points: z.array(MoodTrendPointSchema) }),
  /** Messages kept out of the figures (injection, spam, unsure): admins only, else null. */
  excluded: z.object({ injection: z.number(), spam: z.number(), low_confidence: z.number() }).nullable(),
  /** In monthly reports and their exports only (the dashboard does not ask for it); absent from reports stored before. */
  handoffs: HandoffStatsSchema.optional(),
});
export type MoodSummary = z.infer<typeof MoodSummarySchema>;

/** The stored monthly reports (issue #10 item 6): GET /api/admin/mood/reports. */
export const MoodReportListQuerySchema = z
  .object({
    /** Defaults to the caller's own unit. */
    unit: UnitCodeSchema.optional(),
    /** The month's first day; defaults to the newest stored month. */
    month: day.refine((value) => value.endsWith('-01'), 'ngày đầu tháng, dạng YYYY-MM-01').optional(),
  })
  .strict();

export const MoodReportItemSchema = z.object({
  unit: z.string(),
  name: z.string(),
  level: z.string(),
  month: z.string(),
  generated_at: z.string(),
  members: count,
  mood_index: z.number().nullable(),
  suppressed: z.boolean(),
  alerts: z.number().int(),
  /** The report's hand-off figures; null for reports stored before they were added. */
  handoffs: HandoffUnitStatsSchema.pick({ requested: true, handled: true, overdue: true, median_minutes_to_claim: true }).nullable(),
});
export type MoodReportItem = z.infer<typeof MoodReportItemSchema>;

export const MoodReportListSchema = z.object({
  unit: z.string(),
  unit_name: z.string(),
  /** Months with a stored report for this unit, newest first. */
  months: z.array(z.string()),
  month: z.string().nullable(),
  /** The k the stored reports were made with (hidden figures read "< k"). */
  k: z.number().int(),
  /** The unit's own report first, then its direct children's. */
  reports: z.array(MoodReportItemSchema),
});
export type MoodReportList = z.infer<typeof MoodReportListSchema>;

/** Example messages of one concern (issue #10 item 3): GET /api/admin/mood/examples, leaders and admins only. */
export const MoodExamplesQuerySchema = z
  .object({
    unit: UnitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    topic: z.enum(TOPICS),
    channel: z.enum(CHANNEL_IDS).optional(),
    /** The trend bucket of the summary the examples were opened from: its view is then the one already kept (D-mood-19). */
    bucket: z.enum(['week', 'month']).default('week'),
  })
  .strict();
export type MoodExamplesQuery = z.input<typeof MoodExamplesQuerySchema>;

export const MoodExamplesSchema = z.object({
  unit: z.string(),
  topic: z.string(),
  from: z.string(),
  to: z.string(),
  /** True when the topic's group is hidden in the summary (below k, or hidden so others stay hidden): no examples. */
  suppressed: z.boolean(),
  /** A few members' messages, personal data masked; no date, unit or channel that would point at the writer. */
  examples: z.array(z.object({ text: z.string(), sentiment: z.string() })),
});
export type MoodExamples = z.infer<typeof MoodExamplesSchema>;

/** GET /api/admin/mood/alerts/count: the navigation's badge and the inbox's notice (new = not yet seen by anyone). */
export const MoodAlertCountSchema = z.object({ open: z.number().int().nonnegative(), active: z.number().int().nonnegative() });
export type MoodAlertCount = z.infer<typeof MoodAlertCountSchema>;

/** GET /api/admin/mood/alerts and /alerts/:id/history. */
export const MoodAlertListSchema = z.object({ items: z.array(MoodAlertDtoSchema) });
export const MoodAlertHistorySchema = z.object({ history: z.array(z.object({ at: z.string(), action: z.string(), note: z.string().nullable(), actor: z.string().nullable() })) });

/**
 * What `GET /api/admin/mood/summary` answers with `Prefer: respond-async` when the view's figures are not kept yet
 * (202, `computing`: ask again after `retryAfterMs`) or their computation failed (503, `failed`, with its code; a new
 * ask after `retryAfterMs` queues it again). D-mood-18.
 */
export const MoodViewPendingSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('computing'), retryAfterMs: z.number().int().positive() }),
  z.object({ status: z.literal('failed'), code: z.string(), retryAfterMs: z.number().int().positive() }),
]);
export type MoodViewPending = z.infer<typeof MoodViewPendingSchema>;
