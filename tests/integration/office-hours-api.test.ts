import { and, eq } from 'drizzle-orm';
import { OfficeHoursResponseSchema } from '../../core/contracts/office-hours-api.js';
import { auditLog, units } from '../../bots/storage/schema/index.js';
import { createHandoffFactsRepository } from '../../bots/storage/repositories/handoff-facts-repository.js';
import { resolveOfficeHours } from '../../core/conversations/office-hours.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { adminApi } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const SHIFTS = { timezone: 'Asia/Ho_Chi_Minh', days: { mon: [['06:00', '14:00'], ['14:00', '22:00']], sat: [['07:00', '11:00']] } };

describe.each(testBackends())('office hours in the admin API on $name', (backend) => {
  let t: TestPlatform;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    Object.assign(
      tokens,
      await createAccounts(t, [
        ['lead-hn@x.vn', 'HN', 'leader'],
        ['admin-a1@x.vn', 'A1', 'admin'],
        ['officer-hn@x.vn', 'HN', 'officer'],
        ['lead-hcm@x.vn', 'HCM', 'leader'],
      ]),
    );
    api = adminApi(t, tokens);
  });
  afterAll(async () => t?.close());

  it('shows what applies and where it comes from; a leader sets a unit below them, which the unit below inherits', async () => {
    const initial = OfficeHoursResponseSchema.parse((await api('officer-hn@x.vn', 'GET', '/units/A1/office-hours')).body);
    expect(initial).toMatchObject({ unit: { code: 'A1', level: 'grassroots' }, own: null, inheritedFrom: null, canEdit: false, medianWaitMinutes: null });
    expect(initial.effective.days.mon).toEqual([['07:30', '11:30'], ['13:00', '17:00']]);

    const set = await api('lead-hn@x.vn', 'PUT', '/units/HN-KCN/office-hours', { officeHours: SHIFTS });
    expect(set.status).toBe(200);
    expect(OfficeHoursResponseSchema.parse(set.body)).toMatchObject({ own: SHIFTS, inheritedFrom: null, canEdit: true });
    const below = OfficeHoursResponseSchema.parse((await api('officer-hn@x.vn', 'GET', '/units/A1/office-hours')).body);
    expect(below).toMatchObject({ own: null, effective: SHIFTS, inheritedFrom: { code: 'HN-KCN', name: 'KCN' } });
    expect(below.open ? below.closesAt : below.nextOpening).not.toBeNull();
    // The hand-off replies and SLA deadlines read the same hours.
    const [a1] = await t.database.db.select().from(units).where(eq(units.code, 'A1'));
    expect(resolveOfficeHours((await createHandoffFactsRepository(t.database.db).facts(a1!.id, new Date())).officeHoursChain)).toEqual(SHIFTS);

    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unit_office_hours'), eq(auditLog.actor, 'lead-hn@x.vn')));
    expect(audited[0]?.details).toMatchObject({ code: 'HN-KCN', officeHours: SHIFTS });

    // An admin of the grassroots union sets its own hours; clearing them inherits the parent's again.
    expect((await api('admin-a1@x.vn', 'PUT', '/units/A1/office-hours', { officeHours: { days: { tue: [['08:00', '12:00']] } } })).body).toMatchObject({ own: { timezone: 'Asia/Ho_Chi_Minh', days: { tue: [['08:00', '12:00']] } } });
    const cleared = await api('admin-a1@x.vn', 'DELETE', '/units/A1/office-hours');
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ own: null, inheritedFrom: { code: 'HN-KCN' } });
  });

  it('keeps each role to its part: officers read only, nobody sees or edits outside their subtree', async () => {
    expect((await api('officer-hn@x.vn', 'PUT', '/units/A1/office-hours', { officeHours: SHIFTS })).status).toBe(403);
    expect((await api('officer-hn@x.vn', 'DELETE', '/units/A1/office-hours')).status).toBe(403);
    expect((await api('lead-hcm@x.vn', 'GET', '/units/A1/office-hours')).status).toBe(404);
    expect((await api('lead-hcm@x.vn', 'PUT', '/units/A1/office-hours', { officeHours: SHIFTS })).status).toBe(404);
    expect((await api('admin-a1@x.vn', 'PUT', '/units/HN/office-hours', { officeHours: SHIFTS })).status).toBe(404); // above them
    expect((await api('lead-hn@x.vn', 'GET', '/units/NOPE/office-hours')).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/admin/units/A1/office-hours`)).status).toBe(401);
  });

  it('refuses bad hours with the field named and changes nothing', async () => {
    const before = (await api('lead-hn@x.vn', 'GET', '/units/HN/office-hours')).body;
    const bad: [unknown, string][] = [
      [{ days: { mon: [['08:00', '07:00']] } }, 'officeHours.days.mon.0'],
      [{ days: { mon: [['08:00', '12:00'], ['11:00', '13:00']] } }, 'officeHours.days.mon'],
      [{ days: { mon: [['8:00', '12:00']] } }, 'officeHours.days.mon.0.0'],
      [{ days: { mon: [['08:00', '25:00']] } }, 'officeHours.days.mon.0.1'],
      [{ days: { funday: [['08:00', '12:00']] } }, 'officeHours.days'],
      [{ timezone: 'Mars/Olympus', days: {} }, 'officeHours.timezone'],
      [{ days: { mon: [['01:00', '02:00'], ['03:00', '04:00'], ['05:00', '06:00'], ['07:00', '08:00'], ['09:00', '10:00']] } }, 'officeHours.days.mon'],
    ];
    for (const [officeHours, path] of bad) {
      const response = await api('lead-hn@x.vn', 'PUT', '/units/HN/office-hours', { officeHours });
      expect({ path, status: response.status }).toEqual({ path, status: 422 });
      const fields = (response.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
      expect(fields.some((f) => f.startsWith(`body.${path}`))).toBe(true);
    }
    expect((await api('lead-hn@x.vn', 'PUT', '/units/HN/office-hours', { officeHours: SHIFTS, extra: 1 })).status).toBe(422);
    expect((await api('lead-hn@x.vn', 'PUT', '/units/HN/office-hours', '{"officeHours":')).status).toBe(400);
    expect((await api('lead-hn@x.vn', 'GET', '/units/HN/office-hours')).body).toEqual(before);
  });
});
