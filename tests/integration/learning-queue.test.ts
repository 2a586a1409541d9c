import { randomUUID } from 'node:crypto';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

describe.each(testBackends())('learning queue on $name', (backend) => {
  let t: TestPlatform;
  let tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge() });
    tokens = await createAccounts(t, [['hn@x.vn', 'HN', 'officer'], ['hcm@x.vn', 'HCM', 'officer'], ['root@x.vn', 'TLD', 'admin']]);
  });
  afterAll(async () => t?.close());

  async function queueAs(email: string) {
    const response = await fetch(`${t.baseUrl}/api/admin/learning-queue`, { headers: { authorization: `Bearer ${tokens[email]}` } });
    return ((await response.json()) as { items: { text: string; reason: string; unitCode: string | null }[] }).items;
  }

  it('queues unsure messages with personal data redacted, visible only within the unit subtree', async () => {
    const post = (text: string, unitCode?: string) =>
      fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text, ...(unitCode ? { unitCode } : {}) }) });
    await post('chuyện khó nói, gọi em số 0912 345 678 nhé', 'A1');
    await post('một câu không rõ ràng');
    await waitUntil(async () => (await t.platform.repositories.learning.count()) === 2, 20_000, 'two queued items');
    const hn = await queueAs('hn@x.vn');
    expect(hn).toHaveLength(1);
    expect(hn[0]).toMatchObject({ reason: 'low_confidence', unitCode: 'A1' });
    expect(hn[0]?.text).toContain('[SĐT]');
    expect(hn[0]?.text).not.toContain('345');
    expect(await queueAs('hcm@x.vn')).toEqual([]);
    // A member without a union is seen by the intake unit (the top unit by default), never by nobody (issue #15).
    expect((await queueAs('root@x.vn')).map((i) => i.unitCode).sort()).toEqual(['A1', 'TLD']);
  });

  it('redacts disguised personal data too: full-width digits and an "[at]" e-mail (issue #13 finding 10)', async () => {
    const before = await t.platform.repositories.learning.count();
    const disguised = 'chuyện khó nói, số em ０９１２ ３４５ ６７８, mail lan.nguyen92 [at] gmail.com';
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: disguised, unitCode: 'A1' }),
    });
    expect(response.status).toBe(202);
    await waitUntil(async () => (await t.platform.repositories.learning.count()) === before + 1, 20_000, 'the disguised message queued');
    const item = (await queueAs('hn@x.vn')).find((entry) => entry.text.includes('chuyện khó nói, số em'));
    expect(item?.text).toContain('[SĐT]');
    expect(item?.text).toContain('[EMAIL]');
    for (const value of ['０９１２', '３４５', '６７８', '345', 'lan.nguyen92', 'gmail']) expect(item?.text).not.toContain(value);
  });
});
