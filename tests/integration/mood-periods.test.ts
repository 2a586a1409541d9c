import { randomUUID } from 'node:crypto';
import type { MoodSummary } from '../../core/contracts/mood-api.js';
import { createMoodRepository } from '../../bots/storage/repositories/mood-repository.js';
import { createAccounts, TEST_UNITS } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Differencing across periods (issue #10 item 4, docs/decisions.md D-mood-7): a reader who asks for two overlapping
 * periods must not learn a figure that the system hides when asked for the difference directly.
 *
 * A1 (grassroots): six members write about wage arrears every week, and one more member writes about safety once,
 * in week 3 only — the hidden cell. A2: new members ask about wages every week (six, six, two, six); A3: the same six
 * members ask about working time every week. Totals stay visible.
 */
const classifier = createScriptedClassifier({
  'công ty nợ lương tháng này': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'lương tháng này tính thế nào': { route: 'question', topic: 'wages', sentiment: 'neutral' },
  'xưởng nóng quá không ai lo': { route: 'feedback', topic: 'safety', sentiment: 'negative' },
  'tăng ca nhiều quá': { route: 'question', topic: 'working_time', sentiment: 'negative' },
});

// Days in the four weeks of October 2026 (1–7, 8–14, 15–21, 22–31).
const WEEKS = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];
const K = 5;


describe.each(testBackends())('mood periods cannot be differenced on $name', (backend) => {
  let t: TestPlatform;
  let token = '';
  const time = shiftedClock();
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock: time.clock });
    ({ 'root@x.vn': token = '' } = await createAccounts(t, [['root@x.vn', 'TLD', 'admin']], [...TEST_UNITS, { parentCode: 'HN-KCN', code: 'A2', name: 'CĐCS A2', level: 'grassroots' }, { parentCode: 'HN-KCN', code: 'A3', name: 'CĐCS A3', level: 'grassroots' }]));
    const post = (sessionId: string, text: string, unitCode: string) =>
      fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, unitCode }) });
    const a1 = Array.from({ length: 6 }, () => randomUUID());
    const a3 = Array.from({ length: 6 }, () => randomUUID());
    for (const [i, monday] of WEEKS.entries()) {
      time.moveTo(`${monday}T10:00:00+07:00`);
      for (const session of a1) await post(session, 'công ty nợ lương tháng này', 'A1');
      for (let n = 0; n < (i === 2 ? 2 : 6); n++) await post(randomUUID(), 'lương tháng này tính thế nào', 'A2');
      for (const session of a3) await post(session, 'tăng ca nhiều quá', 'A3');
      if (i === 2) await post(randomUUID(), 'xưởng nóng quá không ai lo', 'A1');
      await waitForIdle(t.platform.database.db, 60_000);
    }
    time.moveTo('2026-11-10T10:00:00+07:00');
  }, 180_000);
  afterAll(async () => t?.close());

  async function summary(from: string, to: string, unit = 'HN-KCN'): Promise<MoodSummary> {
    const response = await fetch(`${t.baseUrl}/api/admin/mood/summary?unit=${unit}&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as MoodSummary;
  }

  /** Every figure of a document that carries a count, by a stable name. */
  function figures(document: MoodSummary): Map<string, number | null> {
    const out = new Map<string, number | null>([['total', document.members]]);
    for (const c of document.children) out.set(`child:${c.unit}`, c.members);
    for (const c of document.topics) out.set(`topic:${c.topic}`, c.members);
    for (const [name, value] of Object.entries(document.sentiment)) out.set(`sentiment:${name}`, value);
    for (const c of document.heatmap) out.set(`heat:${c.unit}|${c.topic}`, c.members);
    for (const c of document.cells) {
      out.set(`cell:${c.unit}|${c.topic}|${c.sentiment}`, c.members);
      out.set(`messages:${c.unit}|${c.topic}|${c.sentiment}`, c.messages);
    }
    return out;
  }

  it('snaps a request to whole weeks or months and says which period it describes', async () => {
    expect(await summary('2026-10-09', '2026-10-20')).toMatchObject({ from: '2026-10-08', to: '2026-10-21' });
    expect(await summary('2026-10-01', '2026-10-20')).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    // Two requests a day apart that snap to the same period get the very same figures.
    expect(figures(await summary('2026-10-09', '2026-10-20'))).toEqual(figures(await summary('2026-10-10', '2026-10-21')));
  });

  it('hides the lone member of week 3 when asked directly', async () => {
    const week3 = await summary(WEEKS[2] as string, WEEKS[2] as string);
    expect(week3.cells.find((c) => c.unit === 'A1' && c.topic === 'safety')).toMatchObject({ members: null, messages: null, suppressed: true });
  });

  it('never lets two nested periods differ by a group below k, so week 3 cannot be recovered by subtraction', async () => {
    // Runs of weeks (as the API would snap them), a calendar month, and requests with odd days that snap.
    const periods: [string, string][] = [];
    for (let a = 0; a < WEEKS.length; a++) for (let b = a; b < WEEKS.length; b++) periods.push([WEEKS[a] as string, WEEKS[b] as string]);
    periods.push(['2026-10-01', '2026-10-31'], ['2026-10-09', '2026-10-23'], ['2026-09-25', '2026-10-12']);
    const documents = await Promise.all(periods.map(async ([from, to]) => summary(from, to)));
    let compared = 0;
    for (const outer of documents) {
      for (const inner of documents) {
        const nested = inner.from >= outer.from && inner.to <= outer.to && (inner.from !== outer.from || inner.to !== outer.to);
        if (!nested) continue;
        const a = figures(outer);
        const b = figures(inner);
        for (const [name, value] of a) {
          const other = b.get(name) ?? 0;
          if (value === null || other === null) continue;
          const difference = value - other;
          compared++;
          if (difference !== 0 && difference < K) throw new Error(`${name}: ${outer.from}…${outer.to} minus ${inner.from}…${inner.to} = ${difference}, a group below k`);
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
    // Without the rule, A1 over weeks 1–4 minus weeks 1–2 would have shown the lone member (7 − 6).
    const whole = await summary(WEEKS[0] as string, WEEKS[3] as string);
    expect(whole.members).toBe(33);
    expect(whole.children.find((c) => c.unit === 'A1')).toMatchObject({ members: null, suppressed: true });
    expect((await summary(WEEKS[0] as string, WEEKS[1] as string)).children.find((c) => c.unit === 'A1')).toMatchObject({ members: 6, suppressed: false });
  });

  it("gives each unit's change against the previous period only from figures both periods publish (D-dashboard-4)", async () => {
    // Weeks 2–4 against the week before each: the previous figures must be exactly what that week's own summary shows.
    for (let i = 1; i < WEEKS.length; i++) {
      const now = await summary(WEEKS[i] as string, WEEKS[i] as string);
      const before = await summary(WEEKS[i - 1] as string, WEEKS[i - 1] as string);
      for (const child of now.children) {
        const past = before.children.find((c) => c.unit === child.unit);
        expect(child.previous_members).toBe(past?.suppressed ? null : (past?.members ?? 0));
        const ratio = child.members !== null && past && !past.suppressed && past.members ? Math.round((1000 * (child.members - past.members)) / past.members) / 1000 : null;
        expect(child.change).toBe(child.suppressed ? null : ratio);
      }
    }
    // Week 3: A2's two new members are hidden, so neither week 3 nor week 4 shows a change for A2.
    const week3 = await summary(WEEKS[2] as string, WEEKS[2] as string);
    expect(week3.children.find((c) => c.unit === 'A2')).toMatchObject({ suppressed: true, previous_members: 6, change: null, negative_share_change: null });
    const week4 = await summary(WEEKS[3] as string, WEEKS[3] as string);
    expect(week4.children.find((c) => c.unit === 'A2')).toMatchObject({ members: 6, previous_members: null, change: null });
    // Week 2 against week 1 (October 1–7: a run of weeks that starts on the 1st, kept a week, not made a month).
    expect((await summary(WEEKS[1] as string, WEEKS[1] as string)).children.find((c) => c.unit === 'A3')).toMatchObject({ members: 6, previous_members: 6, change: 0, negative_share_change: 0 });
  });

  it('computes the previous period from the total and unit rows only, exactly as the full pass gives them (D-dashboard-6)', async () => {
    const repository = createMoodRepository(t.platform.database.db);
    const unit = await t.platform.repositories.units.findByCode('HN-KCN');
    const levels = new Set(['total', 'child']);
    for (const scope of [
      { scopePath: unit!.path, from: '2026-10-01', to: '2026-10-31' },
      { scopePath: unit!.path, from: '2026-10-15', to: '2026-10-21' },
      { scopePath: unit!.path, from: '2026-10-01', to: '2026-10-31', channel: 'web' },
    ]) {
      for (const byChannel of [false, true]) {
        const sorted = (rows: { level: string; channel: string | null; child: string | null }[]) => [...rows].sort((a, b) => `${a.level}|${a.channel}|${a.child}`.localeCompare(`${b.level}|${b.channel}|${b.child}`));
        const full = (await repository.aggregate(scope, { byChannel })).filter((row) => levels.has(row.level));
        const unitsOnly = await repository.aggregate(scope, { byChannel, unitsOnly: true });
        expect(full.length).toBeGreaterThan(1);
        expect(sorted(unitsOnly)).toEqual(sorted(full));
      }
    }
  });

  it('hides message counts of a period whose middle week is a small group (left + right + whole would isolate it)', async () => {
    // A2's own view: 6, 6, 2 and 6 new members in weeks 1–4.
    const whole = await summary(WEEKS[0] as string, WEEKS[3] as string, 'A2');
    expect(whole.cells).toEqual([{ unit: 'A2', topic: 'wages', sentiment: 'neutral', members: 20, messages: null, suppressed: false }]);
    expect((await summary(WEEKS[0] as string, WEEKS[1] as string, 'A2')).cells[0]).toMatchObject({ members: 12, messages: 12 });
  });
});
