import { miniCorpusJsonl, miniCorpusLines, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { articleContentHash } from './content-hash.js';
import { parseLawCorpus } from './parse-law-corpus.js';
import { planLawImport } from './plan-law-import.js';
import type { StoredArticleFingerprint } from './law-corpus-store.js';

describe('planLawImport', () => {
  const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
  const storedFrom = (articles = corpus.articles) =>
    new Map<string, StoredArticleFingerprint>(articles.map((a) => [a.id, { lawId: a.lawId, contentHash: articleContentHash(a) }]));

  it('adds everything into an empty store', () => {
    const { plan, counts } = planLawImport(corpus, new Map());
    expect(counts).toEqual({ documents: 3, added: 12, changed: 0, unchanged: 0, removed: 0 });
    expect(plan.upserts).toHaveLength(12);
  });

  it('writes nothing when the same corpus is imported again', () => {
    const { plan, counts } = planLawImport(corpus, storedFrom());
    expect(counts).toEqual({ documents: 3, added: 0, changed: 0, unchanged: 12, removed: 0 });
    expect(plan.upserts).toEqual([]);
  });

  it('detects changed text and articles a document no longer has, leaving other documents alone', () => {
    const lines = miniCorpusLines().filter((line) => line.id !== 'LD2019__D8');
    const edited = lines.map((line) => (line.id === 'LD2019__D5' ? { ...line, text: `${line.text}\n3. Khoản mới.` } : line));
    const next = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(edited) });
    const stored = storedFrom();
    stored.set('OTHER__D1', { lawId: 'OTHER/1', contentHash: 'x' });
    const { plan, counts } = planLawImport(next, stored);
    expect(counts).toEqual({ documents: 3, added: 0, changed: 1, unchanged: 10, removed: 1 });
    expect(plan.upserts.map((u) => u.article.id)).toEqual(['LD2019__D5']);
    expect(plan.removedArticleIds).toEqual(['LD2019__D8']);
  });

  it('gives a stable hash that changes with the content', () => {
    const [first] = corpus.articles;
    if (!first) throw new Error('fixture is empty');
    expect(articleContentHash(first)).toBe(articleContentHash({ ...first }));
    expect(articleContentHash({ ...first, status: 'expired' })).not.toBe(articleContentHash(first));
  });
});
