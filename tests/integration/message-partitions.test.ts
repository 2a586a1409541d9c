import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { ensureMessagePartitionsBetween } from '../../bots/storage/message-partitions.js';
import { MIGRATIONS_FOLDER } from '../../bots/storage/migrate.js';
import { createIngestRepository, type RecordInboundInput } from '../../bots/storage/repositories/ingest-repository.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase, requirePostgres, testBackends, type TestDatabase } from '../support/backends.js';
import { withDatabase } from '../support/test-services.js';

/**
 * Issue #12 item 6 (D-scale-6): `messages` is partitioned by month on PostgreSQL. The upgrade is tested on a
 * database filled at the previous migration: every row kept in its month, the inbound dedupe carried over (a
 * redelivery of a message stored before the upgrade is still a duplicate), the sequence continuing, and a query
 * on recent messages reading recent partitions only.
 */
const inbound = (platformMessageId: string, at: Date, user = 'u-1'): RecordInboundInput => ({
  channel: 'telegram',
  platformMessageId,
  sender: { platformUserId: user, threadId: user },
  content: { type: 'text', text: `tin ${platformMessageId}` },
  sentAt: at,
  receivedAt: at,
});

describe.each(testBackends())('inbound dedupe table on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('keeps one message per platform id across months, and a deleted message frees its id', async () => {
    const ingest = createIngestRepository(database.db);
    const first = await ingest.recordInbound(inbound('p-1', new Date('2026-01-15T03:00:00Z')));
    const again = await ingest.recordInbound(inbound('p-1', new Date('2026-06-15T03:00:00Z')));
    expect(first.status).toBe('accepted');
    expect(again.status).toBe('duplicate');
    const [batchFirst, batchAgain] = await ingest.recordInboundBatch([inbound('p-2', new Date('2026-02-01T00:00:00Z')), inbound('p-1', new Date('2026-07-01T00:00:00Z'))]);
    expect(batchFirst?.status).toBe('accepted');
    expect(batchAgain?.status).toBe('duplicate');
    const kind = await executeRows<{ relkind: string }>(database.db, sql`select relkind from pg_class where oid = to_regclass('messages')`);
    expect(kind[0]?.relkind).toBe(backend.name === 'postgres' ? 'p' : 'r');

    // Erasure and retention delete messages; their dedupe rows go with them (on delete cascade).
    const id = first.status === 'accepted' ? first.messageId : '';
    await executeRows(database.db, sql`delete from messages where id = ${id}`);
    const left = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from inbound_dedupe where platform_message_id = 'p-1'`);
    expect(left[0]?.n).toBe(0);
    ingest.forgetThreads();
    expect((await ingest.recordInbound(inbound('p-1', new Date('2026-08-01T00:00:00Z')))).status).toBe('accepted');
  });
});

describe('upgrade of a filled PostgreSQL database to monthly partitions', () => {
  requirePostgres(); // fails the suite, never skips it, when PostgreSQL is missing
  const adminUrl = process.env.CD_TEST_PG_ADMIN_URL as string;
  const name = `cdt_${process.pid}_partitions`;
  const url = withDatabase(adminUrl, name);
  let folder: string;
  let database: Database | null = null;

  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`drop database if exists "${name}" with (force)`);
    await admin(`create database "${name}"`);
    // The migrations as they were before 0020: the same folder with the journal cut before it.
    folder = mkdtempSync(join(tmpdir(), 'cd-migrations-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag < '0020');
    writeFileSync(journalPath, JSON.stringify(journal));
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
      await client.query(`
        insert into members (id) values ('00000000-0000-4000-8000-000000000001');
        insert into conversations (id, member_id, channel, thread_key, platform_user_id)
          values ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', 'telegram', 'old-user', 'old-user');
        insert into messages (id, conversation_id, conv_seq, direction, channel, platform_message_id, author, content, text, status, created_at)
        select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-0000000000c1', g, 'in', 'telegram',
               'old-' || g, 'member', '{"type":"text","text":"cũ"}', 'cũ', 'handled',
               timestamptz '2025-01-10 05:00:00+07' + (g * interval '20 days')
        from generate_series(1, 30) g;
        insert into messages (conversation_id, direction, channel, author, content, text, status, created_at, reply_to_message_id)
          values ('00000000-0000-4000-8000-0000000000c1', 'out', 'telegram', 'bot', '{"type":"text","text":"đáp"}', 'đáp', 'sent',
                  timestamptz '2025-01-30 05:00:00+07', '00000000-0000-4000-8000-000000000001');
        insert into unanswered_questions (message_id, conversation_id, text, reason)
          values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000c1', 'cũ', 'low_confidence');`);
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await database?.close();
    await admin(`drop database if exists "${name}" with (force)`);
    rmSync(folder, { recursive: true, force: true });
  });

  it('moves every row to its month, carries the dedupe over and keeps numbering', async () => {
    const before = await countAndMaxSeq(url);
    database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const db = database.db;

    const kind = await executeRows<{ relkind: string }>(db, sql`select relkind from pg_class where oid = to_regclass('messages')`);
    expect(kind[0]?.relkind).toBe('p');
    const after = await executeRows<{ n: number; max_seq: string }>(db, sql`select count(*)::int as n, max(seq)::text as max_seq from messages`);
    expect(after[0]?.n).toBe(before.n);
    // Each row sits in the partition named after its Vietnam month; none was left in the default partition.
    const misplaced = await executeRows<{ n: number }>(db, sql`
      select count(*)::int as n from messages
      where tableoid::regclass::text <> 'messages_' || to_char(created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY_MM')`);
    expect(misplaced[0]?.n).toBe(0);
    const dedupe = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from inbound_dedupe`);
    expect(dedupe[0]?.n).toBe(30);

    const ingest = createIngestRepository(db);
    const redelivered = await ingest.recordInbound({ ...inbound('old-7', new Date()), sender: { platformUserId: 'old-user', threadId: 'old-user' } });
    expect(redelivered.status).toBe('duplicate');
    const fresh = await ingest.recordInbound({ ...inbound('new-1', new Date()), sender: { platformUserId: 'old-user', threadId: 'old-user' } });
    expect(fresh.status).toBe('accepted');
    const seq = await executeRows<{ seq: string }>(db, sql`select seq::text from messages where platform_message_id = 'new-1'`);
    expect(BigInt(seq[0]?.seq ?? '0')).toBeGreaterThan(BigInt(before.maxSeq));

    // Partitions exist ahead of today, and a query on recent messages reads only the recent ones.
    const ahead = await executeRows<{ n: number }>(db, sql`
      select count(*)::int as n from pg_inherits where inhparent = 'messages'::regclass
        and inhrelid::regclass::text >= 'messages_' || to_char((now() + interval '2 months') at time zone 'Asia/Ho_Chi_Minh', 'YYYY_MM')`);
    expect(ahead[0]?.n).toBeGreaterThanOrEqual(1);
    const plan = (await executeRows<{ 'QUERY PLAN': string }>(db, sql`explain select count(*) from messages where created_at >= now() - interval '7 days'`))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    expect(plan).not.toMatch(/messages_2025_/);
    expect(plan).toMatch(/messages_\d{4}_\d{2}/);
  });

  it('creates the partitions a backdated load needs, and leaves a month with rows in the default partition alone', async () => {
    const db = (database as Database).db;
    await executeRows(db, sql`
      insert into messages (conversation_id, direction, channel, author, content, text, status, created_at)
      values ('00000000-0000-4000-8000-0000000000c1', 'out', 'telegram', 'bot', '{}', 'x', 'sent', timestamptz '2020-03-05 00:00:00+07')`);
    expect(await ensureMessagePartitionsBetween(db, new Date('2020-03-01T00:00:00+07:00'), new Date('2020-05-01T00:00:00+07:00'))).toBe(2);
    const months = await executeRows<{ name: string }>(db, sql`
      select inhrelid::regclass::text as name from pg_inherits where inhparent = 'messages'::regclass and inhrelid::regclass::text like 'messages_2020%' order by 1`);
    expect(months.map((row) => row.name)).toEqual(['messages_2020_04', 'messages_2020_05']);
  });
});

async function countAndMaxSeq(url: string): Promise<{ n: number; maxSeq: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number; max_seq: string }>('select count(*)::int as n, max(seq)::text as max_seq from messages');
    return { n: result.rows[0]?.n ?? 0, maxSeq: result.rows[0]?.max_seq ?? '0' };
  } finally {
    await client.end();
  }
}
