import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InboxItemDto } from '../../core/contracts/inbox-api.js';
import { conversations, units, users } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT } from '../support/inbox-fixtures.js';
import { manualClock } from '../support/manual-clock.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier(INBOX_SCRIPT);

describe.each(testBackends())('inbox queue: SLA escalation and auto-assignment on $name', (backend) => {
  let t: TestPlatform;
  let database: TestDatabase;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};
  // A Wednesday, 09:00 in Vietnam: inside the default office hours, where SLA minutes run.
  const clock = manualClock(new Date('2026-12-02T02:00:00Z'));
  const queuePrefix = `tq${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock, env: { QUEUE_PREFIX: queuePrefix }, database });
    Object.assign(tokens, await createAccounts(t, [['a1@x.vn', 'A1', 'officer'], ['a1b@x.vn', 'A1', 'officer'], ['kcn@x.vn', 'HN-KCN', 'officer'], ['tld@x.vn', 'TLD', 'admin']]));
    api = adminApi(t, tokens);
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  const item = async (email: string, id: string): Promise<InboxItemDto | undefined> =>
    ((await api(email, 'GET', '/conversations?view=all&limit=100')).body.items as InboxItemDto[]).find((i) => i.id === id);

  it('escalates an unclaimed hand-off up the hierarchy at each deadline, across a restart, and stops at the top', async () => {
    const db = t.database.db;
    await db.update(units).set({ slaMinutes: 20 }).where(eq(units.code, 'HN-KCN'));
    const { conversationId } = await handOffWebMember(t, 'A1');
    const start = await item('a1@x.vn', conversationId);
    expect(start).toMatchObject({ queueUnit: { code: 'A1' }, overdue: false, escalationLevel: 0 });
    // A1 sets no SLA of its own: its parent's 20 minutes apply (the default would be 30).
    const dueMinutes = (Date.parse(String(start?.slaDueAt)) - Date.parse(String(start?.handedOffAt))) / 60_000;
    expect(dueMinutes).toBe(20);

    clock.advanceMinutes(19);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await item('a1@x.vn', conversationId)).toMatchObject({ queueUnit: { code: 'A1' }, overdue: false });

    clock.advanceMinutes(2);
    const first = await waitUntil(async () => {
      const row = await item('kcn@x.vn', conversationId);
      return row?.escalationLevel === 1 ? row : null;
    }, 20_000, 'escalation to HN-KCN');
    expect(first).toMatchObject({ queueUnit: { code: 'HN-KCN' }, overdue: true, state: 'waiting_officer' });

    // The platform restarts (jobs in memory are gone on the embedded queue); the deadline still holds.
    await t.close();
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock, env: { QUEUE_PREFIX: queuePrefix }, database });
    api = adminApi(t, tokens);
    clock.advanceMinutes(21);
    await waitUntil(async () => (await item('tld@x.vn', conversationId))?.escalationLevel === 2, 20_000, 'escalation to HN');
    expect(await item('tld@x.vn', conversationId)).toMatchObject({ queueUnit: { code: 'HN' }, overdue: true });
    clock.advanceMinutes(31);
    await waitUntil(async () => (await item('tld@x.vn', conversationId))?.escalationLevel === 3, 20_000, 'escalation to TLD');
    const top = await item('tld@x.vn', conversationId);
    expect(top).toMatchObject({ queueUnit: { code: 'TLD' }, overdue: true, slaDueAt: null });
    clock.advanceMinutes(120);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await item('tld@x.vn', conversationId))?.escalationLevel).toBe(3);

    // Claimed in time: no escalation.
    const claimedOne = await handOffWebMember(t, 'A1');
    expect((await api('a1@x.vn', 'POST', `/conversations/${claimedOne.conversationId}/claim`)).status).toBe(200);
    clock.advanceMinutes(60);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [row] = await db.select().from(conversations).where(eq(conversations.id, claimedOne.conversationId));
    expect(row).toMatchObject({ escalationLevel: 0, overdue: false, state: 'officer' });
    await api('a1@x.vn', 'POST', `/conversations/${claimedOne.conversationId}/close`, { resolution: 'resolved' });
  });

  it('auto-assigns the oldest waiting to the least busy available officer within capacity, and again when one frees up', async () => {
    const db = t.database.db;
    await db.update(units).set({ autoAssign: true }).where(eq(units.code, 'A1'));
    await db.update(users).set({ capacity: 1 }).where(eq(users.email, 'a1@x.vn'));
    await db.update(users).set({ capacity: 2 }).where(eq(users.email, 'a1b@x.vn'));

    // Nobody available: it stays in the queue.
    const first = await handOffWebMember(t, 'A1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await item('a1@x.vn', first.conversationId)).toMatchObject({ state: 'waiting_officer', assignedOfficer: null });

    // a1 becomes available: the waiting one goes to them.
    expect((await api('a1@x.vn', 'PUT', '/me/availability', { availability: 'available' })).status).toBe(200);
    await waitUntil(async () => (await item('a1@x.vn', first.conversationId))?.assignedOfficer?.displayName === 'a1@x.vn', 20_000, 'assigned to a1');

    // a1 is full (capacity 1): the next two go to a1b once available, the fourth waits.
    expect((await api('a1b@x.vn', 'PUT', '/me/availability', { availability: 'available' })).status).toBe(200);
    const second = await handOffWebMember(t, 'A1');
    const third = await handOffWebMember(t, 'A1');
    const fourth = await handOffWebMember(t, 'A1');
    for (const { conversationId } of [second, third]) {
      await waitUntil(async () => (await item('a1b@x.vn', conversationId))?.assignedOfficer?.displayName === 'a1b@x.vn', 20_000, 'assigned to a1b');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await item('a1@x.vn', fourth.conversationId)).toMatchObject({ state: 'waiting_officer', assignedOfficer: null });

    // a1 closes theirs: the fourth is theirs now.
    expect((await api('a1@x.vn', 'POST', `/conversations/${first.conversationId}/close`, { resolution: 'resolved' })).status).toBe(200);
    await waitUntil(async () => (await item('a1@x.vn', fourth.conversationId))?.assignedOfficer?.displayName === 'a1@x.vn', 20_000, 'the fourth assigned after a1 freed up');
  });
});
