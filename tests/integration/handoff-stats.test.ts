import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { HandoffStatsSchema, MoodReportListSchema, MoodSummarySchema, type HandoffStats } from '../../core/contracts/mood-api.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { conversations } from '../../bots/storage/schema/index.js';
import { createAccounts, logInAgain } from '../support/admin-fixtures.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT } from '../support/inbox-fixtures.js';
import { manualClock } from '../support/manual-clock.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier(INBOX_SCRIPT);

/**
 * Hand-off statistics in the monthly report (issue #10 item 6, D-mood-11): every hand-off a member asks for is kept
 * with its claim, its overdue mark and its end, whatever path changed the conversation, so the report of the month
 * counts handled, waiting and overdue hand-offs and the median time to claim, per unit of the subtree.
 */
describe.each(testBackends())('hand-off statistics on $name', (backend) => {
  let t: TestPlatform;
  let database: TestDatabase;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};
  // A Wednesday, 09:00 in Vietnam: inside the default office hours, where SLA minutes run.
  const clock = manualClock(new Date('2026-12-02T02:00:00Z'));
  const stats = async (query: string, email = 'tld@x.vn'): Promise<HandoffStats> => {
    const response = await api(email, 'GET', `/mood/handoffs?${query}`);
    expect(response.status).toBe(200);
    return HandoffStatsSchema.parse(response.body);
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock, env: { QUEUE_PREFIX: `hs${randomUUID().slice(0, 8)}` }, database });
    Object.assign(tokens, await createAccounts(t, [['a1@x.vn', 'A1', 'officer'], ['kcn@x.vn', 'HN-KCN', 'officer'], ['hn@x.vn', 'HN', 'leader'], ['hcm@x.vn', 'HCM', 'leader'], ['tld@x.vn', 'TLD', 'admin']]));
    api = adminApi(t, tokens);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  it('counts requested, handled, overdue and waiting hand-offs and the median time to claim, per unit', async () => {
    // Claimed after 10 minutes, then closed.
    const quick = await handOffWebMember(t, 'A1');
    clock.advanceMinutes(10);
    expect((await api('a1@x.vn', 'POST', `/conversations/${quick.conversationId}/claim`, {})).status).toBe(200);
    expect((await api('a1@x.vn', 'POST', `/conversations/${quick.conversationId}/close`, { resolution: 'resolved' })).status).toBe(200);
    // Left unclaimed past its 30-minute deadline (escalated to HN-KCN), claimed there 40 minutes after the request.
    const late = await handOffWebMember(t, 'A1');
    clock.advanceMinutes(31);
    await waitUntil(async () => {
      const [row] = await t.database.db.select().from(conversations).where(eq(conversations.id, late.conversationId));
      return row?.overdue ? row : null;
    }, 20_000, 'the hand-off overdue');
    clock.advanceMinutes(9);
    expect((await api('kcn@x.vn', 'POST', `/conversations/${late.conversationId}/claim`, {})).status).toBe(200);
    // Transferred back to a queue and claimed again: still one hand-off, timed to its first claim.
    expect((await api('kcn@x.vn', 'POST', `/conversations/${late.conversationId}/transfer`, { unitCode: 'A1' })).status).toBe(200);
    expect((await api('a1@x.vn', 'POST', `/conversations/${late.conversationId}/claim`, {})).status).toBe(200);
    // Closed without ever being claimed.
    const dropped = await handOffWebMember(t, 'A1');
    expect((await api('kcn@x.vn', 'POST', `/conversations/${dropped.conversationId}/close`, { resolution: 'no_action' })).status).toBe(200);
    // Still waiting in another province.
    await handOffWebMember(t, 'HCM');

    const hn = await stats('unit=HN&from=2026-12-01&to=2026-12-31', 'hn@x.vn');
    expect(hn).toMatchObject({ unit: 'HN', requested: 3, handled: 2, waiting: 0, overdue: 1, median_minutes_to_claim: 25 });
    expect(hn.children).toEqual([{ unit: 'HN-KCN', name: 'KCN', requested: 3, handled: 2, waiting: 0, overdue: 1, median_minutes_to_claim: 25 }]);
    const national = await stats('from=2026-12-01&to=2026-12-31');
    expect(national).toMatchObject({ unit: 'TLD', requested: 4, handled: 2, waiting: 1, overdue: 1 });
    expect(national.children.map((child) => [child.unit, child.requested, child.waiting])).toEqual([['HCM', 1, 1], ['HN', 3, 0]]);
    // Another month, another scope, bad input.
    expect((await stats('from=2026-11-01&to=2026-11-30')).requested).toBe(0);
    expect((await api('hcm@x.vn', 'GET', '/mood/handoffs?unit=HN&from=2026-12-01&to=2026-12-31')).status).toBe(404);
    expect((await api('tld@x.vn', 'GET', '/mood/handoffs?from=2026-12-31&to=2026-12-01')).status).toBe(422);
    expect((await api('tld@x.vn', 'GET', '/mood/handoffs?from=2020-01-01&to=2026-12-01')).status).toBe(422);
    expect((await api('tld@x.vn', 'GET', '/mood/handoffs?from=2026-12-01')).status).toBe(422);
    const csv = await fetch(`${t.baseUrl}/api/admin/mood/handoffs.csv?unit=HN&from=2026-12-01&to=2026-12-31`, { headers: { authorization: `Bearer ${tokens['hn@x.vn']}` } });
    expect(await csv.text()).toContain('"total","HN","HN","3","2","0","1","25"');
  });

  it('stores the figures in the month’s report, its list, its XLSX and a CSV, and keeps them after a member is erased', async () => {
    clock.advanceMinutes(31 * 24 * 60);
    // A month later the sessions have expired: log in again.
    await logInAgain(t, tokens);
    await t.platform.monthlyReports.generate('2026-12-01');
    const stored = await api('hn@x.vn', 'GET', '/mood/reports/HN/2026-12-01.json');
    expect(MoodSummarySchema.parse(stored.body).handoffs).toMatchObject({ requested: 3, handled: 2, overdue: 1, median_minutes_to_claim: 25 });
    const list = MoodReportListSchema.parse((await api('hn@x.vn', 'GET', '/mood/reports?month=2026-12-01')).body);
    expect(list.reports[0]).toMatchObject({ unit: 'HN', handoffs: { requested: 3, handled: 2, overdue: 1, median_minutes_to_claim: 25 } });

    const get = (path: string) => fetch(`${t.baseUrl}/api/admin/mood${path}`, { headers: { authorization: `Bearer ${tokens['hn@x.vn']}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await get('/reports/HN/2026-12-01.xlsx')).arrayBuffer()) as never);
    const sheet = book.getWorksheet('Chuyển cán bộ');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'HN', 'HN (toàn bộ)', 3, 2, 0, 1, 25]);
    expect(book.getWorksheet('Tổng hợp')?.getColumn(1).values).toContain('Yêu cầu gặp cán bộ');
    expect(await (await get('/reports/HN/2026-12-01-handoffs.csv')).text()).toContain('"unit","HN-KCN","KCN","3","2","0","1","25"');
    expect((await get('/reports/HN/2026-12-01-handoffs.xlsx')).status).toBe(404);
    // The live export of the same month carries them too.
    const live = new ExcelJS.Workbook();
    await live.xlsx.load(Buffer.from(await (await get('/report.xlsx?unit=HN&from=2026-12-01&to=2026-12-31')).arrayBuffer()) as never);
    expect(live.getWorksheet('Chuyển cán bộ')?.getRow(2).getCell(3).value).toBe(3);

    // Erasing a member keeps the anonymous figures and drops the link to the deleted conversation.
    const [member] = await executeRows<{ memberId: string }>(t.database.db, sql`select member_id as "memberId" from conversations where state = 'closed' limit 1`);
    await t.platform.repositories.memberData.eraseMember(member!.memberId, clock.now());
    expect((await stats('unit=HN&from=2026-12-01&to=2026-12-31', 'hn@x.vn')).requested).toBe(3);
    const [dangling] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from handoffs h where h.conversation_id is not null and not exists (select 1 from conversations c where c.id = h.conversation_id)`);
    expect(Number(dangling?.n)).toBe(0);
  });
});
