import pg from 'pg';
import { sql } from 'drizzle-orm';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { ensureMessagePartitionsBetween } from '../../bots/storage/message-partitions.js';
import { createRetentionRepository } from '../../bots/storage/repositories/retention-repository.js';
import { createTestDatabase, requirePostgres, type TestDatabase } from '../support/backends.js';

const CONVERSATION = '00000000-0000-4000-8000-0000000000c1';
const CUTOFF = new Date('2024-01-01T00:00:00+07:00');

/**
 * Retention on PostgreSQL's monthly partitions (D-scale-7): a month whose every message is purgeable is dropped as a
 * whole partition with its dependants; a month holding work in flight, or a message handled after the cutoff, is left
 * to the row purge, which keeps exactly those; a month the detach cannot lock in time is purged row by row and
 * dropped, empty, at the next run. The counts equal the dry run's either way.
 */
describe('retention purge by whole months on PostgreSQL', () => {
  const backend = requirePostgres(); // fails the suite, never skips it, when PostgreSQL is missing
  let database: TestDatabase;
  const count = async (where: string) => (await executeRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${where}`)))[0]?.n ?? 0;
  const exists = async (table: string) => (await executeRows<{ t: string | null }>(database.db, sql`select to_regclass(${table})::text as t`))[0]?.t !== null;

  /** `n` messages of one kind in the Vietnam month `month` (YYYY-MM), with their dedupe rows, delivery and learning rows. */
  let fills = 0;
  async function fill(month: string, n: number, options: { status?: string; direction?: 'in' | 'out'; processedAt?: string } = {}): Promise<void> {
    const direction = options.direction ?? 'in';
    const tag = `${month}-${++fills}-`;
    await database.db.execute(sql`
      with inserted as (
        insert into messages (conversation_id, direction, channel, platform_message_id, author, content, text, status, created_at, processed_at)
        select ${CONVERSATION}, ${direction}, 'telegram', ${direction === 'in' ? sql`${tag} || g` : sql`null`},
               ${direction === 'in' ? 'member' : 'bot'}, '{"type":"text","text":"cũ"}', 'cũ', ${options.status ?? (direction === 'in' ? 'handled' : 'sent')},
               (${`${month}-10 09:00:00+07`})::timestamptz + g * interval '1 hour',
               coalesce(${options.processedAt ?? null}::timestamptz, (${`${month}-10 09:00:00+07`})::timestamptz + g * interval '1 hour')
        from generate_series(1, ${n}) g
        returning id, created_at, platform_message_id, direction
      ),
      dedupe as (
        insert into inbound_dedupe (channel, platform_message_id, message_id, message_created_at, conversation_id)
        select 'telegram', platform_message_id, id, created_at, ${CONVERSATION} from inserted where direction = 'in'
      ),
      learning as (
        insert into unanswered_questions (message_id, conversation_id, text, reason)
        select id, ${CONVERSATION}, 'cũ', 'low_confidence' from inserted where direction = 'in'
      )
      insert into channel_deliveries (outbound_message_id, part, channel, recipient, text_hash, status)
      select id, 0, 'telegram', 'u-1', 'h', 'sent' from inserted where direction = 'out'`);
  }

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await database.db.execute(sql`insert into members (id) values ('00000000-0000-4000-8000-000000000001')`);
    await database.db.execute(sql`insert into conversations (id, member_id, channel, thread_key, platform_user_id)
      values (${CONVERSATION}, '00000000-0000-4000-8000-000000000001', 'telegram', 'u-1', 'u-1')`);
    expect(await ensureMessagePartitionsBetween(database.db, new Date('2023-01-01T00:00:00+07:00'), new Date('2023-04-30T00:00:00+07:00'))).toBe(4);
    await fill('2023-01', 5);
    await fill('2023-01', 2, { direction: 'out' });
    await fill('2023-02', 3);
    await fill('2023-02', 1, { status: 'received' }); // in flight: never purged
    await fill('2023-03', 2);
    await fill('2023-03', 1, { processedAt: '2024-02-01 09:00:00+07' }); // handled after the cutoff: kept
    await fill('2023-04', 4);
  }, 120_000);
  afterAll(async () => database?.close());

  it('drops whole months where every message is purgeable and purges the rest row by row, with the dry run counts', async () => {
    const retention = createRetentionRepository(database.db);
    const plan = await retention.plan(CUTOFF);
    expect(plan).toMatchObject({ messages: 7 + 3 + 2 + 4 - 0, learningItems: 5 + 3 + 2 + 4, deliveries: 2 });

    // The detach needs the whole table: a reader holding one month past the lock time-out sends every month to the rows.
    const reader = new pg.Client({ connectionString: database.url as string });
    reader.on('error', () => undefined); // a failed test drops the database under it
    await reader.connect();
    await reader.query(`begin; select count(*) from messages_2023_04`);
    const held = await retention.purge(CUTOFF, '2024-01-01');
    await reader.query('rollback');
    await reader.end();

    expect(held).toMatchObject({ messages: plan.messages, learningItems: plan.learningItems, deliveries: plan.deliveries });
    expect(held.monthsDropped).toEqual([]);
    expect(await exists('messages_2023_01')).toBe(true);
    expect(await count('messages_2023_01')).toBe(0);

    // Next run: the emptied months go whole; the months keeping a row stay, with only that row.
    const next = await retention.purge(CUTOFF, '2024-01-01');
    expect(next).toMatchObject({ messages: 0, monthsDropped: ['messages_2023_01', 'messages_2023_04'] });
    expect(await exists('messages_2023_01')).toBe(false);
    expect(await count(`messages_2023_02 where status = 'received'`)).toBe(1);
    expect(await count('messages_2023_02')).toBe(1);
    expect(await count('messages_2023_03')).toBe(1);
    expect(await count(`inbound_dedupe where message_created_at < '2024-01-01'`)).toBe(2);
  });

  it('drops a month whole when nothing holds the table, with its dependants', async () => {
    await ensureMessagePartitionsBetween(database.db, new Date('2022-06-01T00:00:00+07:00'), new Date('2022-06-30T00:00:00+07:00'));
    await fill('2022-06', 6);
    await fill('2022-06', 3, { direction: 'out' });
    const retention = createRetentionRepository(database.db);
    const plan = await retention.plan(CUTOFF);
    expect(plan).toMatchObject({ messages: 9, learningItems: 6, deliveries: 3 });
    const purged = await retention.purge(CUTOFF, '2024-01-01');
    expect(purged).toMatchObject({ messages: 9, learningItems: 6, deliveries: 3, batches: 0, monthsDropped: ['messages_2022_06'] });
    expect(await exists('messages_2022_06')).toBe(false);
    expect(await count(`inbound_dedupe where message_created_at < '2023-01-01'`)).toBe(0);
    expect(await count(`unanswered_questions`)).toBe(2); // the two kept messages' learning rows
    expect(await count(`channel_deliveries`)).toBe(0);
    expect((await retention.plan(CUTOFF)).messages).toBe(0);
  });
});
