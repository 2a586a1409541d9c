import { sql } from 'drizzle-orm';
import type { Logger } from '../../../core/ports/logger.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { invalidateAllMoodPeriods } from './mood-period-cache.js';
import { stagePseudonyms } from './mood-repository.js';
import type { SettingsRepository } from './settings-repository.js';
import { vietnamDay } from './turn-commit.js';

/**
 * Set when the first conversion ends. Starts in the next LATE_ROWS_DAYS search again, from that day on only: during a
 * rolling upgrade the processes of the older version keep writing members' ids until they stop, after the new
 * version's first start converted everything. Later starts skip the search.
 */
const DONE_SETTING = 'mood_pseudonyms_converted';
const LATE_ROWS_DAYS = 2;
const DAY_MS = 86_400_000;
const MEMBERS_PER_BATCH = 2_000;
/** Any constant of its own: bots/storage/migrate.ts holds another. */
const CONVERSION_LOCK_KEY = 61_300_213;

export interface PseudonymConversionReport {
  members: number;
  rows: number;
  /** Member-day rows that met a row the same member already had under the pseudonym (written by a newer process). */
  merged: number;
}

/**
 * The start-up step of D-privacy-6: mood rows written before pseudonyms carry the member's own id; each is rewritten
 * to the member's pseudonym, in batches of members, each batch one transaction. Where a newer process already wrote the
 * same member's row for that cell and day under the pseudonym (a rolling upgrade), the two rows are merged and the
 * cell's distinct-member count, which counted that member twice, is lowered by one. Safe to run from several
 * processes at once: the batches are taken in turn under an advisory lock.
 */
export async function convertLegacyMoodMembers(deps: { db: Db; pseudonyms: MemberPseudonyms; settings: SettingsRepository; logger: Logger }): Promise<PseudonymConversionReport> {
  const report: PseudonymConversionReport = { members: 0, rows: 0, merged: 0 };
  const done = await deps.settings.get<{ at?: unknown }>(DONE_SETTING);
  const doneAt = done === null ? null : new Date(typeof done.at === 'string' ? done.at : 0);
  if (doneAt !== null && !(Date.now() - doneAt.getTime() < LATE_ROWS_DAYS * DAY_MS)) return report;
  // Rows are written for the day of their processing, so the older version's late rows are of that day or later.
  const since = doneAt === null ? sql`true` : sql`d.day >= ${vietnamDay(doneAt)}::date`;
  // A member merged into another (channel linking) is no longer in `members`, but its rows still name it, and
  // channel_member_merges ties that id to the surviving member: they take the merged member's pseudonym, as a
  // newer process writes them until the merge (erasure and export follow the merges).
  const legacyMembers = sql`select distinct d.member_id::text as id from mood_member_day d
    where ${since} and (exists (select 1 from members mb where mb.id = d.member_id)
      or exists (select 1 from channel_member_merges mm where mm.from_member_id = d.member_id))
    limit ${MEMBERS_PER_BATCH}`;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      // Processes starting together take the batches in turn: two deletes of the same rows in different orders
      // could deadlock and fail a start, and a batch chosen after the other's commit finds only what is left.
      await tx.execute(sql`select pg_advisory_xact_lock(${CONVERSION_LOCK_KEY})`);
      await stagePseudonyms(tx, deps.pseudonyms, legacyMembers);
      const [counts] = await executeRows<{ members: number; rows: number; merged: number }>(
        tx,
        sql`with moved as (
            delete from mood_member_day d using mood_pseudonym_stage p where d.member_id = p.member_id
            returning d.day, d.unit_id, d.topic, d.sentiment, d.channel, p.pseudonym, d.messages, d.weight
          ),
          rewritten as (
            insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
            select day, unit_id, topic, sentiment, channel, pseudonym, messages, weight from moved
            on conflict on constraint mood_member_day_uq do update
              set messages = mood_member_day.messages + excluded.messages, weight = mood_member_day.weight + excluded.weight
            returning day, unit_id, topic, sentiment, channel, (xmax = 0) as inserted
          ),
          overcounted as (
            select day, unit_id, topic, sentiment, channel, count(*)::int as n from rewritten where not inserted group by 1, 2, 3, 4, 5
          ),
          lowered as (
            update mood_daily c set members = c.members - o.n from overcounted o
            where c.day = o.day and c.unit_id is not distinct from o.unit_id and c.topic = o.topic and c.sentiment = o.sentiment and c.channel = o.channel
            returning 1
          )
          select (select count(*)::int from mood_pseudonym_stage) as members, (select count(*)::int from rewritten) as rows,
            (select coalesce(sum(n), 0)::int from overcounted) as merged, (select count(*)::int from lowered) as lowered`,
      );
      if ((counts?.rows ?? 0) > 0) await invalidateAllMoodPeriods(tx);
      return counts ?? { members: 0, rows: 0, merged: 0 };
    });
    if (batch.members === 0) break;
    report.members += batch.members;
    report.rows += batch.rows;
    report.merged += batch.merged;
  }
  if (doneAt === null) await deps.settings.set(DONE_SETTING, { at: new Date().toISOString() });
  if (report.rows > 0) deps.logger.info({ ...report }, "mood rows now carry members' pseudonyms instead of their ids");
  return report;
}
