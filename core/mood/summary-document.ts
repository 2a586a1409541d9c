import type { MoodAlertDto, MoodSummary } from '../contracts/mood-api.js';
import { moodIndex, moodIndexBand } from './mood-index.js';
import { suppressCells, type SuppressionCell } from './suppression.js';

/** One row of the subtree aggregate (see bots/storage/repositories/mood-repository.ts `aggregate`). */
export interface AggregateRow {
  level: 'total' | 'child' | 'topic' | 'sentiment' | 'child_topic' | 'cell';
  child: string | null;
  topic: string | null;
  sentiment: string | null;
  members: number;
  negativeMembers: number;
  messages: number;
  positiveWeight: number;
  negativeWeight: number;
  totalWeight: number;
  /** Hidden whatever its size: e.g. a channel-filtered figure whose other channels form a group below k. */
  forceHidden?: boolean;
  /** Members in the first, last and smallest non-empty segment of the period (core/mood/period-grid.ts). */
  firstSegmentMembers?: number;
  lastSegmentMembers?: number;
  minSegmentMembers?: number;
  /** Members whose first appearance in the period is the latest segment anyone first appears in. */
  newcomersInLastSegment?: number;
  /** Members whose last appearance in the period is the earliest segment anyone last appears in. */
  leaversInFirstSegment?: number;
}

const isSmall = (n: number | undefined, k: number) => n !== undefined && n > 0 && n < k;

/**
 * Differencing across periods (D-mood-7). A period nested in this one and sharing an end differs from it by a run
 * of whole segments at the other end. Messages add up, so that run's messages are its members' messages: safe when
 * the first and last non-empty segments are groups of at least k. Distinct members do not add up: the difference
 * is the members who appear only in that run, i.e. (for runs at the end) those whose first appearance is there,
 * which is smallest for the latest such segment; likewise at the start with last appearances. A figure failing
 * either test is hidden like a small group.
 */
export function hiddenByPeriodEdges(row: Pick<AggregateRow, 'firstSegmentMembers' | 'lastSegmentMembers' | 'newcomersInLastSegment' | 'leaversInFirstSegment'>, k: number): boolean {
  return isSmall(row.firstSegmentMembers, k) || isSmall(row.lastSegmentMembers, k) || isSmall(row.newcomersInLastSegment, k) || isSmall(row.leaversInFirstSegment, k);
}

/**
 * Message counts add up exactly over time (distinct members do not), so three periods — left, middle, right — could
 * isolate a middle segment: a cell's message count is published only when none of its segments is a group below k.
 */
export function messagesHidden(row: Pick<AggregateRow, 'minSegmentMembers'>, k: number): boolean {
  return isSmall(row.minSegmentMembers, k);
}

export interface SummaryUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  hasChildren: boolean;
}

export interface SummaryInput {
  unit: SummaryUnit;
  parentCode: string | null;
  ancestors: { unit: string; name: string }[];
  /** Direct children of the unit, by id. */
  children: ReadonlyMap<string, SummaryUnit>;
  from: string;
  to: string;
  k: number;
  channel: string | null;
  /** A topic filter narrows the cells, heat map and trend; the other tables stay whole (see D-mood-3). */
  topic: string | null;
  rows: readonly AggregateRow[];
  previousTopicMembers: ReadonlyMap<string, number>;
  trend: { bucket: 'week' | 'month'; points: readonly { start: string; members: number; positiveWeight: number; negativeWeight: number; totalWeight: number }[] };
  excluded: Record<string, number> | null;
  alerts: MoodAlertDto[];
}

const SENTIMENT_ORDER = ['negative', 'neutral', 'positive'] as const;

const weightsOf = (row: AggregateRow) => ({ positive: row.positiveWeight, negative: row.negativeWeight, total: row.totalWeight });

/** A share is published only when both sides of it are empty or groups of at least k members. */
function shareOf(part: number, whole: number, k: number): number | null {
  if (whole <= 0) return null;
  const rest = whole - part;
  if ((part > 0 && part < k) || (rest > 0 && rest < k)) return null;
  return Math.round((1000 * part) / whole) / 1000;
}

/**
 * The summary document of one subtree and period, with k-anonymity applied table by table from the coarsest
 * down: a group hidden in a coarser table (a child unit, a topic) forces every finer cell inside it hidden, and
 * each table then gets complementary suppression against every total that is published beside it.
 */
export function buildSummaryDocument(input: SummaryInput): MoodSummary {
  const { k } = input;
  const rows = input.rows.map((row) => (hiddenByPeriodEdges(row, k) ? { ...row, forceHidden: true } : row));
  const total = rows.find((row) => row.level === 'total');
  const totalHidden = total !== undefined && ((total.members > 0 && total.members < k) || total.forceHidden === true);
  const childCode = (child: string | null) => (child ? (input.children.get(child)?.code ?? child) : input.unit.code);

  // Tables directly below the total: children, topics, sentiments. Each sums (at most) to the total.
  const table = (level: AggregateRow['level']) => rows.filter((row) => row.level === level);
  const firstLevel = (level: AggregateRow['level']) => {
    const list = table(level);
    const hidden = suppressCells(
      list.map((row) => ({ members: row.members, groups: ['all'] })),
      k,
      list.map((row) => totalHidden || row.forceHidden === true),
    );
    return { list, hidden };
  };
  const childTable = firstLevel('child');
  const topicTable = firstLevel('topic');
  const sentimentTable = firstLevel('sentiment');
  const hiddenChild = new Set(childTable.list.filter((_, i) => childTable.hidden[i]).map((row) => row.child ?? ''));
  const hiddenTopic = new Set(topicTable.list.filter((_, i) => topicTable.hidden[i]).map((row) => row.topic ?? ''));
  const hiddenSentiment = new Set(sentimentTable.list.filter((_, i) => sentimentTable.hidden[i]).map((row) => row.sentiment ?? ''));

  // Units × topics: totals by child and by topic are published.
  const heat = table('child_topic');
  const heatHidden = suppressCells(
    heat.map((row): SuppressionCell => ({ members: row.members, groups: [`c:${row.child}`, `t:${row.topic}`] })),
    k,
    heat.map((row) => totalHidden || row.forceHidden === true || hiddenChild.has(row.child ?? '') || hiddenTopic.has(row.topic ?? '')),
  );
  const hiddenHeat = new Set(heat.filter((_, i) => heatHidden[i]).map((row) => `${row.child}|${row.topic}`));

  // Units × topics × sentiments: every coarser table is a published total of some of these cells.
  const cellRows = table('cell');
  const cellHidden = suppressCells(
    cellRows.map((row): SuppressionCell => ({
      members: row.members,
      groups: [`c:${row.child}`, `t:${row.topic}`, `s:${row.sentiment}`, `ct:${row.child}|${row.topic}`, `ts:${row.topic}|${row.sentiment}`],
    })),
    k,
    cellRows.map(
      (row) =>
        totalHidden ||
        row.forceHidden === true ||
        hiddenChild.has(row.child ?? '') ||
        hiddenTopic.has(row.topic ?? '') ||
        hiddenSentiment.has(row.sentiment ?? '') ||
        hiddenHeat.has(`${row.child}|${row.topic}`),
    ),
  );

  const sentimentOf = (name: string) => {
    const index = sentimentTable.list.findIndex((row) => row.sentiment === name);
    if (index < 0) return totalHidden ? null : 0;
    return sentimentTable.hidden[index] ? null : (sentimentTable.list[index] as AggregateRow).members;
  };

  const children = childTable.list.map((row, i) => {
    const hidden = childTable.hidden[i] === true;
    const unit = row.child ? input.children.get(row.child) : undefined;
    return {
      unit: childCode(row.child),
      name: unit?.name ?? input.unit.name,
      level: unit?.level ?? input.unit.level,
      drillable: unit?.hasChildren === true,
      members: hidden ? null : row.members,
      mood_index: hidden ? null : moodIndex(weightsOf(row)),
      negative_share: hidden ? null : shareOf(row.negativeMembers, row.members, k),
      suppressed: hidden,
    };
  });
  children.sort((a, b) => (b.negative_share ?? -1) - (a.negative_share ?? -1) || a.unit.localeCompare(b.unit));

  const topics = topicTable.list.map((row, i) => {
    const hidden = topicTable.hidden[i] === true;
    const previous = input.previousTopicMembers.get(row.topic ?? '') ?? 0;
    const previousShown = previous === 0 || previous >= k ? previous : null;
    return {
      topic: row.topic ?? '',
      members: hidden ? null : row.members,
      previous_members: previousShown,
      change: !hidden && previousShown ? Math.round((1000 * (row.members - previousShown)) / previousShown) / 1000 : null,
      negative_share: hidden ? null : shareOf(row.negativeMembers, row.members, k),
      suppressed: hidden,
    };
  });
  topics.sort((a, b) => (b.members ?? -1) - (a.members ?? -1) || a.topic.localeCompare(b.topic));

  const inTopic = (topic: string) => input.topic === null || topic === input.topic;
  const heatmap = heat.map((row, i) => {
    const hidden = heatHidden[i] === true;
    return {
      unit: childCode(row.child),
      topic: row.topic ?? '',
      members: hidden ? null : row.members,
      negative_share: hidden ? null : shareOf(row.negativeMembers, row.members, k),
      suppressed: hidden,
    };
  }).filter((cell) => inTopic(cell.topic));

  const cells = cellRows
    .map((row, i) => {
      const hidden = cellHidden[i] === true;
      return { unit: childCode(row.child), topic: row.topic ?? '', sentiment: row.sentiment ?? '', members: hidden ? null : row.members, messages: hidden || messagesHidden(row, k) ? null : row.messages, suppressed: hidden };
    })
    .filter((cell) => inTopic(cell.topic))
    .sort((a, b) => a.unit.localeCompare(b.unit) || a.topic.localeCompare(b.topic) || SENTIMENT_ORDER.indexOf(a.sentiment as never) - SENTIMENT_ORDER.indexOf(b.sentiment as never));

  const points = input.trend.points.map((point) => {
    const hidden = point.members > 0 && point.members < k;
    const weights = { positive: point.positiveWeight, negative: point.negativeWeight, total: point.totalWeight };
    const band = hidden ? null : moodIndexBand(weights, point.members);
    return { start: point.start, members: hidden ? null : point.members, mood_index: hidden ? null : moodIndex(weights), low: band?.low ?? null, high: band?.high ?? null, suppressed: hidden };
  });

  return {
    unit: input.unit.code,
    from: input.from,
    to: input.to,
    k,
    members: total ? (totalHidden ? null : total.members) : 0,
    mood_index: total && !totalHidden ? moodIndex(weightsOf(total)) : null,
    cells,
    alerts: input.alerts,
    unit_name: input.unit.name,
    level: input.unit.level,
    parent: input.parentCode,
    ancestors: input.ancestors,
    channel: input.channel,
    topic: input.topic,
    suppressed: totalHidden,
    mood_index_band: total && !totalHidden ? moodIndexBand(weightsOf(total), total.members) : null,
    sentiment: { negative: sentimentOf('negative'), neutral: sentimentOf('neutral'), positive: sentimentOf('positive') },
    children,
    topics,
    heatmap,
    trend: { bucket: input.trend.bucket, points },
    excluded: input.excluded ? { injection: input.excluded.injection ?? 0, spam: input.excluded.spam ?? 0, low_confidence: input.excluded.low_confidence ?? 0 } : null,
  };
}
