import { AppError } from '../../../core/errors/app-error.js';
import { createFaqMatcher } from '../../../knowledge/faq/faq-matcher.js';
import { STARTER_PACK_URL } from '../../../knowledge/faq/starter-pack.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { executeRows } from '../execute-rows.js';
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
    const { entry: created } = await repository.create(entry('crud-a'));
    expect(created).toMatchObject({ id: 'crud-a', status: 'published', version: 1, variants: ['tang ca tinh sao', 'tc đc bao nhiêu'] });
    await repository.create(entry('crud-b', { topic: 'wages', status: 'draft' }));
    expect((await repository.get('crud-a'))?.citations).toEqual([{ lawId: '45/2019/QH14', articleNo: '98' }]);
    expect(await repository.get('missing')).toBeNull();
    expect((await repository.list({ topic: 'wages' })).entries.map((e) => e.id)).toEqual(['crud-b']);
    expect((await repository.list({ status: 'published' })).entries.map((e) => e.id)).toContain('crud-a');
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
    const { entry: created } = await repository.create(entry('edit-me'));
    const { entry: updated } = await repository.update('edit-me', { answer: 'Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất 200%.' }, created.version);
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
    expect(first).toMatchObject({ created: pack.entries.length, updated: 0, unchanged: 0, deleted: 0 });
    expect(await repository.importEntries(pack)).toEqual({ created: 0, updated: 0, unchanged: pack.entries.length, deleted: 0, changeId: null });

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
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 0, deleted: 1 });
    expect(await repository.get('imp-b')).toBeNull();
    expect((await repository.get('imp-a'))?.version).toBe(2);
    expect((await repository.list()).entries.map((e) => e.id)).toEqual(['imp-a', 'imp-c']);
  });

  it('rejects a bad file as a whole, naming the entry and field', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const before = await repository.count();
    const error = await rejection(repository.importEntries([entry('ok-x'), entry('Bad Id')]));
    expect(error.code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect(error.fields[0]?.path).toBe('entries.1.id');
    expect(await repository.count()).toBe(before);
  });

  it('keeps every change with before and after, and undoes an edit, a deletion and a whole import', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const actor = { userId: null, email: 'leader@x.vn' };
    const { entry: created } = await repository.create(entry('undo-a'), { actor });
    const edit = await repository.update('undo-a', { answer: 'Một câu trả lời đã sửa, đủ dài để hợp lệ.' }, created.version, { actor });
    const history = await repository.history('undo-a');
    expect(history.map((change) => change.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({ actor: 'leader@x.vn', before: { version: 1 }, after: { version: 2 } });

    const undo = await repository.undo(edit.changeId, actor);
    expect((await repository.get('undo-a'))).toMatchObject({ answer: created.answer, version: 3 });
    expect((await rejection(repository.undo(edit.changeId, actor))).code).toBe('VERSION_CONFLICT');
    // Undoing the undo is a redo.
    await repository.undo(undo.changeId, actor);
    expect((await repository.get('undo-a'))?.answer).toBe('Một câu trả lời đã sửa, đủ dài để hợp lệ.');

    const deletion = await repository.delete('undo-a', { actor });
    await repository.undo(deletion.changeId, actor);
    expect((await repository.get('undo-a'))?.answer).toBe('Một câu trả lời đã sửa, đủ dài để hợp lệ.');

    const imported = await repository.importEntries([entry('undo-b'), entry('undo-c')], 'merge', { actor });
    expect(imported.changeId).not.toBeNull();
    await repository.undo(imported.changeId as string, actor);
    expect(await repository.get('undo-b')).toBeNull();
    expect(await repository.get('undo-c')).toBeNull();
  });

  it('refuses to undo over a later edit', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const { entry: created, changeId } = await repository.create(entry('undo-late'));
    await repository.update('undo-late', { status: 'draft' }, created.version);
    const error = await rejection(repository.undo(changeId, { userId: null, email: 'x' }));
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.fields[0]?.path).toBe('undo-late');
    expect((await repository.get('undo-late'))?.status).toBe('draft');
  });

  it('imports into one owner: replace leaves other owners alone and an id of another owner is a conflict', async () => {
    const repository = createFaqRepository(database.db, steppingClock);
    const [unit] = await executeRows<{ id: string }>(database.db, sql`insert into units (code, name, level, path) values ('OWN1', 'CĐCS', 'grassroots', '/x/') returning id`);
    const owner = unit?.id as string;
    await repository.importEntries([entry('nat-keep')], 'merge');
    const local = await repository.importEntries([entry('loc-a'), entry('loc-b')], 'replace', { ownerUnitId: owner });
    expect(local).toMatchObject({ created: 2, deleted: 0 });
    expect(await repository.get('nat-keep')).not.toBeNull();
    const foreign = await rejection(repository.importEntries([entry('nat-keep')], 'merge', { ownerUnitId: owner }));
    expect(foreign.code).toBe('DUPLICATE');
    expect(foreign.fields[0]?.path).toBe('entries.0.id');
    expect((await repository.get('loc-a'))?.owner?.code).toBe('OWN1');
  });
});
