// Officers' inbox API latency on a large PostgreSQL inbox (issue #9 §11): `congdoan demo generate`'s data
// (BENCH_INBOX_CONVERSATIONS, default 100,000 conversations × 10 messages), then the list and conversation-view
// APIs through a real server process, sequentially (one officer's clicks), p50/p95/p99 per scenario.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../bots/auth/password.js';
import { generateInboxDemo } from '../../bots/seed/generate-inbox-demo.js';
import { openDatabase } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { createUserRepository } from '../../bots/storage/repositories/user-repository.js';
import { startBenchServer } from './support/bench-backends.js';
import { createBenchDatabase } from './support/bench-database.js';

const CONVERSATIONS = Number(process.env.BENCH_INBOX_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 200);
const PASSWORD = 'bench-mat-khau-123';
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ suite: 'inbox', ...record })}\n`);

const benchDatabase = await createBenchDatabase('inbox');
if (!benchDatabase) {
  emit({ skipped: 'PostgreSQL is not reachable on 127.0.0.1:5432: the inbox bench needs it' });
  process.exit(0);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

try {
  const database = await openDatabase({ databaseUrl: benchDatabase.url, poolSize: 4 });
  const generated = await generateInboxDemo(database.db, { conversations: CONVERSATIONS, messagesPerConversation: 10, units: 300 });
  emit({ step: 'demo generate', ...generated });
  const units = createUnitRepository(database.db);
  const users = createUserRepository(database.db);
  const accounts = [
    ['bench-admin@congdoan.demo', 'TLD', 'admin'],
    ['bench-leader@congdoan.demo', 'HN', 'leader'],
    ['bench-officer@congdoan.demo', 'DEMO-0002', 'officer'],
  ] as const;
  for (const [email, unitCode, role] of accounts) {
    const unit = await units.findByCode(unitCode);
    await users.create({ email, passwordHash: await hashPassword(PASSWORD), role, unitId: unit!.id, displayName: email });
  }
  // The officer holds the claimed conversations of their union, like a colleague who has been at it all day.
  await database.db.execute(
    sql`update conversations set assigned_officer_id = (select id from users where email = 'bench-officer@congdoan.demo')
        where state = 'officer' and unit_id = (select id from units where code = 'DEMO-0002')`,
  );
  const sample = await executeRows<{ id: string }>(database.db, sql`select id from conversations where state in ('waiting_officer', 'officer') order by md5(id::text) limit 100`);
  await database.close();

  const server = await startBenchServer({ DATABASE_URL: benchDatabase.url, WORKERS_IN_PROCESS: 'false' });
  try {
    const base = `http://127.0.0.1:${server.port}/api/admin`;
    const token: Record<string, string> = {};
    for (const [email] of accounts) {
      const login = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, bearer: true }) });
      token[email] = ((await login.json()) as { token: string }).token;
    }
    const get = async (email: string, path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token[email]}` } });
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as { items?: unknown[]; nextCursor?: string | null };
    };
    const firstPage = await get('bench-admin@congdoan.demo', '/conversations?view=all&limit=50');
    // `concurrency`: that many officers' requests in flight at once (the live inbox refetches every open list on each event).
    const scenarios: { name: string; email: string; path: (i: number) => string; concurrency?: number }[] = [
      { name: 'list waiting (national admin)', email: 'bench-admin@congdoan.demo', path: () => '/conversations?view=waiting&limit=50' },
      { name: 'list all open (national admin)', email: 'bench-admin@congdoan.demo', path: () => '/conversations?view=all&limit=50' },
      { name: 'list all open, page 2 (cursor)', email: 'bench-admin@congdoan.demo', path: () => `/conversations?view=all&limit=50&cursor=${firstPage.nextCursor}` },
      { name: 'list all open, topic filter', email: 'bench-admin@congdoan.demo', path: () => '/conversations?view=all&limit=50&topic=wage_arrears' },
      { name: 'list closed (national admin)', email: 'bench-admin@congdoan.demo', path: () => '/conversations?view=all&state=closed&limit=50' },
      { name: 'list waiting (province leader)', email: 'bench-leader@congdoan.demo', path: () => '/conversations?view=waiting&limit=50' },
      { name: 'list mine (grassroots officer)', email: 'bench-officer@congdoan.demo', path: () => '/conversations?view=mine&limit=50' },
      { name: 'conversation view (national admin)', email: 'bench-admin@congdoan.demo', path: (i) => `/conversations/${sample[i % sample.length]?.id}` },
      { name: 'list waiting (national admin), 8 at once', email: 'bench-admin@congdoan.demo', path: () => '/conversations?view=waiting&limit=50', concurrency: 8 },
      { name: 'conversation view (national admin), 8 at once', email: 'bench-admin@congdoan.demo', path: (i) => `/conversations/${sample[i % sample.length]?.id}`, concurrency: 8 },
    ];
    for (const scenario of scenarios) {
      for (let i = 0; i < 20; i++) await get(scenario.email, scenario.path(i)); // warm-up
      const times: number[] = [];
      const concurrency = scenario.concurrency ?? 1;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = next++; i < REQUESTS; i = next++) {
            const at = performance.now();
            await get(scenario.email, scenario.path(i));
            times.push(performance.now() - at);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      emit({
        scenario: scenario.name,
        conversations: CONVERSATIONS,
        requests: REQUESTS,
        concurrency,
        requestsPerSecond: Math.round(REQUESTS / seconds),
        loadAverage: Number(loadavg()[0]?.toFixed(1)),
        p50Ms: Number(percentile(times, 50).toFixed(1)),
        p95Ms: Number(percentile(times, 95).toFixed(1)),
        p99Ms: Number(percentile(times, 99).toFixed(1)),
      });
    }
  } finally {
    await server.stop();
  }
} finally {
  await benchDatabase.drop();
}
