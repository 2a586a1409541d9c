import { sql } from 'drizzle-orm';
import { TOPICS } from '../../core/nlu/labels.js';
import type { Db } from '../storage/database.js';
import { executeRows } from '../storage/execute-rows.js';
import { bumpKnowledgeVersion } from '../storage/repositories/knowledge-version-repository.js';
import { createUnitRepository } from '../storage/repositories/unit-repository.js';
import { DEMO_UNITS } from './demo-organisation.js';

export interface InboxDemoOptions {
  conversations: number;
  messagesPerConversation: number;
  /** Grassroots unions generated under the demo's two industrial-zone unions. */
  units: number;
}

export interface InboxDemoReport {
  units: number;
  members: number;
  conversations: number;
  messages: number;
  ms: number;
  skipped: boolean;
}

/** What members write, by topic (same order as TOPICS), and the bot's kind of answer: realistic enough for plans and sizes. */
const MEMBER_TEXTS = [
  'Lương tháng này của em bị trả thiếu so với hợp đồng thì phải làm sao ạ?',
  'Công ty nợ lương hai tháng rồi, em cần làm gì để đòi?',
  'Tuần này bắt tăng ca đến 10 giờ tối mỗi ngày có đúng luật không?',
  'Hợp đồng thử việc của em kéo dài 3 tháng có hợp lệ không?',
  'Công ty cho em nghỉ việc mà không báo trước thì có được bồi thường không?',
  'Em mang thai tháng thứ 7, chế độ thai sản được bao nhiêu tháng?',
  'Công ty không đóng bảo hiểm xã hội cho em thì em làm sao?',
  'Xưởng nóng quá, không có quạt, nhiều người bị choáng.',
  'Tổ trưởng hay nói lời khó nghe và sàm sỡ chị em trong tổ.',
  'Em muốn gia nhập công đoàn thì cần thủ tục gì?',
  'Cả xưởng muốn ngừng việc vì công ty cắt thưởng, có được không?',
  'Phòng trọ công ty bố trí bị dột, không có nước sạch.',
  'Công đoàn có lớp học nghề buổi tối nào không ạ?',
  'Cho em hỏi chuyện khác một chút.',
];
const BOT_TEXT = 'Theo quy định hiện hành, bạn có quyền được hướng dẫn cụ thể. Căn cứ: Điều 98 Bộ luật Lao động 2019.';
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Hoa', 'Đặng Văn Khoa', 'Bùi Thị Lan', 'Đỗ Văn Minh', 'Ngô Thị Nga'];
const CHANNELS = ['zalo', 'messenger', 'web', 'telegram'];
const SENTIMENTS = ['negative', 'neutral', 'negative', 'positive', 'neutral'];

const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`);

/**
 * `congdoan demo generate`: fills the database with a large, realistic inbox for benchmarks (issue #9 §11):
 * grassroots unions under the demo organisation, one member and one conversation per member on the four
 * channels (3 % waiting for an officer, 3 % with an officer, 20 % closed, the rest with the bot) and their
 * messages with NLU labels. Set-based SQL (generate_series, ids from md5 of the row number), so 100,000
 * conversations and 1,000,000 messages take a minute on PostgreSQL, not an hour of round trips. Runs once: a
 * database that already holds generated conversations is left as it is.
 */
export async function generateInboxDemo(db: Db, options: InboxDemoOptions): Promise<InboxDemoReport> {
  const started = Date.now();
  const [existing] = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from conversations where thread_key like 'inboxdemo-%'`);
  if ((existing?.n ?? 0) > 0) return { units: 0, members: 0, conversations: Number(existing?.n), messages: 0, ms: Date.now() - started, skipped: true };
  await createUnitRepository(db).upsertUnits(DEMO_UNITS);
  const n = options.conversations;
  const perConversation = options.messagesPerConversation;
  // One transaction: one connection, so the session's helper function exists for every statement; all or nothing.
  await db.transaction(async (tx) => {
    // Ids derived from the row number (so rows can be joined without a lookup table), shaped as UUID v4.
    await tx.execute(sql`create or replace function pg_temp.demo_uuid(seed text) returns uuid language sql immutable as
      $$ select overlay(overlay(md5(seed) placing '4' from 13) placing '8' from 17)::uuid $$`);
    await tx.execute(sql`
      insert into units (id, code, name, level, parent_id, path)
      select x.id, 'DEMO-' || lpad(x.g::text, 4, '0'), 'CĐCS Công ty demo số ' || x.g, 'grassroots', p.id, p.path || x.id || '/'
      from (select gen_random_uuid() as id, g from generate_series(1, ${options.units}) g) x
      join units p on p.code = (case when x.g % 2 = 0 then 'HN-KCN' else 'HCM-KCX' end)
      on conflict (code) do nothing`);
    // Written in SQL: running processes drop their unit caches when this version moves (D-embedded-speed-5).
    await bumpKnowledgeVersion(tx as unknown as Db, 'units');
    // One officer per generated union (not able to log in: the hash is no argon2 hash), to hold claimed conversations.
    await tx.execute(sql`
      insert into users (id, email, password_hash, role, unit_id, display_name, availability)
      select pg_temp.demo_uuid('do' || u.code), lower(u.code) || '@officer.demo', '!', 'officer', u.id, 'Cán bộ ' || u.code, 'available'
      from units u where u.code like 'DEMO-%'
      on conflict do nothing`);
    await tx.execute(sql`
      with u as (select array_agg(id order by code) as ids from units where code like 'DEMO-%')
      insert into members (id, unit_id, display_name, consent, created_at, updated_at)
      select pg_temp.demo_uuid('dm' || g), u.ids[1 + (g % array_length(u.ids, 1))],
             case when g % 3 = 0 then null else (${textArray(NAMES)})[1 + g % ${NAMES.length}] end,
             case when g % 5 = 0 then 'granted' else 'unknown' end,
             now() - (g % 90) * interval '1 day', now()
      from generate_series(1, ${n}) g, u`);
    await tx.execute(sql`
      insert into channel_identities (member_id, channel, platform_user_id)
      select pg_temp.demo_uuid('dm' || g), (${textArray(CHANNELS)})[1 + g % 4], 'inboxdemo-' || g from generate_series(1, ${n}) g`);
    await tx.execute(sql`
      insert into conversations (id, member_id, channel, thread_key, platform_user_id, unit_id, state, assigned_officer_id, inbound_seq,
                                 last_inbound_at, last_outbound_at, urgent, handed_off_at, queue_unit_id, sla_due_at, overdue, claimed_at,
                                 resolution, created_at, updated_at, closed_at)
      select pg_temp.demo_uuid('dc' || x.g), m.id, (${textArray(CHANNELS)})[1 + x.g % 4], 'inboxdemo-' || x.g, 'inboxdemo-' || x.g, m.unit_id,
             x.state, case when x.state = 'officer' then pg_temp.demo_uuid('do' || un.code) end, ${Math.ceil(perConversation / 2)},
             x.at, x.at, x.g % 500 = 0, case when x.state in ('waiting_officer', 'officer') then x.at end,
             case when x.state in ('waiting_officer', 'officer') then m.unit_id end,
             case when x.state = 'waiting_officer' then x.at + interval '30 minutes' end,
             x.state = 'waiting_officer' and x.g % 7 = 0,
             case when x.state = 'officer' then x.at + interval '5 minutes' end,
             case when x.state = 'closed' then 'resolved' end,
             x.at - interval '1 hour', x.at, case when x.state = 'closed' then x.at end
      from (
        select g, now() - (g % 43200) * interval '1 minute' as at,
               case when g % 100 < 3 then 'waiting_officer' when g % 100 < 6 then 'officer' when g % 100 < 26 then 'closed' else 'bot' end as state
        from generate_series(1, ${n}) g
      ) x
      join members m on m.id = pg_temp.demo_uuid('dm' || x.g)
      join units un on un.id = m.unit_id`);
    await tx.execute(sql`
      insert into messages (conversation_id, conv_seq, direction, channel, platform_message_id, author, content, text, status,
                            route, topic, sentiment, route_confidence, topic_confidence, sentiment_confidence, nlu_model, meta, created_at, processed_at, sent_at)
      select c.id, case when k % 2 = 1 then (k + 1) / 2 end, case when k % 2 = 1 then 'in' else 'out' end, c.channel,
             case when k % 2 = 1 then c.thread_key || '-' || k end, case when k % 2 = 1 then 'member' else 'bot' end,
             jsonb_build_object('type', 'text', 'text', t.text), t.text, case when k % 2 = 1 then 'processed' else 'sent' end,
             case when k % 2 = 1 then 'question' end, case when k % 2 = 1 then (${textArray(TOPICS)})[t.i] end,
             case when k % 2 = 1 then (${textArray(SENTIMENTS)})[1 + (g + k) % ${SENTIMENTS.length}] end,
             case when k % 2 = 1 then 0.9 end, case when k % 2 = 1 then 0.8 end, case when k % 2 = 1 then 0.7 end,
             case when k % 2 = 1 then 'demo' end,
             case when k % 2 = 1 then '{}'::jsonb else '{"kind":"answer","citations":[{"lawId":"45/2019/QH14","articleNo":"98","label":"Điều 98 Bộ luật Lao động 2019"}]}'::jsonb end,
             c.last_inbound_at - (${perConversation} - k) * interval '1 minute', c.last_inbound_at, case when k % 2 = 0 then c.last_inbound_at end
      from generate_series(1, ${n}) g
      join conversations c on c.id = pg_temp.demo_uuid('dc' || g)
      cross join generate_series(1, ${perConversation}) k
      cross join lateral (
        select 1 + (g + k / 2) % ${MEMBER_TEXTS.length} as i,
               case when k % 2 = 1 then (${textArray(MEMBER_TEXTS)})[1 + (g + k / 2) % ${MEMBER_TEXTS.length}] else ${BOT_TEXT} end as text
      ) t`);
  });
  await db.execute(sql`analyze`);
  return { units: options.units, members: n, conversations: n, messages: n * perConversation, ms: Date.now() - started, skipped: false };
}
