import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { purgeWholeMonths } from './message-month-purge.js';

/** What a purge removes (or, in a dry run, would remove). */
export interface PurgeCounts {
  messages: number;
  /** Learning-queue copies of purged messages (redacted, but still a member's words). */
  learningItems: number;
  /** Officers' internal notes on conversations, older than the cutoff. */
  notes: number;
  /** Per-part delivery records of purged replies. */
  deliveries: number;
}

/** Where `congdoan mood rebuild` must stop: days before it have no raw messages left. */
export const RETENTION_HORIZON_KEY = 'retention.messages_purged_before';


/** In-flight work is never purged, whatever its age: an unhandled member message or a reply still queued. */
function purgeable(cutoff: Date) {
  return sql`coalesce(m.processed_at, m.created_at) < ${cutoff.toISOString()}::timestamptz and not (m.direction = 'in' and m.status = 'received') and not (m.direction = 'out' and m.status = 'queued')`;
}

/** The first day whose raw messages are all kept, or null when nothing was ever purged. */
export async function retentionHorizon(db: Db): Promise<string | null> {
  const [row] = await executeRows<{ value: unknown }>(db, sql`select value from app_settings where key = ${RETENTION_HORIZON_KEY}`);
  return typeof row?.value === 'string' ? row.value : null;
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;

/**
 * Deletes raw conversation content older than the retention cutoff (Law 91/2025/QH15: personal data is kept
 * only as long as its purpose needs). Messages go in batches, each batch one transaction with its learning-queue
 * items and delivery records, so a large first purge never holds long locks on the hot tables. The mood rollups
 * are not touched: they hold counts, not words, and were written when the messages were handled.
 */
export function createRetentionRepository(db: Db) {
  return {
    async plan(cutoff: Date): Promise<PurgeCounts & { oldest: Date | null }> {
      const [row] = await executeRows<Record<string, unknown>>(
        db,
        sql`select
              (select count(*)::int from messages m where ${purgeable(cutoff)}) as messages,
              (select count(*)::int from unanswered_questions q join messages m on m.id = q.message_id where ${purgeable(cutoff)}) as learning_items,
              (select count(*)::int from conversation_notes n where n.created_at < ${cutoff.toISOString()}::timestamptz) as notes,
              (select count(*)::int from channel_deliveries d join messages m on m.id = d.outbound_message_id where ${purgeable(cutoff)}) as deliveries,
              (select min(coalesce(m.processed_at, m.created_at)) from messages m where ${purgeable(cutoff)}) as oldest`,
      );
      const oldest = row?.oldest ? (row.oldest instanceof Date ? row.oldest : new Date(String(row.oldest))) : null;
      return { messages: Number(row?.messages ?? 0), learningItems: Number(row?.learning_items ?? 0), notes: Number(row?.notes ?? 0), deliveries: Number(row?.deliveries ?? 0), oldest };
    },

    /**
     * Deletes what `plan` counts and records the new horizon: whole months first where `messages` is partitioned
     * (message-month-purge.ts), then the rest `batchSize` messages per transaction.
     */
    async purge(cutoff: Date, horizonDay: string, batchSize = 2000): Promise<PurgeCounts & { batches: number; monthsDropped: string[] }> {
      const months = await purgeWholeMonths(db, cutoff, purgeable(cutoff));
      const total: PurgeCounts & { batches: number; monthsDropped: string[] } = {
        messages: months.messages,
        learningItems: months.learningItems,
        notes: 0,
        deliveries: months.deliveries,
        batches: 0,
        monthsDropped: months.months,
      };
      for (;;) {
        const batch = await db.transaction(async (tx) => {
          const ids = (await executeRows<{ id: string }>(tx, sql`select m.id from messages m where ${purgeable(cutoff)} limit ${batchSize}`)).map((r) => r.id);
          if (ids.length === 0) return null;
          const list = sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          );
          const deliveries = await executeRows<{ n: number }>(tx, sql`with d as (delete from channel_deliveries where outbound_message_id in (${list}) returning 1) select count(*)::int as n from d`);
          const learning = await executeRows<{ n: number }>(tx, sql`with d as (delete from unanswered_questions where message_id in (${list}) returning 1) select count(*)::int as n from d`);
          await tx.execute(sql`delete from messages where id in (${list})`);
          return { messages: ids.length, deliveries: Number(deliveries[0]?.n ?? 0), learningItems: Number(learning[0]?.n ?? 0) };
        });
        if (!batch) break;
        total.batches += 1;
        total.messages += batch.messages;
        total.deliveries += batch.deliveries;
        total.learningItems += batch.learningItems;
        if (batch.messages < batchSize) break;
      }
      const notes = await executeRows<{ n: number }>(db, sql`with d as (delete from conversation_notes where created_at < ${cutoff.toISOString()}::timestamptz returning 1) select count(*)::int as n from d`);
      total.notes = Number(notes[0]?.n ?? 0);
      // The horizon only moves forward: a purge with a longer retention than an earlier one cannot bring data back.
      await db.execute(sql`
        insert into app_settings (key, value) values (${RETENTION_HORIZON_KEY}, ${JSON.stringify(horizonDay)}::jsonb)
        on conflict (key) do update set value = excluded.value, updated_at = now()
        where (app_settings.value #>> '{}') < (excluded.value #>> '{}')`);
      return total;
    },
  };
}
