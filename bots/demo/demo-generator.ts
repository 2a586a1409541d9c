import { sql } from 'drizzle-orm';
import { TOPICS } from '../../core/nlu/labels.js';
import { AppError } from '../../core/errors/app-error.js';
import type { Db } from '../storage/database.js';
import { executeRows } from '../storage/execute-rows.js';
import { ensureMessagePartitionsBetween } from '../storage/message-partitions.js';
import { bumpKnowledgeVersion } from '../storage/repositories/knowledge-version-repository.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from '../seed/demo-organisation.js';
import { planGrassrootsParents, planUpperParents, SCRAMBLE, showcaseExtraUppers } from './demo-tree-plan.js';

/**
 * `congdoan demo generate`: a realistic organisation and message history, written by PostgreSQL itself
 * (generate_series, one transaction, seeded `random()`), so a million members take minutes, not hours. Used for
 * demos, the dashboard's look with real-sized numbers, and the scale benchmark (tests/bench/mood.bench.ts).
 *
 * Shape: under the national unit, the 34 provincial federations and 12 national sector unions; upper-grassroots
 * unions under them; grassroots unions under those (sizes skewed: a few big factories, many small unions, so
 * k-anonymity hides real cells). Members belong to grassroots unions; each has one conversation; messages spread
 * over `days` (default two years) with a weekly rhythm, topics and sentiments in realistic proportions, ~6 %
 * unsure and ~1 % spam/injection. Optional planted spikes (a topic jumping in one unit for a week) measure the
 * early-warning job. Every generated unit code starts with `DM`. On a database with the demo organisation (`npm start`),
 * its units are reused and filled, so the demo accounts' dashboards show figures (D-dashboard-2, D-dashboard-10), and
 * the federations the demo accounts belong to get a spread worth drilling into at any size (D-dashboard-12).
 */
/** Days of history when none is asked for: two years. */
export const DEFAULT_DEMO_DAYS = 730;

export interface DemoOptions {
  members: number;
  messages: number;
  seed: number;
  /** Units in all (default: members / 100, between 200 and 10,000). */
  units?: number;
  days?: number;
  /** Last day of the history (default: today, Vietnam). */
  endDay?: string;
  /** Planted spikes: (grassroots unit, topic, week) with extra negative messages, for the early-warning bench. */
  spikes?: number;
}

export interface DemoResult {
  units: number;
  members: number;
  conversations: number;
  messages: number;
  spikes: { unit: string; topic: string; from: string; to: string; messages: number }[];
  ms: number;
}

export const DEMO_PROVINCES = [
  'Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Thành phố Hồ Chí Minh', 'Cần Thơ', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn',
  'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh',
  'Hưng Yên', 'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh',
  'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];
const SECTORS = ['Giáo dục', 'Y tế', 'Công Thương', 'Giao thông Vận tải', 'Xây dựng', 'Nông nghiệp và Môi trường', 'Ngân hàng', 'Tài chính', 'Viên chức', 'Dầu khí', 'Điện lực', 'Dệt May'];

/** Topic shares of member concerns (wages and social insurance lead, as in unions' own reports) and how negative each is. */
const TOPIC_MIX: Record<string, { share: number; negative: number; positive: number; text: string }> = {
  wages: { share: 16, negative: 0.45, positive: 0.1, text: 'Lương tháng này tính sai tăng ca' },
  wage_arrears: { share: 7, negative: 0.85, positive: 0.02, text: 'Công ty nợ lương hai tháng rồi' },
  working_time: { share: 10, negative: 0.5, positive: 0.08, text: 'Tăng ca quá giờ có đúng luật không' },
  contract: { share: 8, negative: 0.3, positive: 0.1, text: 'Hợp đồng thử việc kéo dài có được không' },
  termination: { share: 6, negative: 0.6, positive: 0.03, text: 'Bị cho nghỉ việc không báo trước' },
  maternity: { share: 6, negative: 0.2, positive: 0.3, text: 'Chế độ thai sản được bao nhiêu tháng' },
  social_insurance: { share: 14, negative: 0.35, positive: 0.1, text: 'Công ty chưa đóng bảo hiểm xã hội' },
  safety: { share: 6, negative: 0.7, positive: 0.05, text: 'Xưởng nóng quá, không có quạt thông gió' },
  harassment: { share: 2, negative: 0.9, positive: 0.01, text: 'Tổ trưởng hay quát mắng công nhân' },
  union: { share: 7, negative: 0.15, positive: 0.35, text: 'Đoàn phí đóng bao nhiêu một tháng' },
  dispute: { share: 3, negative: 0.75, positive: 0.02, text: 'Muốn khiếu nại tập thể thì làm sao' },
  living_conditions: { share: 6, negative: 0.55, positive: 0.15, text: 'Góp ý bữa ăn ca dạo này kém quá' },
  skills_jobs: { share: 4, negative: 0.1, positive: 0.4, text: 'Có lớp học nghề miễn phí không' },
  other: { share: 5, negative: 0.2, positive: 0.2, text: 'Cho hỏi một việc khác' },
};

const DAY_MS = 86_400_000;

/** The demo organisation's upper-grassroots unions (`npm start` seeds them; the demo officer is scoped to one). */
const DEMO_UPPER_CODES = DEMO_UNITS.filter((unit) => unit.level === 'upper_grassroots').map((unit) => unit.code);
/**
 * The demo organisation's grassroots unions, biggest first: they take the places of the generated tree's biggest
 * factories, so the demo accounts' subtrees (the leader's Hồ Chí Minh City, the officer's Hà Nội industrial zones)
 * hold a realistic share of members and pass the k rule (D-dashboard-10). Alternating the two federations keeps
 * both large.
 */
const DEMO_GRASSROOTS_CODES = ['GTT', 'DTTL', 'LKLT', 'MSH'].filter((code) => DEMO_UNITS.some((unit) => unit.code === code && unit.level === 'grassroots'));

/** The demo accounts' units: the federations above them are the showcase ones (D-dashboard-12). */
const DEMO_ACCOUNT_CODES = DEMO_ACCOUNTS.map((account) => account.unitCode);

/** An int[] literal for indexing by unit number in SQL (numbers the plan computed, never user text). */
function intArray(values: readonly number[]) {
  return sql.raw(`array[${values.map((value) => String(Math.trunc(value))).join(',')}]::int[]`);
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Cumulative bounds for picking a topic with one random number, as a SQL CASE. */
function topicCase(randomColumn: string): string {
  const total = TOPICS.reduce((sum, topic) => sum + (TOPIC_MIX[topic]?.share ?? 0), 0);
  let cumulative = 0;
  const branches = TOPICS.map((topic) => {
    cumulative += TOPIC_MIX[topic]?.share ?? 0;
    return `when ${randomColumn} < ${(cumulative / total).toFixed(6)} then ${literal(topic)}`;
  });
  return `case ${branches.join(' ')} else 'other' end`;
}

function topicTable(): string {
  return TOPICS.map((topic) => {
    const mix = TOPIC_MIX[topic] ?? { negative: 0.3, positive: 0.1, text: '' };
    return `(${literal(topic)}, ${mix.negative}, ${mix.positive}, ${literal(mix.text)})`;
  }).join(', ');
}

export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const { members, messages, seed } = options;
  if (!Number.isInteger(members) || members < 1 || members > 5_000_000) throw new AppError('VALIDATION_FAILED', '--members must be 1..5,000,000', { fields: [{ path: 'members', message: '1..5000000' }] });
  if (!Number.isInteger(messages) || messages < 0 || messages > 50_000_000) throw new AppError('VALIDATION_FAILED', '--messages must be 0..50,000,000', { fields: [{ path: 'messages', message: '0..50000000' }] });
  const totalUnits = Math.max(200, Math.min(10_000, options.units ?? Math.round(members / 100)));
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  const endDay = options.endDay ?? new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const secondLevel = DEMO_PROVINCES.length + SECTORS.length;
  // The history ends at the end of `endDay` in Vietnam (UTC+7).
  const endInstant = new Date(Date.parse(`${endDay}T00:00:00+07:00`) + DAY_MS - 1000).toISOString();

  return db.transaction(async (tx) => {
    // A fraction in (-1, 1): PostgreSQL's random() is then deterministic for this transaction's connection.
    await tx.execute(sql`select setseed(${((seed % 1000) / 1000) * 1.8 - 0.9})`);
    // Units are written here in SQL, not through the unit repository: running processes must still drop their unit
    // caches (unit search, intake unit; D-embedded-speed-5), which they do when this version moves.
    await bumpKnowledgeVersion(tx as unknown as Db, 'units');
    const [national] = await executeRows<{ id: string; path: string }>(tx, sql`select id, path from units where level = 'national' order by created_at limit 1`);
    let root = national;
    if (!root) {
      [root] = await executeRows<{ id: string; path: string }>(
        tx,
        sql`insert into units (id, code, name, level, path) select id, 'TLD', 'Tổng Liên đoàn Lao động Việt Nam', 'national', '/' || id || '/' from (select gen_random_uuid() as id) g returning id, path`,
      );
    }
    const rootRow = root as { id: string; path: string };
    const run = Date.now().toString(36).toUpperCase().slice(-4);
    const secondNames = [...DEMO_PROVINCES.map((name, i) => `Liên đoàn Lao động ${name.startsWith('Thành phố') ? name : `${i < 6 ? 'thành phố' : 'tỉnh'} ${name}`}`), ...SECTORS.map((name) => `Công đoàn ${name} Việt Nam`)];
    const secondValues = sql.raw(secondNames.map((name, i) => `(${i + 1}, ${literal(name)}, ${literal(i < DEMO_PROVINCES.length ? (DEMO_PROVINCES[i] as string) : (SECTORS[i - DEMO_PROVINCES.length] as string))})`).join(', '));

    await tx.execute(sql`create temporary table demo_units (n int, id uuid, path text, level text, short text) on commit drop`);
    // A federation already under the national unit with the same name (the demo organisation's Hà Nội and Hồ Chí Minh
    // City, or an earlier run's) is reused, not created again: unit names are unique per parent (D-dashboard-2).
    await tx.execute(sql`
      with src(n, name, short) as (values ${secondValues}),
      existing as (select distinct on (name) id, path, name from units where parent_id = ${rootRow.id}::uuid order by name, created_at),
      ins as (
        insert into units (id, code, name, level, parent_id, path)
        select g.id, ${`DM${run}-P`} || lpad(src.n::text, 2, '0'), src.name, 'province_or_sector', ${rootRow.id}::uuid, ${rootRow.path} || g.id || '/'
        from src cross join lateral (select gen_random_uuid() as id, src.n as k) g
        where not exists (select 1 from existing e where e.name = src.name)
        returning id, path, code)
      insert into demo_units
      select src.n, ins.id, ins.path, 'province_or_sector', src.short from ins join src on ins.code = ${`DM${run}-P`} || lpad(src.n::text, 2, '0')
      union all
      select src.n, e.id, e.path, 'province_or_sector', src.short from src join existing e on e.name = src.name`);
    // The federations the demo accounts belong to (the leader's Hồ Chí Minh City, the officer's Hà Nội) get a fixed
    // spread of lower units out of the same budget (D-dashboard-12); none without the demo organisation.
    const showcase = (
      await executeRows<{ n: number }>(
        tx,
        sql`select distinct p.n from demo_units p join units a on a.path like p.path || '%'
            where p.level = 'province_or_sector' and a.code in (${sql.join(DEMO_ACCOUNT_CODES.map((code) => sql`${code}`), sql`, `)}) order by p.n`,
      )
    ).map((row) => Number(row.n));
    const upperPlan = planUpperParents(secondLevel, showcase);
    const upperCount = Math.max(secondLevel + showcaseExtraUppers(showcase.length), Math.round(totalUnits * 0.08));
    const grassrootsCount = Math.max(upperCount, totalUnits - 1 - secondLevel - upperCount);
    // The demo organisation's upper-grassroots unions stand in for their federation's first generated one (upper number
    // = the federation's number), so generated grassroots unions hang under them (D-dashboard-10).
    await tx.execute(sql`
      insert into demo_units
      select distinct on (p.n) p.n, u.id, u.path, 'upper_grassroots', p.short
      from units u join demo_units p on p.id = u.parent_id and p.level = 'province_or_sector'
      where u.level = 'upper_grassroots' and u.code in (${sql.join(DEMO_UPPER_CODES.map((code) => sql`${code}`), sql`, `)})
      order by p.n, u.code`);
    // Lower units are numbered on from an earlier run's, so that their names stay unique under a reused federation.
    const [previous] = await executeRows<{ upper: number; grassroots: number }>(
      tx,
      sql`select count(*) filter (where level = 'upper_grassroots')::int as upper, count(*) filter (where level = 'grassroots')::int as grassroots from units where code like 'DM%'`,
    );
    const upperOffset = previous?.upper ?? 0;
    const grassrootsOffset = previous?.grassroots ?? 0;
    // Upper-grassroots unions: every second-level unit gets at least one, showcase federations several, the rest go
    // mostly to big provinces (random draws only past the planned numbers).
    await tx.execute(sql`
      with src as (
        select s, case when s <= ${upperPlan.parents.length} then (${intArray(upperPlan.parents)})[s] else 1 + floor(power(random(), 2) * ${secondLevel})::int end as parent_n
        from generate_series(1, ${upperCount}) s),
      rows as (
        select src.s, gen_random_uuid() as id, p.id as parent_id, p.path as parent_path, p.short from src join demo_units p on p.n = src.parent_n and p.level = 'province_or_sector'
        where not exists (select 1 from demo_units d where d.level = 'upper_grassroots' and d.n = src.s))
      , ins as (
        insert into units (id, code, name, level, parent_id, path)
        select id, ${`DM${run}-U`} || lpad(s::text, 4, '0'), 'Công đoàn cấp trên cơ sở số ' || (s + ${upperOffset}) || ' – ' || short, 'upper_grassroots', parent_id, parent_path || id || '/' from rows
        returning id)
      insert into demo_units select rows.s, rows.id, rows.parent_path || rows.id || '/', 'upper_grassroots', rows.short from rows`);
    // The demo organisation's grassroots unions (under a reused upper-grassroots union) take the numbers the member
    // skew below fills most (ranks 0, 1, 2, …), in place of generated ones; the random draws stay those of a run
    // without them, so a seed gives the same shape either way.
    await tx.execute(sql`
      insert into demo_units
      select 1 + ((rank - 1) * ${SCRAMBLE}::bigint) % ${grassrootsCount}, id, path, 'grassroots', short
      from (
        select row_number() over (order by array_position(${sql.raw(`array[${DEMO_GRASSROOTS_CODES.map(literal).join(', ')}]::text[]`)}, u.code)) as rank, u.id, u.path, p.short
        from units u join demo_units p on p.id = u.parent_id and p.level = 'upper_grassroots'
        where u.level = 'grassroots' and u.code = any(${sql.raw(`array[${DEMO_GRASSROOTS_CODES.map(literal).join(', ')}]::text[]`)})) r
      where rank <= ${grassrootsCount}`);
    // Grassroots unions: one under every upper-grassroots union that has none of the demo organisation's, then the
    // showcase unions' share, then random parents.
    const taken = await executeRows<{ n: number; upper: number }>(
      tx,
      sql`select g.n, p.n as upper from demo_units g join units u on u.id = g.id join demo_units p on p.id = u.parent_id and p.level = 'upper_grassroots' where g.level = 'grassroots'`,
    );
    const grassrootsParents = planGrassrootsParents({
      upperCount,
      grassrootsCount,
      showcaseUppers: upperPlan.showcaseUppers,
      seed,
      taken: new Map(taken.map((row) => [Number(row.n), Number(row.upper)])),
    });
    await tx.execute(sql`
      with src as (
        select s, coalesce(nullif((${intArray(grassrootsParents)})[s], 0), 1 + floor(random() * ${upperCount})::int) as parent_n
        from generate_series(1, ${grassrootsCount}) s),
      rows as (
        select src.s, gen_random_uuid() as id, p.id as parent_id, p.path as parent_path, p.short from src join demo_units p on p.n = src.parent_n and p.level = 'upper_grassroots'
        where not exists (select 1 from demo_units d where d.level = 'grassroots' and d.n = src.s))
      , ins as (
        insert into units (id, code, name, level, parent_id, path)
        select id, ${`DM${run}-G`} || lpad(s::text, 5, '0'), 'CĐCS Công ty TNHH Demo ' || lpad((s + ${grassrootsOffset})::text, 5, '0') || ' (' || short || ')', 'grassroots', parent_id, parent_path || id || '/' from rows
        returning id)
      insert into demo_units select rows.s, rows.id, rows.parent_path || rows.id || '/', 'grassroots', rows.short from rows`);

    // Members: skewed over grassroots unions (power law: a few big factories, many small unions), the big ones spread
    // over the country by a multiplicative scramble of the unit number (104729 is a prime above any unit count).
    await tx.execute(sql`create temporary table demo_members (n int primary key, member_id uuid, conversation_id uuid, unit_id uuid, channel text) on commit drop`);
    await tx.execute(sql`
      insert into demo_members
      with src as (
        select s, 1 + (floor(power(random(), 2.2) * ${grassrootsCount})::bigint * ${SCRAMBLE}) % ${grassrootsCount} as gn,
          (array['zalo','zalo','zalo','zalo','messenger','messenger','messenger','web','web','telegram'])[1 + floor(random() * 10)::int] as channel
        from generate_series(1, ${members}) s)
      select s, gen_random_uuid(), gen_random_uuid(), g.id, src.channel
      from src join demo_units g on g.level = 'grassroots' and g.n = src.gn`);
    const [memberCount] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from demo_members`);
    await tx.execute(sql`insert into members (id, unit_id, consent) select member_id, unit_id, 'given' from demo_members`);
    await tx.execute(sql`
      insert into conversations (id, member_id, channel, thread_key, platform_user_id, unit_id, state)
      select conversation_id, member_id, channel, 'demo-' || member_id, 'demo-' || member_id, unit_id, 'bot' from demo_members`);
    await tx.execute(sql`
      insert into channel_identities (member_id, channel, platform_user_id)
      select member_id, channel, 'demo-' || member_id from demo_members`);

    // Messages: a random member each (some write often), a day with a weekly rhythm (fewer on Sundays) and a
    // slow rise over the period, a topic, a sentiment by topic, a route; a few unsure, spam or injection.
    const mCount = memberCount?.n ?? 0;
    // Backdated history: its months get their partitions first (PostgreSQL), so no row lands in the default one.
    await ensureMessagePartitionsBetween(tx, new Date(Date.parse(endInstant) - (days + 1) * DAY_MS), new Date(endInstant));
    await tx.execute(sql.raw(`
      with topics(topic, negative, positive, text) as (values ${topicTable()}),
      src as (
        select s, 1 + floor(power(random(), 1.3) * ${mCount})::int as member_n,
          floor(${days} * sqrt(random()))::int as day_back_raw, random() as r_topic, random() as r_sent, random() as r_route, random() as r_conf, random() as r_flag, random() as r_sec
        from generate_series(1, ${messages}) s),
      picked as (
        select src.*, ${topicCase('src.r_topic')} as topic,
          case when extract(dow from (timestamptz ${literal(endInstant)} - ((${days} - 1 - day_back_raw) * interval '1 day'))) = 0 and r_sec < 0.5
               then least(${days} - 1, day_back_raw + 1) else day_back_raw end as day_back
        from src),
      rows as (
        select p.*, t.negative, t.positive, t.text, dm.conversation_id, dm.channel,
          timestamptz ${literal(endInstant)} - ((${days} - 1 - p.day_back) * interval '1 day') - (p.r_sec * interval '13 hours') as at
        from picked p join topics t on t.topic = p.topic join demo_members dm on dm.n = p.member_n)
      insert into messages (conversation_id, direction, channel, platform_message_id, author, content, text, status, route, topic, sentiment,
        route_confidence, topic_confidence, sentiment_confidence, nlu_model, meta, created_at, processed_at)
      select conversation_id, 'in', channel, 'demo-' || gen_random_uuid(), 'member',
        jsonb_build_object('type', 'text', 'text', text), text, 'processed',
        case when r_route < 0.7 then 'question' when r_route < 0.85 then 'feedback' when r_route < 0.9 then 'handoff' else 'smalltalk' end,
        topic,
        case when r_sent < negative then 'negative' when r_sent < negative + positive then 'positive' else 'neutral' end,
        case when r_conf < 0.06 then 0.4 else 0.9 end, case when r_conf < 0.06 then 0.35 else 0.85 end, 0.8, 'demo@1',
        case when r_flag < 0.005 then '{"flags":["injection"]}'::jsonb when r_flag < 0.012 then '{"flags":["spam"]}'::jsonb else '{"flags":[]}'::jsonb end,
        at, at
      from rows`));

    // Planted spikes: one grassroots union with enough members, one topic, the last-but-one week; extra negative
    // messages from distinct members of that union.
    const spikes: DemoResult['spikes'] = [];
    const spikeCount = options.spikes ?? 0;
    if (spikeCount > 0) {
      const candidates = await executeRows<{ id: string; code: string }>(
        tx,
        sql`select u.id, u.code from units u join (select unit_id, count(*) n from demo_members group by unit_id having count(*) >= 40) d on d.unit_id = u.id
            order by random() limit ${spikeCount}`,
      );
      for (const [index, unit] of candidates.entries()) {
        const topic = (['wage_arrears', 'safety', 'working_time', 'social_insurance', 'termination'] as const)[index % 5] as string;
        const weekEnd = new Date(Date.parse(`${endDay}T00:00:00Z`) - (7 + (index % 4) * 14) * DAY_MS);
        const from = new Date(weekEnd.getTime() - 6 * DAY_MS).toISOString().slice(0, 10);
        const to = weekEnd.toISOString().slice(0, 10);
        const extra = 12 + (index % 3) * 6;
        await tx.execute(sql`
          insert into messages (conversation_id, direction, channel, platform_message_id, author, content, text, status, route, topic, sentiment,
            route_confidence, topic_confidence, sentiment_confidence, nlu_model, meta, created_at, processed_at)
          select dm.conversation_id, 'in', dm.channel, 'demo-' || gen_random_uuid(), 'member', jsonb_build_object('type', 'text', 'text', 'Phản ánh gấp'), 'Phản ánh gấp',
            'processed', 'question', ${topic}, 'negative', 0.9, 0.85, 0.8, 'demo@1', '{"flags":[]}'::jsonb, t.at, t.at
          from (select conversation_id, channel from demo_members where unit_id = ${unit.id} order by random() limit ${extra}) dm
          cross join lateral (select (${from}::date + floor(random() * 7)::int)::timestamp + interval '2 hours' + random() * interval '8 hours' as at) t0
          cross join lateral (select (t0.at at time zone 'UTC') as at) t`);
        spikes.push({ unit: unit.code, topic, from, to, messages: extra });
      }
    }
    const [messageCount] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from messages m join demo_members d on d.conversation_id = m.conversation_id`);
    // Units created by this run (a reused unit is not); the root counts only when this run created it.
    const [reused] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from demo_units d join units u on u.id = d.id where u.code not like ${`DM${run}-%`}`);
    return { units: (national ? 0 : 1) + secondLevel - (reused?.n ?? 0) + upperCount + grassrootsCount, members: mCount, conversations: mCount, messages: messageCount?.n ?? 0, spikes, ms: Date.now() - started };
  });
}
