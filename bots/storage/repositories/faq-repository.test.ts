import { AppError } from '../../../core/errors/app-error.js';
import { createFaqMatcher } from '../../../knowledge/faq/faq-matcher.js';
import { STARTER_PACK_URL } from '../../../knowledge/faq/starter-pack.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { readFileSync } from 'node:fs';
import { createFaqRepository } from './faq-repository.js';

let tick = 0;
/** A clock that moves one second per reading, so updatedAt changes are visible. */
const steppingClock = { now: () => new Date(Date.UTC(2026, 1, 1, 8, 0, tick++)) };

const entry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  topic: 'working_time',
  question: `Câu hỏi mẫu số ${id} về tăng ca?`,
  variants: ['tang ca tinh sao', 'tc đc bao nhiêu'],
  answer: 'Làm thêm giờ vào ngày thường được trả ít nhất bằng 150% tiền lương.',
  citations: [{ lawId: '45/2019/QH14', articleNo: '98' }],
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe.each(testBackends())('FAQ repository on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates, reads, lists and filters entries', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const created = await repository.create(entry('crud-a'));
    expect(created).toMatchObject({ id: 'crud-a', status: 'published', version: 1, variants: ['tang ca tinh sao', 'tc đc bao nhiêu'] });
    await repository.create(entry('crud-b', { topic: 'wages', status: 'draft' }));
    expect((await repository.get('crud-a'))?.citations).toEqual([{ lawId: '45/2019/QH14', articleNo: '98' }]);
    expect(await repository.get('missing')).toBeNull();
    expect((await repository.list({ topic: 'wages' })).map((e) => e.id)).toEqual(['crud-b']);
    expect((await repository.list({ status: 'published' })).map((e) => e.id)).toContain('crud-a');
    expect((await repository.listPublished()).map((e) => e.id)).not.toContain('crud-b');
  });

  it('rejects invalid input naming the field, and duplicate ids, writing nothing', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const before = await repository.count();
    const invalid = await rejection(repository.create(entry('bad-one', { topic: 'weather', citations: [] })));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['body.topic']));
    await repository.create(entry('dup-one'));
    expect((await rejection(repository.create(entry('dup-one')))).code).toBe('DUPLICATE');
    expect(await repository.count()).toBe(before + 1);
  });

  it('updates with optimistic locking and validates the merged entry', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const created = await repository.create(entry('edit-me'));
    const updated = await repository.update('edit-me', { answer: 'Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất 200%.' }, created.version);
    expect(updated).toMatchObject({ version: 2, answer: 'Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất 200%.' });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));

    const stale = await rejection(repository.update('edit-me', { question: 'Câu hỏi đã sửa lần nữa?' }, created.version));
    expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const uncited = await rejection(repository.update('edit-me', { citations: [] }, 2));
    expect(uncited.fields.map((f) => f.path)).toEqual(['body.citations']);
    expect((await rejection(repository.update('edit-me', { id: 'renamed' }, 2))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(repository.update('nobody', { answer: 'Một câu trả lời đủ dài để hợp lệ.' }, 1))).code).toBe('NOT_FOUND');
    expect((await repository.get('edit-me'))?.version).toBe(2);
  });

  it('deletes, and reports a missing entry', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    await repository.create(entry('delete-me'));
    await repository.delete('delete-me');
    expect(await repository.get('delete-me')).toBeNull();
    expect((await rejection(repository.delete('delete-me'))).code).toBe('NOT_FOUND');
  });

  it('imports the starter pack, re-imports it unchanged, and exports what it imported', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const pack = JSON.parse(readFileSync(STARTER_PACK_URL, 'utf8')) as { entries: { id: string }[] };
    const first = await repository.importEntries(pack);
    expect(first).toEqual({ created: pack.entries.length, updated: 0, unchanged: 0, deleted: 0 });
    expect(await repository.importEntries(pack)).toEqual({ created: 0, updated: 0, unchanged: pack.entries.length, deleted: 0 });

    const exported = JSON.parse(await repository.exportJson()) as { entries: { id: string; answer: string }[] };
    const ids = new Set(exported.entries.map((e) => e.id));
    expect(pack.entries.every((e) => ids.has(e.id))).toBe(true);

    // The stored entries feed the matcher exactly like the file does.
    const matcher = createFaqMatcher(await repository.listPublished());
    expect(matcher.match('Lương tối thiểu vùng I năm 2026 là bao nhiêu?')?.entry.id).toBe('wages-minimum-wage-2026');
  });

  it('merges changes and, in replace mode, removes entries missing from the file', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    await repository.importEntries([entry('imp-a'), entry('imp-b')], 'replace');
    const result = await repository.importEntries([entry('imp-a', { answer: 'Câu trả lời mới, vẫn đủ dài và đúng.' }), entry('imp-c')], 'replace');
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 0, deleted: 1 });
    expect(await repository.get('imp-b')).toBeNull();
    expect((await repository.get('imp-a'))?.version).toBe(2);
    expect((await repository.list()).map((e) => e.id)).toEqual(['imp-a', 'imp-c']);
  });

  it('rejects a bad file as a whole, naming the entry and field', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const before = await repository.count();
    const error = await rejection(repository.importEntries([entry('ok-x'), entry('Bad Id')]));
    expect(error.code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect(error.fields[0]?.path).toBe('entries.1.id');
    expect(await repository.count()).toBe(before);
  });
});
