import { randomUUID } from 'node:crypto';
import { loadKnowledge } from '../../bots/knowledge/load-knowledge.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const DUES = 'Đoàn phí công đoàn đóng bao nhiêu và kinh phí công đoàn 2% là gì?';
const CANTEEN = 'Nhà ăn ca đêm của công ty có phục vụ suất chay không?';
const classifier = createScriptedClassifier({
  [DUES]: { route: 'question', topic: 'union' },
  [CANTEEN]: { route: 'question', topic: 'living_conditions' },
});
const LOCAL_DUES = 'Ở CĐCS A, đoàn phí là 1% tiền lương đóng BHXH, trừ qua bảng lương hằng tháng; mức trần theo quy định của Tổng Liên đoàn.';
const CANTEEN_ANSWER = 'Có. Nhà ăn ca đêm phục vụ suất chay mỗi ngày; bạn đăng ký với tổ trưởng trước 17 giờ.';

type Json = Record<string, unknown>;

describe.each(testBackends())('knowledge desk on $name', (backend) => {
  let t: TestPlatform;
  let tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: async ({ env, database, logger }) => {
        await seedKnowledgeIfEmpty({ env, database, logger });
        return loadKnowledge({ env, database, logger });
      },
    });
    tokens = await createAccounts(t, [
      ['root@x.vn', 'TLD', 'admin'],
      ['nat-leader@x.vn', 'TLD', 'leader'],
      ['hn-leader@x.vn', 'HN', 'leader'],
      ['a1-leader@x.vn', 'A1', 'leader'],
      ['a1-admin@x.vn', 'A1', 'admin'],
      ['a1-officer@x.vn', 'A1', 'officer'],
      ['hcm-admin@x.vn', 'HCM', 'admin'],
      ['hcm-officer@x.vn', 'HCM', 'officer'],
    ]);
    // Seeding the law corpus and starting Chromium take a while on a busy machine.
  }, 180_000);
  afterAll(async () => t?.close());

  async function api(method: string, path: string, who: string | null, body?: unknown): Promise<{ status: number; body: Json; text: string; type: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who) headers.authorization = `Bearer ${tokens[who]}`;
    const response = await fetch(`${t.baseUrl}/api/admin${path}`, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await response.text();
    let parsed: Json = {};
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = {};
    }
    return { status: response.status, body: parsed, text, type: response.headers.get('content-type') ?? '' };
  }

  async function ask(text: string, unitCode?: string): Promise<string> {
    const sessionId = randomUUID();
    await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, ...(unitCode ? { unitCode } : {}) }),
    });
    const replies = await waitUntil(async () => {
      const history = (await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${sessionId}`)).json()) as { messages: { direction: string; text: string }[] };
      const out = history.messages.filter((m) => m.direction === 'out');
      return out.length > 0 ? out : null;
    }, 30_000, 'a reply');
    return replies.map((reply) => reply.text).join('\n');
  }

  const localEntry = (id: string, extra: Json = {}) => ({
    id,
    topic: 'living_conditions',
    question: CANTEEN,
    variants: ['nha an ca dem co suat chay khong', 'căng tin ca đêm có đồ chay k'],
    answer: CANTEEN_ANSWER,
    citations: [{ lawId: '45/2019/QH14', articleNo: '136' }],
    ...extra,
  });

  it('keeps national entries to the national level: a grassroots leader can neither replace nor edit them', async () => {
    const before = await t.platform.repositories.faqs.count();
    expect(before).toBeGreaterThan(50);
    const replace = await api('POST', '/faq/import?mode=replace', 'a1-leader@x.vn', [localEntry('a1-only')]);
    expect(replace.status).toBe(403);
    expect(await t.platform.repositories.faqs.count()).toBe(before);
    const national = await api('GET', '/faq/union-dues-and-fees', 'a1-leader@x.vn');
    expect(national.body).toMatchObject({ owner: null, can: { edit: false, delete: false, override: true } });
    expect((await api('PATCH', '/faq/union-dues-and-fees', 'a1-leader@x.vn', { version: national.body.version, status: 'draft' })).status).toBe(403);
    // Even an admin of a grassroots union cannot replace the national FAQ with an import into the national level.
    expect((await api('POST', '/faq/import?mode=replace&unit=TLD', 'a1-admin@x.vn', [localEntry('a1-only')])).status).toBe(403);
    expect(await t.platform.repositories.faqs.count()).toBe(before);
  });

  it('lets a unit add local entries that answer only its members, and override a national one for its subtree', async () => {
    const created = await api('POST', '/faq', 'a1-leader@x.vn', localEntry('a1-canteen-vegetarian'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ owner: { code: 'A1' }, can: { edit: true, delete: false } });
    expect(typeof created.body.changeId).toBe('string');

    const national = await api('GET', '/faq/union-dues-and-fees', 'a1-leader@x.vn');
    const override = await api('POST', '/faq', 'a1-leader@x.vn', {
      id: 'a1-union-dues',
      topic: 'union',
      question: national.body.question,
      variants: national.body.variants,
      answer: LOCAL_DUES,
      citations: national.body.citations,
      overridesId: 'union-dues-and-fees',
    });
    expect(override.status).toBe(201);
    // An override must come from below the entry it overrides.
    const sideways = await api('POST', '/faq', 'hcm-admin@x.vn', { ...localEntry('hcm-over-a1'), overridesId: 'a1-canteen-vegetarian' });
    expect(sideways.status).toBe(422);

    expect(await ask(DUES, 'A1')).toContain('trừ qua bảng lương hằng tháng');
    const elsewhere = await ask(DUES);
    expect(elsewhere).not.toContain('trừ qua bảng lương hằng tháng');
    expect(elsewhere).toContain(String(national.body.answer).slice(0, 40));
    expect(await ask(CANTEEN, 'A1')).toContain('suất chay mỗi ngày');
    expect(await ask(CANTEEN)).not.toContain('suất chay mỗi ngày');

    // Another branch does not even see the local entries.
    expect((await api('GET', '/faq/a1-canteen-vegetarian', 'hcm-admin@x.vn')).status).toBe(404);
    const hcmList = await api('GET', '/faq?owner=local', 'hcm-officer@x.vn');
    expect((hcmList.body.entries as Json[]).map((e) => e.id)).not.toContain('a1-canteen-vegetarian');
    // The whole FAQ: the national entry holding 'năng suất … cháy nổ' far apart is dropped, a real match exists.
    const hnList = await api('GET', '/faq?q=suat chay', 'hn-leader@x.vn');
    expect((hnList.body.entries as Json[]).map((e) => e.id)).toEqual(['a1-canteen-vegetarian']);
    expect(hnList.body.total).toBe(1);
    // Ranked, then paged: the question's phrase first, every page from the same order, the total of all matches.
    const ranked = await api('GET', '/faq?q=tang ca&limit=500', 'a1-leader@x.vn');
    const rankedIds = (ranked.body.entries as Json[]).map((e) => e.id);
    expect(String((ranked.body.entries as Json[])[0]?.question).toLowerCase()).toContain('tăng ca');
    const page2 = await api('GET', '/faq?q=tang ca&limit=3&offset=3', 'a1-leader@x.vn');
    expect((page2.body.entries as Json[]).map((e) => e.id)).toEqual(rankedIds.slice(3, 6));
    expect(page2.body.total).toBe(rankedIds.length);
    expect((await api('GET', '/faq?q=tăng ca', 'a1-leader@x.vn')).body.total).toBe(rankedIds.length);
    // Typed as it is said in the North ("xuất" for "suất"): nothing matches as typed, so the list says it reads the
    // search with the usual spelling confusions and shows what matches that way; an exact match never says so.
    const misspelt = await api('GET', `/faq?q=${encodeURIComponent('xuất chay')}`, 'a1-leader@x.vn');
    expect(misspelt.body).toMatchObject({ spelling: true });
    expect((misspelt.body.entries as Json[])[0]?.id).toBe('a1-canteen-vegetarian');
    expect(ranked.body).not.toHaveProperty('spelling');
  });

  it('lets leaders above edit and retire, and only admins of the owning level delete', async () => {
    const entry = await api('GET', '/faq/a1-canteen-vegetarian', 'hn-leader@x.vn');
    const edited = await api('PATCH', '/faq/a1-canteen-vegetarian', 'hn-leader@x.vn', { version: entry.body.version, variants: [...(entry.body.variants as string[]), 'nha an co mon chay ko'] });
    expect(edited.status).toBe(200);
    expect((await api('DELETE', '/faq/a1-canteen-vegetarian', 'a1-leader@x.vn')).status).toBe(403);
    expect((await api('DELETE', '/faq/a1-canteen-vegetarian', 'hcm-admin@x.vn')).status).toBe(404);
    const retired = await api('PATCH', '/faq/a1-canteen-vegetarian', 'a1-leader@x.vn', { version: edited.body.version, status: 'retired' });
    expect(retired.body).toMatchObject({ status: 'retired' });
    expect(await ask(CANTEEN, 'A1')).not.toContain('suất chay mỗi ngày');
    const listed = await api('GET', '/faq?q=suat chay&owner=local', 'a1-leader@x.vn');
    expect(listed.body.entries).toEqual([]);
    // With the real match retired, the scattered one is all there is, so it is listed rather than nothing.
    const scattered = await api('GET', '/faq?q=suat chay', 'a1-leader@x.vn');
    expect((scattered.body.entries as Json[]).map((e) => e.id)).toEqual(['worker-opinions']);
    expect(((await api('GET', '/faq?q=suat chay&owner=local&status=retired', 'a1-leader@x.vn')).body.entries as Json[]).length).toBe(1);

    // One click undoes the retirement, and members are answered again at once.
    const undo = await api('POST', `/faq/changes/${String(retired.body.changeId)}/undo`, 'a1-leader@x.vn');
    expect(undo.status).toBe(200);
    expect(await ask(CANTEEN, 'A1')).toContain('suất chay mỗi ngày');
    expect((await api('POST', `/faq/changes/${String(retired.body.changeId)}/undo`, 'a1-leader@x.vn')).status).toBe(409);
    expect((await api('POST', `/faq/changes/${String(retired.body.changeId)}/undo`, 'hcm-admin@x.vn')).status).toBe(404);
    expect((await api('POST', '/faq/changes/not-a-uuid/undo', 'a1-leader@x.vn')).status).toBe(422);

    const history = await api('GET', '/faq/a1-canteen-vegetarian/history', 'a1-officer@x.vn');
    expect((history.body.changes as Json[]).map((c) => c.action)).toEqual(['undo', 'retire', 'update', 'create']);
    expect((await api('DELETE', '/faq/a1-canteen-vegetarian', 'a1-admin@x.vn')).status).toBe(200);
    expect((await api('GET', '/faq/a1-canteen-vegetarian', 'a1-admin@x.vn')).status).toBe(404);
  });

  it('lets the national level edit national entries with undo, and refuses bad input without writing', async () => {
    const entry = await api('GET', '/faq/union-how-to-join', 'nat-leader@x.vn');
    const changed = await api('PATCH', '/faq/union-how-to-join', 'nat-leader@x.vn', { version: entry.body.version, answer: `${String(entry.body.answer)} (đã cập nhật)` });
    expect(changed.status).toBe(200);
    await api('POST', `/faq/changes/${String(changed.body.changeId)}/undo`, 'nat-leader@x.vn');
    expect((await api('GET', '/faq/union-how-to-join', 'nat-leader@x.vn')).body.answer).toBe(entry.body.answer);

    expect((await api('POST', '/faq', 'nat-leader@x.vn', '{"id":')).status).toBe(400);
    expect((await api('POST', '/faq', 'nat-leader@x.vn', 'null')).status).toBe(400);
    expect((await api('POST', '/faq', 'nat-leader@x.vn', '[1]')).status).toBe(422);
    expect((await api('PATCH', '/faq/union-how-to-join', 'nat-leader@x.vn', { version: 1e30, status: 'draft' })).status).toBe(422);
    expect((await api('POST', '/faq/proposals', 'a1-officer@x.vn', { kind: 'create', payload: { id: 'x' } })).status).toBe(422);
    expect((await api('POST', '/faq', 'nat-leader@x.vn', { ...localEntry('bad-owner'), ownerUnitId: 'not-a-uuid' })).status).toBe(422);
    expect((await api('POST', '/faq', 'nat-leader@x.vn', { ...localEntry('no-such-owner'), ownerUnitId: randomUUID() })).status).toBe(422);
    expect((await api('GET', '/faq?status=everything', 'nat-leader@x.vn')).status).toBe(422);
    expect((await api('GET', '/faq', null)).status).toBe(401);
    expect((await api('POST', '/faq', 'a1-officer@x.vn', localEntry('officer-try'))).status).toBe(403);
  });

  it('stores an answer pasted with invisible control characters without them (one cleaning step at the edge, D-hardening-2)', async () => {
    const created = await api('POST', '/faq', 'nat-leader@x.vn', { ...localEntry('nul-text', { question: 'Mẫu đơn xin nghỉ phép lấy ở đâu?', variants: ['mau don xin nghi phep o dau'] }), answer: `${CANTEEN_ANSWER}\u0000` });
    expect(created.status).toBe(201);
    expect((await api('GET', '/faq/nul-text', 'nat-leader@x.vn')).body.answer).toBe(CANTEEN_ANSWER);
  });

  it('lets officers propose and leaders of their branch review', async () => {
    const proposed = await api('POST', '/faq/proposals', 'a1-officer@x.vn', { kind: 'create', payload: localEntry('a1-proposed-canteen', { question: 'Nhà ăn có phục vụ bữa sáng cho ca đêm không?' }), note: 'Nhiều bạn hỏi' });
    expect(proposed.status).toBe(201);
    const id = String(proposed.body.id);
    expect((await api('POST', '/faq/proposals', 'a1-officer@x.vn', { kind: 'update' })).status).toBe(422);
    expect((await api('POST', `/faq/proposals/${id}/accept`, 'a1-officer@x.vn')).status).toBe(403);
    expect((await api('POST', `/faq/proposals/${id}/accept`, 'hcm-admin@x.vn')).status).toBe(404);
    const mine = await api('GET', '/faq/proposals', 'a1-officer@x.vn');
    expect((mine.body.proposals as Json[]).map((p) => p.id)).toContain(id);
    expect(((await api('GET', '/faq/proposals', 'hcm-admin@x.vn')).body.proposals as Json[]).map((p) => p.id)).not.toContain(id);

    const accepted = await api('POST', `/faq/proposals/${id}/accept`, 'a1-leader@x.vn', { note: 'OK' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ entryId: 'a1-proposed-canteen', proposal: { status: 'accepted', reviewer: 'a1-leader@x.vn' } });
    expect((await api('GET', '/faq/a1-proposed-canteen', 'a1-officer@x.vn')).body).toMatchObject({ owner: { code: 'A1' } });
    expect((await api('POST', `/faq/proposals/${id}/reject`, 'a1-leader@x.vn')).status).toBe(409);
  });

  it('turns an unsure question into an FAQ entry, stores relabels as training data, and keeps other branches out', async () => {
    const unsure = 'căng tin có bán cơm tấm buổi tối không vậy';
    await ask(unsure, 'A1');
    const item = await waitUntil(async () => {
      const queue = await api('GET', '/learning-queue', 'a1-officer@x.vn');
      return (queue.body.items as Json[]).find((candidate) => candidate.text === unsure) ?? null;
    }, 20_000, 'the unsure question in the queue');
    const itemId = String(item.id);

    expect((await api('POST', `/learning-queue/${itemId}/relabel`, 'hcm-officer@x.vn', { route: 'question', topic: 'living_conditions', sentiment: 'neutral' })).status).toBe(404);
    expect((await api('POST', `/learning-queue/${itemId}/relabel`, 'a1-officer@x.vn', { route: 'question', topic: 'weather', sentiment: 'neutral' })).status).toBe(422);
    expect((await api('POST', `/learning-queue/${randomUUID()}/dismiss`, 'a1-officer@x.vn')).status).toBe(404);
    const relabelled = await api('POST', `/learning-queue/${itemId}/relabel`, 'a1-officer@x.vn', { route: 'question', topic: 'living_conditions', sentiment: 'neutral' });
    expect(relabelled.body).toMatchObject({ outcome: 'labelled', item: { reviewedLabels: { topic: 'living_conditions' } } });
    expect(await t.platform.repositories.reviewedLabels.reviewedLabels()).toContainEqual(expect.objectContaining({ text: unsure, route: 'question', topic: 'living_conditions', sentiment: 'neutral' }));

    const entry = { id: 'a1-canteen-evening', topic: 'living_conditions', question: unsure, variants: ['can tin co ban com tam buoi toi ko'], answer: 'Căng tin mở đến 21 giờ và có bán cơm tấm buổi tối cho công nhân ca chiều.', citations: [{ lawId: '45/2019/QH14', articleNo: '136' }] };
    const byOfficer = await api('POST', `/learning-queue/${itemId}/faq`, 'a1-officer@x.vn', entry);
    expect(byOfficer.status).toBe(202);
    expect(byOfficer.body).toMatchObject({ outcome: 'proposed', item: { status: 'open' } });
    const byLeader = await api('POST', `/learning-queue/${itemId}/faq`, 'a1-leader@x.vn', entry);
    expect(byLeader.status).toBe(201);
    expect(byLeader.body).toMatchObject({ outcome: 'applied', item: { status: 'resolved', faqEntryId: 'a1-canteen-evening' } });
    // The classifier is still unsure of this wording: the curated entry answers anyway.
    expect(await ask(unsure, 'A1')).toContain('cơm tấm buổi tối');

    // Answer with an existing entry: the member's wording becomes a variant (a proposal for a national entry).
    const another = 'muốn vô công đoàn thì làm thủ tục gì ạ';
    await ask(another, 'A1');
    const second = await waitUntil(async () => ((await api('GET', '/learning-queue', 'a1-leader@x.vn')).body.items as Json[]).find((c) => c.text === another) ?? null, 20_000, 'second item');
    const similar = await api('GET', `/faq/similar?text=${encodeURIComponent(another)}`, 'a1-leader@x.vn');
    // Suggestions rank the entries closest to the member's words for the officer to pick from (all below the answer threshold here).
    expect((similar.body.entries as Json[]).length).toBeGreaterThan(0);
    expect((similar.body.entries as Json[]).every((e) => typeof e.score === 'number' && (e.score as number) < 0.5)).toBe(true);
    expect((await api('GET', '/faq/similar?text=a', 'a1-leader@x.vn')).status).toBe(422);
    const answered = await api('POST', `/learning-queue/${String(second.id)}/answer`, 'a1-leader@x.vn', { faqEntryId: 'union-how-to-join' });
    expect(answered.body).toMatchObject({ outcome: 'proposed', item: { status: 'resolved', faqEntryId: 'union-how-to-join' } });
    expect((await api('POST', `/learning-queue/${String(second.id)}/answer`, 'a1-leader@x.vn', { faqEntryId: 'no-such-entry' })).status).toBe(422);
    const dismissed = await api('POST', `/learning-queue/${String(second.id)}/dismiss`, 'a1-officer@x.vn');
    expect(dismissed.body).toMatchObject({ outcome: 'dismissed', item: { status: 'dismissed' } });
  });

  it('searches the law for citations', async () => {
    const found = await api('GET', `/law/search?q=${encodeURIComponent('nghỉ thai sản mấy tháng')}&k=5`, 'a1-officer@x.vn');
    expect(found.status).toBe(200);
    const hits = found.body.hits as { lawId: string; articleNo: string; label: string; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.label).toMatch(/^Điều \d+/);
    expect((await api('GET', '/law/search?q=a', 'a1-officer@x.vn')).status).toBe(422);
    expect((await api('GET', '/law/search?q=luong&k=500', 'a1-officer@x.vn')).status).toBe(422);
    expect((await api('GET', '/law/search?q=luong', null)).status).toBe(401);
  });

  it('lets admins browse and export the audit log within their part of the union', async () => {
    expect((await api('GET', '/audit', 'nat-leader@x.vn')).status).toBe(403);
    expect((await api('GET', '/audit', 'a1-officer@x.vn')).status).toBe(403);
    expect((await api('GET', '/audit', null)).status).toBe(401);
    const all = await api('GET', '/audit?pageSize=5', 'root@x.vn');
    expect(all.status).toBe(200);
    expect((all.body.items as Json[]).length).toBe(5);
    expect(all.body.total as number).toBeGreaterThan(5);
    expect(all.body.actions as string[]).toEqual(expect.arrayContaining(['faq_create', 'faq_undo', 'learning_relabel']));
    const page2 = await api('GET', '/audit?pageSize=5&page=2', 'root@x.vn');
    expect((page2.body.items as Json[])[0]?.id).not.toBe((all.body.items as Json[])[0]?.id);

    const creates = await api('GET', '/audit?action=faq_create&actor=a1-leader', 'root@x.vn');
    expect((creates.body.items as Json[]).every((row) => row.action === 'faq_create' && row.actor === 'a1-leader@x.vn')).toBe(true);
    expect((creates.body.items as Json[]).map((row) => row.targetId)).toContain('a1-canteen-vegetarian');
    const target = await api('GET', '/audit?targetType=faq_entry&targetId=a1-union-dues', 'root@x.vn');
    expect(target.body.total).toBe(1);
    const future = await api('GET', '/audit?from=2099-01-01', 'root@x.vn');
    expect(future.body.items).toEqual([]);

    // An admin of another province sees nothing of A1's work.
    const hcm = await api('GET', '/audit?pageSize=200', 'hcm-admin@x.vn');
    expect((hcm.body.items as Json[]).some((row) => String(row.actor).startsWith('a1-'))).toBe(false);
    const a1 = await api('GET', '/audit?pageSize=200', 'a1-admin@x.vn');
    expect((a1.body.items as Json[]).some((row) => row.actor === 'a1-leader@x.vn')).toBe(true);

    expect((await api('GET', '/audit?from=yesterday', 'root@x.vn')).status).toBe(422);
    expect((await api('GET', '/audit?from=2026-05-02&to=2026-05-01', 'root@x.vn')).status).toBe(422);
    expect((await api('GET', '/audit?pageSize=0', 'root@x.vn')).status).toBe(422);
    expect((await api('GET', '/audit?sort=evil', 'root@x.vn')).status).toBe(422);
    expect((await api('GET', '/audit?from=2026-02-30', 'root@x.vn')).status).toBe(422);
    expect((await api('GET', '/audit?actor=a%00b', 'root@x.vn')).status).toBe(422);

    const csv = await api('GET', '/audit/export.csv?action=faq_create', 'root@x.vn');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,target_type,target_id,unit,details');
    expect(lines.length).toBe(1 + Number((await api('GET', '/audit?action=faq_create', 'root@x.vn')).body.total));
    expect(lines.slice(1).every((line) => line.includes('"faq_create"'))).toBe(true);
    expect((await api('GET', '/audit/export.csv', 'hn-leader@x.vn')).status).toBe(403);
  });

  it('lets a national admin replace the national FAQ by import and undo the whole replacement in one call (issue #13)', async () => {
    // Everything a level's FAQ is, as its export shows it (ids, questions, variants, answers, citations, statuses,
    // overrides), and what the other levels hold: the undo must bring back the first and leave the second alone.
    // `updatedAt` is left out: restoring an entry is a write of its own, at its own time.
    const content = (text: string) => (JSON.parse(text) as { entries: Json[] }).entries.map(({ updatedAt: _at, ...entry }) => entry);
    const national = async () => content((await api('GET', '/faq/export?unit=TLD', 'root@x.vn')).text);
    const everyLevel = async () => content((await api('GET', '/faq/export', 'root@x.vn')).text);
    const before = await national();
    const otherLevels = (await everyLevel()).filter((entry) => !before.some((n) => n.id === entry.id));
    expect(before.length).toBeGreaterThan(50);
    const duesBefore = await ask(DUES);

    const replaced = await api('POST', '/faq/import?mode=replace&unit=TLD', 'root@x.vn', [{ ...localEntry('tld-only-entry'), topic: 'union' }]);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ created: 1, deleted: before.length });
    expect((await national()).map((entry) => entry.id)).toEqual(['tld-only-entry']);

    const undone = await api('POST', `/faq/changes/${String(replaced.body.changeId)}/undo`, 'root@x.vn');
    expect(undone.status).toBe(200);
    expect(undone.body.entries).toBe(before.length + 1);
    const byId = (entries: Json[]) => [...entries].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(await national())).toEqual(byId(before));
    expect(byId((await everyLevel()).filter((entry) => !before.some((n) => n.id === entry.id)))).toEqual(byId(otherLevels));
    // Members are answered from the restored entries again.
    expect(await ask(DUES)).toBe(duesBefore);
    // The undo is itself a change: a second undo of the replacement finds nothing left to undo.
    expect((await api('POST', `/faq/changes/${String(replaced.body.changeId)}/undo`, 'root@x.vn')).status).toBe(409);
  });
});
