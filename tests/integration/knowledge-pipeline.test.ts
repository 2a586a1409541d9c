import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadKnowledge } from '../../bots/knowledge/load-knowledge.js';
import { DEFAULT_LAW_CORPUS, seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { fromProjectRoot } from '../../bots/project-root.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const questions = {
  'lương tối thiểu vùng 1 năm nay là bao nhiêu': 'wages',
  'công đoàn có hỗ trợ vé xe tết cho công nhân không': 'union',
} as const;
const classifier = createScriptedClassifier(Object.fromEntries(Object.entries(questions).map(([q, topic]) => [q, { route: 'question' as const, topic }])));

describe.each(testBackends())('cited answers through the whole platform on $name', (backend) => {
  let t: TestPlatform;
  let leader = '';
  let officer = '';
  let admin = '';

  beforeAll(async () => {
    // The demo corpus is read from ../shared beside the project (never copied in); CI has it.
    expect(existsSync(fromProjectRoot(DEFAULT_LAW_CORPUS))).toBe(true);
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: async ({ env, database, logger }) => {
        await seedKnowledgeIfEmpty({ env, database, logger });
        return loadKnowledge({ env, database, logger });
      },
    });
    const tokens = await createAccounts(t, [['leader@x.vn', 'TLD', 'leader'], ['officer@x.vn', 'HN', 'officer'], ['admin@x.vn', 'TLD', 'admin']]);
    admin = tokens['admin@x.vn'] as string;
    leader = tokens['leader@x.vn'] as string;
    officer = tokens['officer@x.vn'] as string;
    // Seeding the law corpus takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => t?.close());

  async function ask(text: string) {
    const sessionId = randomUUID();
    await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text }) });
    return waitUntil(async () => {
      const history = (await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${sessionId}`)).json()) as { messages: { direction: string; text: string; citations?: { label: string; href?: string }[] }[] };
      const replies = history.messages.filter((m) => m.direction === 'out');
      return replies.length > 0 ? replies : null;
    }, 30_000, 'an answer');
  }

  it('answers a legal question with the article, its effective date and the disclaimer', async () => {
    const [answer] = await ask('lương tối thiểu vùng 1 năm nay là bao nhiêu');
    expect(answer?.text).toContain('5.310.000');
    expect(answer?.citations?.some((c) => c.label.includes('293/2025/NĐ-CP') || c.label.includes('Nghị định 293'))).toBe(true);
    expect(answer?.text).toMatch(/tham khảo/);
  });

  it('shows each citation once on the web chat, as a list linking to the article page (issue #11 item 2)', async () => {
    const [answer] = await ask('làm thêm giờ ngày thường được trả bao nhiêu phần trăm');
    expect(answer?.citations?.length).toBeGreaterThan(0);
    expect(answer?.text).not.toContain('Căn cứ:');
    for (const citation of answer?.citations ?? []) expect(answer?.text).not.toContain(citation.label);
    const href = answer?.citations?.[0]?.href as string;
    expect(href).toMatch(/^\/luat\?van-ban=.+&dieu=\d+/);
    const articlePage = await fetch(`${t.baseUrl}${href}`);
    expect(articlePage.status).toBe(200);
    expect(articlePage.headers.get('content-type')).toMatch(/text\/html/);
    expect(await articlePage.text()).toMatch(/<h1>Điều \d+\. .+<\/h1>[\s\S]*hiệu lực từ/);
    const missing = await fetch(`${t.baseUrl}/luat?van-ban=45%2F2019%2FQH14&dieu=9999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy điều luật này');
    const bad = await fetch(`${t.baseUrl}/luat?van-ban=45%2F2019%2FQH14&dieu=%3Cscript%3E`);
    expect(bad.status).toBe(422);
  });

  it('lets leaders edit the FAQ, refuses officers and unknown articles, and answers from the new entry at once', async () => {
    const entry = {
      id: 've-xe-tet-cong-doan',
      topic: 'union',
      question: 'Công đoàn có hỗ trợ vé xe tết cho công nhân không?',
      variants: ['cong doan co ho tro ve xe tet khong', 'vé xe tết công đoàn', 'cđ có tặng vé tàu xe về quê ăn tết k'],
      answer: 'Có. Chương trình "Tết Sum vầy" của Công đoàn hỗ trợ vé xe, vé tàu cho đoàn viên có hoàn cảnh khó khăn về quê đón Tết. Bạn đăng ký với công đoàn cơ sở của mình.',
      citations: [{ lawId: '50/2024/QH15', articleNo: '10' }],
    };
    const send = (method: string, path: string, token: string, body?: unknown) =>
      fetch(`${t.baseUrl}/api/admin/faq${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await send('POST', '', officer, entry)).status).toBe(403);
    const unknownArticle = await send('POST', '', leader, { ...entry, citations: [{ lawId: '50/2024/QH15', articleNo: '999' }] });
    expect(unknownArticle.status).toBe(422);
    expect(((await unknownArticle.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('body.citations.0');
    const invalid = await send('POST', '', leader, { ...entry, id: 'Có Dấu', answer: 'ngắn' });
    expect(invalid.status).toBe(422);
    const created = await send('POST', '', leader, entry);
    expect(created.status).toBe(201);
    const { version } = (await created.json()) as { version: number };
    const [answer] = await ask('công đoàn có hỗ trợ vé xe tết cho công nhân không');
    expect(answer?.text).toContain('Tết Sum vầy');
    expect((await send('PATCH', `/${entry.id}`, leader, { version: version + 5, status: 'draft' })).status).toBe(409);
    expect((await send('PATCH', `/${entry.id}`, leader, { version, status: 'draft' })).status).toBe(200);
    expect((await send('GET', `/${entry.id}`, officer)).status).toBe(200);
    expect((await send('DELETE', `/${entry.id}`, officer)).status).toBe(403);
    // Leaders retire; deleting is for admins of the owning level (issue #13).
    expect((await send('DELETE', `/${entry.id}`, leader)).status).toBe(403);
    expect((await send('DELETE', `/${entry.id}`, admin)).status).toBe(200);
    expect((await send('GET', `/${entry.id}`, leader)).status).toBe(404);
  });
});
