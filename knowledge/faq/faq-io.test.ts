import { AppError } from '../../core/errors/app-error.js';
import { exportFaqJson, importFaqJson, parseFaqEntries } from './faq-io.js';

const fixedClock = { now: () => new Date('2026-02-01T08:00:00.000Z') };

const validEntry = {
  id: 'wt-overtime-pay',
  topic: 'working_time',
  question: 'Tiền lương tăng ca được tính như thế nào?',
  variants: ['tang ca tinh luong sao', 'tc chủ nhật đc x2 ko'],
  answer: 'Làm thêm giờ vào ngày thường được trả ít nhất 150% tiền lương.',
  citations: [{ lawId: '45/2019/QH14', articleNo: '98' }],
};

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('FAQ import', () => {
  it('accepts a bare array and the export envelope, filling status and updatedAt', () => {
    const [entry] = parseFaqEntries([validEntry], fixedClock);
    expect(entry).toMatchObject({ id: 'wt-overtime-pay', status: 'published', updatedAt: '2026-02-01T08:00:00.000Z' });
    expect(parseFaqEntries({ entries: [validEntry] }, fixedClock)).toHaveLength(1);
  });

  it('stores decomposed Vietnamese as NFC and trims', () => {
    const [entry] = parseFaqEntries([{ ...validEntry, question: '  Người lao động tăng ca?  '.normalize('NFD') }], fixedClock);
    expect(entry?.question).toBe('Người lao động tăng ca?');
    expect(entry?.question).toBe(entry?.question.normalize('NFC'));
  });

  it('rejects bad entries naming every bad field, and imports nothing', () => {
    const error = rejection(() =>
      parseFaqEntries(
        [
          validEntry,
          { ...validEntry, id: 'Bad Id', topic: 'weather' },
          { ...validEntry, id: 'no-cite', citations: [] },
          { ...validEntry, id: 'bad-article', citations: [{ lawId: '45/2019/QH14', articleNo: 'chín' }] },
        ],
        fixedClock,
      ),
    );
    expect(error.code).toBe('KNOWLEDGE_IMPORT_INVALID');
    const paths = error.fields.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['entries.1.id', 'entries.1.topic', 'entries.2.citations', 'entries.3.citations.0.articleNo']));
  });

  it('allows a draft without citations but not a published one', () => {
    expect(parseFaqEntries([{ ...validEntry, citations: [], status: 'draft' }], fixedClock)[0]?.status).toBe('draft');
  });

  it('rejects duplicate ids and names the second one', () => {
    const error = rejection(() => parseFaqEntries([validEntry, validEntry], fixedClock));
    expect(error.fields).toEqual([{ path: 'entries.1.id', message: expect.stringContaining('entries.0') }]);
  });

  it('rejects text that is not JSON or not a list of entries', () => {
    expect(rejection(() => importFaqJson('{not json', fixedClock)).code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect(rejection(() => importFaqJson('"hello"', fixedClock)).code).toBe('KNOWLEDGE_IMPORT_INVALID');
  });

  it('round-trips through export and import unchanged', () => {
    const entries = parseFaqEntries([validEntry, { ...validEntry, id: 'a-first' }], fixedClock);
    const exported = exportFaqJson(entries, fixedClock);
    expect(JSON.parse(exported)).toMatchObject({ format: 'congdoan-faq', version: 1, exportedAt: '2026-02-01T08:00:00.000Z' });
    const reimported = importFaqJson(exported, fixedClock);
    expect(reimported.map((entry) => entry.id)).toEqual(['a-first', 'wt-overtime-pay']);
    expect(reimported).toEqual([...entries].sort((a, b) => a.id.localeCompare(b.id)));
  });
});
