import { generateDemo } from '../../bots/demo/demo-generator.js';
import { runEarlyWarning } from '../../bots/mood/early-warning.js';
import { hashPassword } from '../../bots/auth/password.js';
import type { MoodAlertDto, MoodSummary } from '../../core/contracts/mood-api.js';
import { TEST_PASSWORD } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

describe.each(testBackends())('mood early warning on $name', (backend) => {
  let t: TestPlatform;
  let spikes: { unit: string; topic: string; from: string; to: string }[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    const generated = await generateDemo(t.database.db, { members: 3000, messages: 12_000, seed: 11, days: 120, endDay: '2026-11-30', spikes: 2 });
    spikes = generated.spikes;
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    const { units, users } = t.platform.repositories;
    const spikeUnit = await units.findByCode(spikes[0]!.unit);
    const province = (await units.findById((await units.findById(spikeUnit!.parentId!))!.parentId!))!;
    const other = (await units.listSubtree((await units.findByCode('TLD'))!.path)).find((u) => u.level === 'province_or_sector' && u.id !== province.id)!;
    for (const [email, unitId] of [['tinh@x.vn', province.id], ['khac@x.vn', other.id]] as const) {
      await users.create({ email, passwordHash: await hashPassword(TEST_PASSWORD), role: 'leader', unitId, displayName: email });
      const login = await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD, bearer: true }) });
      tokens[email] = ((await login.json()) as { token: string }).token;
    }
  }, 240_000);
  afterAll(async () => t?.close());

  const call = (email: string, path: string, init: RequestInit = {}) =>
    fetch(`${t.baseUrl}/api/admin/mood${path}`, { ...init, headers: { authorization: `Bearer ${tokens[email]}`, 'content-type': 'application/json' } });

  it('finds the planted rises against each unit’s own baseline, once per unit, topic and week', async () => {
    expect(spikes.length).toBeGreaterThan(0);
    for (const spike of spikes) {
      const result = await runEarlyWarning({ db: t.database.db, alerts: t.platform.repositories.moodAlerts, k: 5 }, spike.to, new Date());
      const codes = await Promise.all(result.created.map(async (c) => `${(await t.platform.repositories.units.findById(c.unitId))?.code}/${c.topic}`));
      expect(codes).toContain(`${spike.unit}/${spike.topic}`);
      const again = await runEarlyWarning({ db: t.database.db, alerts: t.platform.repositories.moodAlerts, k: 5 }, spike.to, new Date());
      expect(again.created).toEqual([]);
    }
  });

  it('lets the unit’s leaders acknowledge, annotate and resolve an alert, keeps its history, and hides it from other branches', async () => {
    const listed = await call('tinh@x.vn', '/alerts');
    const list = (await listed.json()) as { items: MoodAlertDto[] };
    expect([listed.status, list]).toEqual([200, expect.objectContaining({ items: expect.any(Array) })]);
    const alert = list.items.find((a) => a.unit === spikes[0]!.unit && a.topic === spikes[0]!.topic)!;
    expect(alert).toMatchObject({ status: 'open' });
    expect(alert.observed).toBeGreaterThanOrEqual(8);
    expect(alert.evidence).toMatchObject({ test: 'poisson_upper_tail' });
    const other = (await (await call('khac@x.vn', '/alerts?status=all')).json()) as { items: MoodAlertDto[] };
    expect(other.items.find((a) => a.id === alert.id)).toBeUndefined();
    expect((await call('khac@x.vn', `/alerts/${alert.id}/acknowledge`, { method: 'POST', body: '{}' })).status).toBe(404);

    expect((await call('tinh@x.vn', `/alerts/${alert.id}/acknowledge`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await call('tinh@x.vn', `/alerts/${alert.id}/annotate`, { method: 'POST', body: '{}' })).status).toBe(422);
    expect((await call('tinh@x.vn', `/alerts/${alert.id}/annotate`, { method: 'POST', body: JSON.stringify({ note: 'Đã làm việc với công ty' }) })).status).toBe(200);
    const resolved = (await (await call('tinh@x.vn', `/alerts/${alert.id}/resolve`, { method: 'POST', body: '{}' })).json()) as { alert: MoodAlertDto };
    expect(resolved.alert).toMatchObject({ status: 'resolved', note: 'Đã làm việc với công ty' });
    const history = (await (await call('tinh@x.vn', `/alerts/${alert.id}/history`)).json()) as { history: { action: string }[] };
    expect(history.history.map((h) => h.action)).toEqual(['created', 'acknowledge', 'annotate', 'resolve']);

    const summary = (await (await call('tinh@x.vn', `/summary?from=${spikes[0]!.from}&to=${spikes[0]!.to}`)).json()) as MoodSummary;
    expect(summary.alerts.map((a) => a.id)).toContain(alert.id);
  });
});
