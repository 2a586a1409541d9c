import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { levelFilter, levelRoot, readMoodAggregate, type MoodAggregateReadRow, type MoodLevelScope } from './mood-aggregate-read.js';
import { TREND_FIGURES, trendRowOf, trendStart, type MoodTrendRow } from './mood-repository.js';

/**
 * The summary's reads for every subtree of one depth at once (docs/decisions.md D-mood-15): what the mood repository's
 * `aggregate`, `topicMembers`, `trend` and `excluded` return for each unit, from one pass over the level's rows instead
 * of one per unit. The channel-filtered answers come from the same pass as the unfiltered ones (a grouping set with the
 * channel), keyed `''` for all channels. Units without rows in the period are absent: their answer is empty.
 */
export type MoodLevelReads = ReturnType<typeof createMoodLevelReads>;

/** Per subtree root path, then per channel ('' = all channels): one answer. */
export type ByScopeAndChannel<T> = Map<string, Map<string, T>>;

function put<T>(into: ByScopeAndChannel<T>, scopePath: string, channel: string, make: () => T): T {
  const byChannel = into.get(scopePath) ?? new Map<string, T>();
  into.set(scopePath, byChannel);
  const value = byChannel.get(channel) ?? make();
  byChannel.set(channel, value);
  return value;
}

export function createMoodLevelReads(db: Db) {
  return {
    /** Each subtree's aggregate rows, exactly as `aggregate(scope, options)` of that subtree returns them. */
    async aggregate(level: MoodLevelScope, options: { byChannel?: boolean; unitsOnly?: boolean }): Promise<Map<string, MoodAggregateReadRow[]>> {
      const byScope = new Map<string, MoodAggregateReadRow[]>();
      for (const { scopePath, ...row } of await readMoodAggregate(db, { level }, options)) {
        const rows = byScope.get(scopePath) ?? [];
        rows.push(row);
        byScope.set(scopePath, rows);
      }
      return byScope;
    },

    /** Distinct members per topic of each subtree, all channels and each (the previous period's topic change). */
    async topicMembers(level: MoodLevelScope): Promise<ByScopeAndChannel<[string, number][]>> {
      const rows = await executeRows<{ scope_path: string; channel: string | null; all_channels: number; topic: string; members: number }>(
        db,
        sql`select scope_path, channel, grouping(channel) as all_channels, topic, count(distinct member_id)::int as members
            from (select ${levelRoot(level)} as scope_path, m.channel, m.topic, m.member_id
                  from mood_member_day m join units u on u.id = m.unit_id where ${levelFilter(level)}) s
            group by grouping sets ((scope_path, topic), (scope_path, channel, topic))`,
      );
      const out: ByScopeAndChannel<[string, number][]> = new Map();
      for (const row of rows) put(out, row.scope_path, Number(row.all_channels) ? '' : String(row.channel), () => []).push([row.topic, Number(row.members)]);
      return out;
    },

    /** Each subtree's trend points (week of the month or calendar month), all channels and each, in time order. */
    async trend(level: MoodLevelScope, bucket: 'week' | 'month'): Promise<ByScopeAndChannel<MoodTrendRow[]>> {
      const rows = await executeRows<Record<string, unknown>>(
        db,
        sql`select scope_path, channel, grouping(channel) as all_channels, start, ${TREND_FIGURES}
            from (select ${levelRoot(level)} as scope_path, m.channel, m.member_id, m.weight, m.sentiment, ${trendStart(bucket)} as start
                  from mood_member_day m join units u on u.id = m.unit_id where ${levelFilter(level)}) m
            group by grouping sets ((scope_path, start), (scope_path, channel, start))
            order by start`,
      );
      const out: ByScopeAndChannel<MoodTrendRow[]> = new Map();
      for (const row of rows) put(out, String(row.scope_path), Number(row.all_channels) ? '' : String(row.channel), () => []).push(trendRowOf(row));
      return out;
    },

    /** Messages kept out of the figures per reason, of each subtree, all channels and each. */
    async excluded(level: MoodLevelScope): Promise<ByScopeAndChannel<Record<string, number>>> {
      const rows = await executeRows<{ scope_path: string; channel: string | null; all_channels: number; reason: string; messages: number }>(
        db,
        sql`select scope_path, channel, grouping(channel) as all_channels, reason, sum(messages)::int as messages
            from (select ${levelRoot(level)} as scope_path, m.channel, m.reason, m.messages
                  from mood_excluded_daily m join units u on u.id = m.unit_id where ${levelFilter(level)}) s
            group by grouping sets ((scope_path, reason), (scope_path, channel, reason))`,
      );
      const out: ByScopeAndChannel<Record<string, number>> = new Map();
      for (const row of rows) put<Record<string, number>>(out, row.scope_path, Number(row.all_channels) ? '' : String(row.channel), () => ({}))[row.reason] = Number(row.messages);
      return out;
    },
  };
}
