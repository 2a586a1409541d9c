import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { MoodExamplesSchema, MoodSummarySchema, MoodViewPendingSchema } from '../../core/contracts/mood-api.js';
import { createMoodService, type MoodSummaryRequest } from '../../bots/mood/mood-service.js';
import { summaryToCsv } from '../../bots/mood/report-export.js';
import { createAccounts, logInAgain, TEST_UNITS } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { postWebchat } from '../support/webchat-post.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'công ty nợ lương hai tháng rồi': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'góp ý: nhà ăn dạo này kém quá': { route: 'feedback', topic: 'living_conditions', sentiment: 'negative' },
});

/** The values of every sheet of a workbook, row by row: two files made at different times differ in their zip bytes. */
async function workbookValues(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

// D-mood-18: `Prefer: respond-async` on the summary; D-mood-19: on the downloads and the examples. Every case asks a
// view of its own (a period or a filter nobody asked before), since a view computed once stays kept for the rest of
// the suite.
describe.each(testBackends())('mood summary with Prefer: respond-async on $name', (backend) => {
  let t: TestPlatform;
  let tokens: Record<string, string> = {};
  const time = shiftedClock('2026-10-10T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock: time.clock });
    // HCM's only grassroots union has 3 members (below k = 5): the national view is partly hidden (D-mood-19).
    tokens = await createAccounts(
      t,
      [
        ['root@x.vn', 'TLD', 'admin'],
        ['hn@x.vn', 'HN', 'leader'],
        ['hcm@x.vn', 'HCM', 'officer'],
      ],
      [...TEST_UNITS, { parentCode: 'HCM', code: 'HCM-KCX', name: 'KCX', level: 'upper_grassroots' }, { parentCode: 'HCM-KCX', code: 'B1', name: 'CĐCS B', level: 'grassroots' }],
    );
    const post = (sessionId: string, text: string, unitCode: string) => postWebchat(t.baseUrl, sessionId, text, unitCode);
    for (let i = 0; i < 6; i++) {
      const session = randomUUID();
      await post(session, 'công ty nợ lương hai tháng rồi', 'A1');
      await post(session, 'góp ý: nhà ăn dạo này kém quá', 'A1');
    }
    for (let i = 0; i < 3; i++) await post(randomUUID(), 'công ty nợ lương hai tháng rồi', 'B1');
    await waitForIdle(t.platform.database.db, 90_000);
    time.moveTo('2026-10-20T09:00:00+07:00');
    await logInAgain(t, tokens);
  }, 120_000);
  afterAll(async () => t?.close());
  afterEach(() => jest.restoreAllMocks());

  /** GET `/api/admin/mood/<path>?<query>` as `email`; `body` is the parsed JSON when the answer is JSON. */
  const get = async (email: string, path: string, query: string, prefer?: string) => {
    const response = await fetch(`${t.baseUrl}/api/admin/mood/${path}?${query}`, { headers: { authorization: `Bearer ${tokens[email]}`, ...(prefer === undefined ? {} : { prefer }) } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const body: unknown = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, bytes, text, body };
  };
  const ask = (email: string, query: string, prefer?: string) => get(email, 'summary', query, prefer);
  /** Asks asynchronously until the answer is no longer 202 (the queued job has run). */
  const settle = async (email: string, query: string, path = 'summary') => {
    for (let i = 0; i < 300; i++) {
      const answer = await get(email, path, query, 'respond-async');
      if (answer.status !== 202) return answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`still computing: ${path}?${query}`);
  };
  /** The distinct `mood.view` jobs asked for (each ask while computing enqueues again under the same id). */
  const viewJobs = (enqueue: { mock: { calls: unknown[][] } }) => [...new Set(enqueue.mock.calls.filter(([name]) => name === 'mood.view').map(([, , options]) => (options as { jobId: string }).jobId))];
  /** The document computed from the rollups with nothing kept: what the synchronous path answers on a first ask. */
  const computedAfresh = (request: Omit<MoodSummaryRequest, 'unit'> & { unit: string }) => {
    const { units, moodAlerts } = t.platform.repositories;
    const fresh = createMoodService({ db: t.database.db, units, k: 5, clock: time.clock, keepFigures: false, listAlerts: moodAlerts.listForSummary });
    return units.findByCode(request.unit).then((unit) => fresh.summary({ ...request, unit: unit! }));
  };

  it('without the header answers synchronously, exactly as before (no 202, no job)', async () => {
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    const answer = await ask('hn@x.vn', 'unit=HN&from=2026-10-01&to=2026-10-18');
    expect(answer.status).toBe(200);
    expect(MoodSummarySchema.parse(answer.body).members).toBe(6);
    expect(answer.headers.get('vary')).toMatch(/prefer/i);
    expect(enqueue.mock.calls.filter(([name]) => name === 'mood.view')).toHaveLength(0);
  });

  it('answers 200 at once when the view is kept, with the same document', async () => {
    const query = 'unit=HN&from=2026-10-05&to=2026-10-18';
    const synchronous = await ask('hn@x.vn', query);
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    const asynchronous = await ask('hn@x.vn', query, 'respond-async');
    expect(asynchronous.status).toBe(200);
    expect(asynchronous.body).toEqual(synchronous.body);
    expect(enqueue.mock.calls.filter(([name]) => name === 'mood.view')).toHaveLength(0);
  });

  it('answers 202 with Retry-After for a view not kept, then 200 with the synchronous document (k-suppression included)', async () => {
    const query = 'unit=TLD&from=2026-10-01&to=2026-10-18&topic=wage_arrears';
    const started = performance.now();
    const first = await ask('root@x.vn', query, 'respond-async');
    const ms = performance.now() - started;
    expect(first.status).toBe(202);
    expect(MoodViewPendingSchema.parse(first.body)).toEqual({ status: 'computing', retryAfterMs: 2000 });
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('preference-applied')).toBe('respond-async');
    expect(ms).toBeLessThan(2000);
    const ready = await settle('root@x.vn', query);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual((await ask('root@x.vn', query)).body);
    // The national view hides nothing here only if the groups reach k: the same decisions either way.
    expect(MoodSummarySchema.parse(ready.body).k).toBe(5);
  });

  it('makes one job for ten leaders asking the same view at once', async () => {
    const summary = jest.spyOn(t.platform.mood, 'summary');
    const query = 'unit=HN&from=2026-10-01&to=2026-10-18&topic=living_conditions';
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask('hn@x.vn', query, 'respond-async')));
    expect(answers.every((answer) => answer.status === 202 || answer.status === 200)).toBe(true);
    expect((await settle('hn@x.vn', query)).status).toBe(200);
    expect(summary).toHaveBeenCalledTimes(1);
  });

  it('checks scope before anything is queued: another branch is not found, and no job is made', async () => {
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    expect((await ask('hcm@x.vn', 'unit=HN&from=2026-09-01&to=2026-10-18', 'respond-async')).status).toBe(404);
    expect((await ask('hn@x.vn', 'unit=HN&from=2026-10-18&to=2026-10-01', 'respond-async')).status).toBe(422);
    expect(enqueue.mock.calls.filter(([name]) => name === 'mood.view')).toHaveLength(0);
  });

  it('ignores header values that are not respond-async', async () => {
    for (const prefer of ['respond-asyncx', 'wait=abc', ';;,=', 'x'.repeat(3000)]) {
      const answer = await ask('hn@x.vn', 'unit=HN&from=2026-10-01&to=2026-10-18&channel=web', prefer);
      expect(answer.status).toBe(200);
    }
  });

  it('reports a failed computation with its code instead of computing forever', async () => {
    const query = 'unit=HN&from=2026-09-01&to=2026-10-18&topic=wages';
    jest.spyOn(t.platform.mood, 'summary').mockRejectedValue(new Error('boom'));
    expect((await ask('hn@x.vn', query, 'respond-async')).status).toBe(202);
    const failed = await settle('hn@x.vn', query);
    expect(failed.status).toBe(503);
    expect(MoodViewPendingSchema.parse(failed.body)).toMatchObject({ status: 'failed', code: 'COMPUTATION_FAILED' });
    expect(Number(failed.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('downloads a view not kept with 202 then the file; a partly hidden view is the synchronous one, hidden cells without figures', async () => {
    const query = 'unit=TLD&from=2026-09-15&to=2026-10-18';
    const nationalPath = (await t.platform.repositories.units.findByCode('TLD'))!.path;
    // The JSON view first: the job's document is the one computed with nothing kept, byte for byte.
    expect((await ask('root@x.vn', query, 'respond-async')).status).toBe(202);
    const ready = await settle('root@x.vn', query);
    expect(ready.status).toBe(200);
    const document = MoodSummarySchema.parse(ready.body);
    expect(ready.text).toBe(JSON.stringify(await computedAfresh({ unit: 'TLD', from: '2026-09-15', to: '2026-10-18', readerPath: nationalPath, includeExcluded: true })));
    expect(ready.text).toBe((await ask('root@x.vn', query)).text);
    // Partly hidden: the national total and topics are shown; HCM (3 members, below k) is hidden, and so is HN (6)
    // by complementary suppression, since the total less HN would give HCM; every cell with them carries no figure.
    expect(document).toMatchObject({ members: 9, suppressed: false });
    expect(document.topics.find((topic) => topic.topic === 'wage_arrears')).toMatchObject({ members: 9, suppressed: false });
    expect(document.children.map((child) => [child.unit, child.suppressed, child.members])).toEqual([
      ['HCM', true, null],
      ['HN', true, null],
    ]);
    const hiddenCells = document.cells.filter((cell) => cell.suppressed);
    expect(hiddenCells.length).toBe(3);
    expect(hiddenCells.every((cell) => cell.members === null && cell.messages === null)).toBe(true);

    // The downloads (trend by month: another view, not kept yet) answer 202, then the kept view rendered.
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    const pending = await get('root@x.vn', 'report.csv', query, 'respond-async');
    expect(pending.status).toBe(202);
    expect(MoodViewPendingSchema.parse(pending.body)).toEqual({ status: 'computing', retryAfterMs: 2000 });
    expect(pending.headers.get('retry-after')).toBe('2');
    expect(viewJobs(enqueue)).toHaveLength(1);
    const csv = await settle('root@x.vn', query, 'report.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('bao-cao-TLD-');
    const monthly = await computedAfresh({ unit: 'TLD', from: '2026-09-15', to: '2026-10-18', bucket: 'month', readerPath: nationalPath, includeExcluded: false });
    expect(csv.text).toBe(summaryToCsv(monthly));
    expect(csv.text).toBe((await get('root@x.vn', 'report.csv', query)).text);
    const hiddenLines = csv.text.split('\r\n').filter((line) => line.endsWith('"true"'));
    expect(hiddenLines.length).toBe(monthly.cells.filter((cell) => cell.suppressed).length);
    expect(hiddenLines.length).toBeGreaterThan(0);
    for (const line of hiddenLines) expect(line).toMatch(/,"","","true"$/);
    expect(csv.text).toContain('"HCM","wage_arrears","negative","","","true"');

    // The XLSX of the same kept view answers at once (no second job), with the same cells as the synchronous file.
    const xlsx = await get('root@x.vn', 'report.xlsx', query, 'respond-async');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(viewJobs(enqueue)).toHaveLength(1);
    const values = await workbookValues(xlsx.bytes);
    expect(values).toEqual(await workbookValues((await get('root@x.vn', 'report.xlsx', query)).bytes));
    expect(values['Đơn vị']!.filter((row) => row[2] === '< 5 (ẩn)').map((row) => row[0])).toEqual(['HCM', 'HN']);
    expect(values['Tổng hợp']!.find((row) => row[0] === 'Đoàn viên phản ánh')).toEqual(['Đoàn viên phản ánh', 9]);
    const hiddenRows = values['Chi tiết']!.filter((row) => row[3] === '< 5 (ẩn)');
    expect(hiddenRows.length).toBe(hiddenLines.length);
    expect(hiddenRows.every((row) => row[4] === '< 5 (ẩn)')).toBe(true);

    // Examples opened from a view with the trend by month name that bucket: the view is the kept one, answered at once.
    const examples = await get('root@x.vn', 'examples', `${query}&topic=wage_arrears&bucket=month`, 'respond-async');
    expect(examples.status).toBe(200);
    expect(MoodExamplesSchema.parse(examples.body)).toMatchObject({ unit: 'TLD', topic: 'wage_arrears', suppressed: false });
    expect(viewJobs(enqueue)).toHaveLength(1);
  });

  it('opens examples of a view not kept with 202, then the examples; a hidden group still shows none', async () => {
    const query = 'unit=HN&from=2026-09-08&to=2026-10-18&topic=living_conditions';
    const first = await get('hn@x.vn', 'examples', query, 'respond-async');
    expect(first.status).toBe(202);
    expect(first.headers.get('preference-applied')).toBe('respond-async');
    const ready = await settle('hn@x.vn', query, 'examples');
    expect(ready.status).toBe(200);
    const examples = MoodExamplesSchema.parse(ready.body);
    expect(examples).toMatchObject({ unit: 'HN', topic: 'living_conditions', suppressed: false });
    expect(examples.examples.length).toBeGreaterThan(0);
    expect(ready.body).toEqual((await get('hn@x.vn', 'examples', query)).body);
    // HCM's 3 members: hidden in its summary, so no words of theirs, whichever path computed it.
    const hidden = await settle('root@x.vn', 'unit=HCM&from=2026-09-08&to=2026-10-18&topic=wage_arrears', 'examples');
    expect(MoodExamplesSchema.parse(hidden.body)).toMatchObject({ suppressed: true, examples: [] });
  });

  it('checks the downloads and examples before anything is queued: bad period 422, another branch 404, wrong role 403', async () => {
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    const refused: [string, string, string, number][] = [
      ['hn@x.vn', 'report.csv', 'unit=HN&from=2026-10-18&to=2026-10-01', 422],
      ['hn@x.vn', 'report.xlsx', 'unit=HN&from=2026-13-01&to=2026-10-18', 422],
      ['hn@x.vn', 'report.xlsx', 'unit=HN&from=2020-01-01&to=2026-10-18', 422],
      ['hn@x.vn', 'examples', 'unit=HN&from=2026-10-18&to=2026-10-01&topic=wages', 422],
      ['hn@x.vn', 'examples', 'unit=HN&from=2026-09-01&to=2026-10-18', 422],
      ['hn@x.vn', 'examples', 'unit=HN&from=2026-09-01&to=2026-10-18&topic=wages&bucket=day', 422],
      ['hcm@x.vn', 'report.csv', 'unit=HN&from=2026-08-01&to=2026-10-18', 404],
      ['hn@x.vn', 'examples', 'unit=HCM&from=2026-08-01&to=2026-10-18&topic=wages', 404],
      ['hcm@x.vn', 'examples', 'unit=HCM&from=2026-08-01&to=2026-10-18&topic=wages', 403],
    ];
    for (const [email, path, query, status] of refused) {
      const answer = await get(email, path, query, 'respond-async');
      expect([path, query, answer.status]).toEqual([path, query, status]);
    }
    expect(viewJobs(enqueue)).toHaveLength(0);
  });

  it('ignores a Prefer header over 1,000 characters on the downloads and examples: synchronous, nothing queued', async () => {
    const enqueue = jest.spyOn(t.platform.queue, 'enqueue');
    const long = `respond-async, ${'x'.repeat(1_000)}`;
    const csv = await get('hn@x.vn', 'report.csv', 'unit=HN&from=2026-08-03&to=2026-10-18', long);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const examples = await get('hn@x.vn', 'examples', 'unit=HN&from=2026-08-03&to=2026-10-18&topic=wage_arrears', long);
    expect(examples.status).toBe(200);
    expect(MoodExamplesSchema.parse(examples.body).suppressed).toBe(false);
    expect(viewJobs(enqueue)).toHaveLength(0);
  });
});
