import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import type { MoodMoves, MovedMoodRow } from '../schema/mood-moves.js';

const cell = (a: string, b: string) =>
  sql.raw(`${a}.day = ${b}.day and ${a}.unit_id is not distinct from ${b}.unit_id and ${a}.topic = ${b}.topic and ${a}.sentiment = ${b}.sentiment and ${a}.channel = ${b}.channel`);

/**
 * A member merged into another by channel linking counts as one member at once (D-privacy-9): the merged member's
 * day rows are re-keyed to the surviving member's pseudonym, summed into its row where both spoke in the same cell
 * that day, and that cell then counts one member less — what `mood rebuild` computes from the merged conversations.
 * Kept answers of the days touched are dropped. `tx` is the merge's transaction. Returns what moved (null: nothing).
 */
export async function mergeMoodMember(tx: Db, fromPseudonym: string, intoPseudonym: string): Promise<MoodMoves | null> {
  const rows = await executeRows<MovedMoodRow & { shared: boolean }>(
    tx,
    sql`with moved as (
        delete from mood_member_day where member_id = ${fromPseudonym}::uuid
        returning day, unit_id, topic, sentiment, channel, messages, weight
      ),
      merged as (
        insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
        select day, unit_id, topic, sentiment, channel, ${intoPseudonym}::uuid, messages, weight from moved
        on conflict on constraint mood_member_day_uq do update
          set messages = mood_member_day.messages + excluded.messages, weight = mood_member_day.weight + excluded.weight
        returning day, unit_id, topic, sentiment, channel, (xmax = 0) as inserted
      ),
      counted as (
        update mood_daily d set members = d.members - 1 from merged m where not m.inserted and ${cell('d', 'm')} returning 1
      ),
      invalidated as (
        delete from mood_period_cache c where exists (select 1 from moved where moved.day between c.from_day and c.to_day) returning 1
      )
      select mv.day::text as day, mv.unit_id, mv.topic, mv.sentiment, mv.channel, mv.messages, mv.weight::float8 as weight, not m.inserted as shared
      from moved mv join merged m on ${cell('mv', 'm')}`,
  );
  if (rows.length === 0) return null;
  return { from: fromPseudonym, into: intoPseudonym, rows: rows.map(({ shared: _shared, ...row }) => ({ ...row, messages: Number(row.messages), weight: Number(row.weight) })) };
}

/**
 * Undoing a link within its window: the rows a merge moved go back to the merged member's pseudonym, taken out of
 * the surviving member's rows; a cell where the survivor still has messages of its own counts two members again.
 * Messages written after the link stay with the survivor, as their conversations did until the undo.
 */
export async function unmergeMoodMember(tx: Db, moves: MoodMoves): Promise<void> {
  const input = sql`jsonb_to_recordset(${JSON.stringify(moves.rows)}::jsonb) as r(day date, unit_id uuid, topic text, sentiment text, channel text, messages integer, weight real)`;
  const left = await executeRows<{ day: string; unit_id: string | null; topic: string; sentiment: string; channel: string; messages: number }>(
    tx,
    sql`update mood_member_day d set messages = d.messages - r.messages, weight = d.weight - r.weight
        from ${input} where d.member_id = ${moves.into}::uuid and ${cell('d', 'r')}
        returning d.day::text as day, d.unit_id, d.topic, d.sentiment, d.channel, d.messages`,
  );
  await tx.execute(sql`delete from mood_member_day where member_id = ${moves.into}::uuid and messages <= 0`);
  await tx.execute(sql`
    insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
    select day, unit_id, topic, sentiment, channel, ${moves.from}::uuid, messages, weight from ${input}
    on conflict on constraint mood_member_day_uq do update
      set messages = mood_member_day.messages + excluded.messages, weight = mood_member_day.weight + excluded.weight`);
  // Every cell counts one member more, except where the survivor's row was only the moved one (it was replaced).
  const consumed = left.filter((row) => Number(row.messages) <= 0);
  const gone = sql`jsonb_to_recordset(${JSON.stringify(consumed)}::jsonb) as g(day date, unit_id uuid, topic text, sentiment text, channel text)`;
  await tx.execute(sql`
    update mood_daily d set members = d.members + 1 from ${input}
    where ${cell('d', 'r')} and not exists (select 1 from ${gone} where ${cell('g', 'r')})`);
  await tx.execute(sql`delete from mood_period_cache c where exists (select 1 from ${input} where r.day between c.from_day and c.to_day)`);
}
