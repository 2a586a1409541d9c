// Do the mood rollups keep up with the ingest (issue #10 item 8: "the rollups keep up with 2,000 messages/s")?
// On PostgreSQL every turn commits on its own (inboundBatch 1) and writes its rollup in the same transaction
// (`recordMood`: the member's day row, then the cell), so the question is how many of those transactions
// PostgreSQL takes per second from several workers at once, when members' messages pile onto the same cells: a
// payday morning, most messages about wages, a share from members without a union (all in the intake unit's cells).
// `congdoan demo generate`'s organisation and history first (BENCH_ROLLUP_MESSAGES, default 200,000; BENCH_ROLLUP_UNITS,
// default 10,000), then BENCH_ROLLUP_SECONDS (default 10) of writes from each of BENCH_ROLLUP_CONNECTIONS (default
// "4,16") concurrent connections. JSON lines; nothing is asserted.
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { generateDemo } from '../../bots/demo/demo-generator.js';
import { createMemberPseudonyms } from '../../bots/privacy/member-pseudonyms.js';
import { openDatabase } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { recordMood, recordMoodBatch, type MoodRecord } from '../../bots/storage/repositories/mood-repository.js';
import { isTransientConflict } from '../../bots/storage/transient-conflict.js';
import { TOPICS } from '../../core/nlu/labels.js';
import { createBenchDatabase } from './support/bench-database.js';

const MESSAGES = Number(process.env.BENCH_ROLLUP_MESSAGES ?? 200_000);
const UNITS = Number(process.env.BENCH_ROLLUP_UNITS ?? 10_000);
const SECONDS = Number(process.env.BENCH_ROLLUP_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_ROLLUP_CONNECTIONS ?? '4,16').split(',').map(Number);
/** Turns per transaction: 1 as the PostgreSQL workers commit today, and a batch as the embedded worker loop does. */
const BATCHES = (process.env.BENCH_ROLLUP_BATCHES ?? '1,50').split(',').map(Number);
/** Share of messages from members without a union: their turns all count in the intake unit's cells. */
const INTAKE_SHARE = 0.2;
const DAY = '2026-12-01';
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'rollup_ingest', ...record })}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (ms: number) => Math.round(ms * 10) / 10;

// Payday: half the counted messages are about wages, the rest spread over the other topics; mostly negative.
const WAGE_TOPICS = TOPICS.filter((topic) => topic.startsWith('wage'));
function topicOf(i: number): string {
  const pool = i % 2 === 0 && WAGE_TOPICS.length > 0 ? WAGE_TOPICS : TOPICS;
  return pool[(i * 7919) % pool.length]!;
}
const SENTIMENTS = ['negative', 'negative', 'negative', 'neutral', 'positive'] as const;
const CHANNELS = ['zalo', 'zalo', 'zalo', 'messenger', 'telegram', 'webchat'] as const;

const benchDatabase = await createBenchDatabase('rollup');
if (!benchDatabase) {
  emit({ skipped: 'PostgreSQL is not reachable on 127.0.0.1:5432: the rollup bench needs it' });
  process.exit(0);
}

try {
  const maxConnections = Math.max(...CONNECTIONS);
  const database = await openDatabase({ databaseUrl: benchDatabase.url, poolSize: maxConnections });
  const { db } = database;
  const generated = await generateDemo(db, { members: Math.max(1000, Math.round(MESSAGES / 10)), messages: MESSAGES, seed: 11, units: UNITS, days: 365, endDay: '2026-11-30' });
  emit({ step: 'demo generate', units: generated.units, members: generated.members, messages: generated.messages, ms: generated.ms, load: loadavg()[0] });
  const pseudonyms = createMemberPseudonyms(randomBytes(32));
  // Members weighted by their unit's size (conversations are spread like members), so big unions get more messages.
  const who = await executeRows<{ member_id: string; unit_id: string }>(db, sql`select member_id, unit_id from conversations order by md5(id::text) limit 20000`);
  const [intake] = await executeRows<{ id: string }>(db, sql`select id from units where level = 'province_or_sector' order by code limit 1`);
  let sequence = 0;
  const nextRecord = (): MoodRecord => {
    const i = sequence++;
    const member = who[(i * 104729) % who.length]!;
    return {
      day: DAY,
      unitId: i % 100 < INTAKE_SHARE * 100 ? intake!.id : member.unit_id,
      memberPseudonym: pseudonyms.of(member.member_id),
      channel: CHANNELS[i % CHANNELS.length]!,
      capture: { kind: 'counted', topic: topicOf(i), sentiment: SENTIMENTS[i % SENTIMENTS.length]!, weight: 1 },
    };
  };
  for (const batch of BATCHES) {
    for (const connections of CONNECTIONS) {
      const latencies: number[] = [];
      let conflicts = 0;
      let written = 0;
      const deadline = performance.now() + SECONDS * 1000;
      const started = performance.now();
      const writer = async () => {
        while (performance.now() < deadline) {
          const records = Array.from({ length: batch }, nextRecord);
          const begin = performance.now();
          try {
            await db.transaction((tx) => (batch === 1 ? recordMood(tx, records[0]!) : recordMoodBatch(tx, records)));
            written += batch;
          } catch (error) {
            if (!isTransientConflict(error)) throw error;
            conflicts++;
          }
          latencies.push(performance.now() - begin);
        }
      };
      await Promise.all(Array.from({ length: connections }, writer));
      const wall = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      emit({
        step: batch === 1 ? 'rollup writes, one transaction per turn (PostgreSQL workers)' : 'rollup writes, batched transactions (embedded worker loop)',
        turns_per_transaction: batch,
        connections,
        seconds: SECONDS,
        messages: written,
        msg_s: Math.round(written / wall),
        transaction_p50_ms: round(percentile(latencies, 50)),
        transaction_p95_ms: round(percentile(latencies, 95)),
        transaction_p99_ms: round(percentile(latencies, 99)),
        transient_conflicts: conflicts,
        intake_share: INTAKE_SHARE,
        load: loadavg()[0],
      });
    }
  }
  await database.close();
} finally {
  await benchDatabase.drop();
}
