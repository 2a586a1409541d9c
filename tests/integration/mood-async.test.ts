import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { MoodSummarySchema, MoodViewPendingSchema } from '../../core/contracts/mood-api.js';
import { createAccounts, TEST_PASSWORD } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'công ty nợ lương hai tháng rồi': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'góp ý: nhà ăn dạo này kém quá': { route: 'feedback', topic: 'living_conditions', sentiment: 'negative' },
});

// D-mood-18: `Prefer: respond-async` on the summary. Every case asks a view of its own (a period or a filter nobody
// asked before), since a view computed once stays kept for the rest of the suite.
describe.each(testBackends())('mood summary with Prefer: respond-async on $name', (backend) => {
  let t: TestPlatform;
  let tokens: Record<string, string> = {};
  const time = shiftedClock('2026-10-10T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock: time.clock });
    tokens = await createAccounts(t, [
      ['root@x.vn', 'TLD', 'admin'],
      ['hn@x.vn', 'HN', 'leader'],
      ['hcm@x.vn', 'HCM', 'officer'],
    ]);
    const post = (sessionId: string, text: string, unitCode: string) =>
      fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, unitCode }) });
    for (let i = 0; i < 6; i++) {
      const session = randomUUID();
      await post(session, 'công ty nợ lương hai tháng rồi', 'A1');
      await post(session, 'góp ý: nhà ăn dạo này kém quá', 'A1');
    }
    await waitForIdle(t.platform.database.db, 90_000);
    time.moveTo('2026-10-20T09:00:00+07:00');
    for (const email of Object.keys(tokens)) {
      const login = await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD, bearer: true }) });
      tokens[email] = ((await login.json()) as { token: string }).token;
    }
  }, 120_000);
  afterAll(async () => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const ask = async (email: string, query: string, prefer?: string) => {
    const response = await fetch(`${t.baseUrl}/api/admin/mood/summary?${query}`, { headers: { authorization: `Bearer ${tokens[email]}`, ...(prefer === undefined ? {} : { prefer }) } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };
  /** Asks asynchronously until the answer is no longer 202 (the queued job has run). */
  const settle = async (email: string, query: string) => {
    for (let i = 0; i < 300; i++) {
      const answer = await ask(email, query, 'respond-async');
      if (answer.status !== 202) return answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`still computing: ${query}`);
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
});
