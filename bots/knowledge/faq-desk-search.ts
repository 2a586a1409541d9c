import type { FaqListFilter, FaqRepository, StoredFaqEntry } from '../storage/repositories/faq-repository.js';
import { deskMatchOf, deskSpellingMatchOf, rankDeskMatches } from './desk-search-rank.js';
import { deskQueryOf, deskSearchDocOf, type DeskSearchDoc } from './desk-search-text.js';

export interface FaqDeskSearchFilter extends Omit<FaqListFilter, 'limit' | 'offset'> {
  /** Words to look for, with or without diacritics, teencode welcome. */
  q?: string;
  limit: number;
  offset: number;
}

/** Every entry a filter may list, for ranking in memory (the FAQ holds hundreds, and the repository caps at 5,000). */
const ALL = 5000;
/** A bound on the memo, far above any real FAQ: entries deleted over months must not pile up. */
const MEMO_LIMIT = 20_000;
/** Entries read between two yields of the event loop: a few milliseconds of work. */
const READ_SLICE = 20;

/**
 * Class 2 of desk-search-rank.ts and below: the words only close together in an answer, pieces, scattered. A
 * misspelt word often still matches a common word ("chợ" as typed meets every unaccented "cho" of an answer), so
 * a search that finds no better deserves a second reading.
 */
const WEAK = 2;

const signatureOf = (entry: StoredFaqEntry) => JSON.stringify([entry.question, entry.variants, entry.answer]);

/**
 * The knowledge desk's search (GET /api/admin/faq?q=): the entries a filter lists, ranked by how well they match
 * what the officer typed (desk-search-rank.ts), then paged. Without words, the list's own order and paging.
 * Normalising the whole FAQ takes 0.3–2 s, so each entry's reading is kept until its text changes (a warm search
 * of the 345-entry pack: 2–55 ms).
 */
export function createFaqDeskSearch(faqs: Pick<FaqRepository, 'list'>) {
  const memo = new Map<string, { signature: string; doc: DeskSearchDoc }>();

  const docOf = (entry: StoredFaqEntry): DeskSearchDoc => {
    const signature = signatureOf(entry);
    const known = memo.get(entry.id);
    if (known?.signature === signature) return known.doc;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const doc = deskSearchDocOf(entry);
    memo.set(entry.id, { signature, doc });
    return doc;
  };

  // The first search after a start reads every entry (0.3–2 s of CPU): in slices, so members' messages handled by
  // the same process are not held up meanwhile.
  const readAll = async (entries: readonly StoredFaqEntry[]) => {
    for (const [index, entry] of entries.entries()) {
      docOf(entry);
      if (index % READ_SLICE === READ_SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  return {
    /**
     * `spelling: true` when the search as typed matched nothing or only weakly (scattered words, pieces), and the
     * entries listed are those matching it under the spelling key (s/x, ch/tr, d/gi/r, l/n, n/ng, t/c…), because
     * that reading matched better: officers type as they speak, and an empty or scattered list teaches them nothing.
     */
    async list(filter: FaqDeskSearchFilter): Promise<{ entries: StoredFaqEntry[]; total: number; spelling?: true }> {
      const { q, limit, offset, ...rest } = filter;
      const query = q ? deskQueryOf(q) : null;
      if (!query || query.folded.length === 0) return faqs.list({ ...rest, limit, offset });
      const { entries } = await faqs.list({ ...rest, limit: ALL, offset: 0 });
      await readAll(entries);
      const typed = rankDeskMatches(entries, (entry) => deskMatchOf(query, docOf(entry), q ?? ''), query.accented);
      // Nothing, or only weak matches: the search may be misspelt; read under the key, a closer match (a phrase,
      // every word in one clause of a question) says more than what the typed letters found.
      const near = typed.best <= WEAK ? rankDeskMatches(entries, (entry) => deskSpellingMatchOf(query, docOf(entry))) : null;
      if (near && near.best > typed.best) return { entries: near.ranked.slice(offset, offset + limit), total: near.ranked.length, spelling: true };
      return { entries: typed.ranked.slice(offset, offset + limit), total: typed.ranked.length };
    },
  };
}

export type FaqDeskSearch = ReturnType<typeof createFaqDeskSearch>;
