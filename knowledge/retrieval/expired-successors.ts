import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';
import type { TextAnalyzer } from './text-views.js';

/** A law id (`45/2019/QH14`, `293/2025/NĐ-CP`: parts joined by slashes) after "replaced by" / "thay thế bởi" in a note. */
const REPLACED_BY = /(?:replaced by|thay thế bởi|được thay thế bằng)\s+([\p{L}\d-]+(?:\/[\p{L}\d-]+)+)/iu;

/** Titles that share this share of syllables are taken as the same provision in two versions of a law. */
const SAME_PROVISION_TITLE_SIMILARITY = 0.6;
/**
 * Bodies that share this share of distinct syllables are the same provision retitled: the 2012 code's "Bảo vệ thai
 * sản đối với lao động nữ" is the 2019 code's "Bảo vệ thai sản" (0.72), while unrelated articles of the two codes
 * stay under 0.45. Only tried when no title matches.
 */
const SAME_PROVISION_TEXT_SIMILARITY = 0.6;

/**
 * Which in-force document replaced each expired one: the version note when it says so, otherwise the latest
 * in-force document of the same name without its year (`Bộ luật Lao động 2012` → `Bộ luật Lao động 2019`).
 */
export function findSuccessorDocuments(documents: readonly LawDocument[], analyzer: TextAnalyzer): Map<string, string> {
  const byId = new Map(documents.map((doc) => [doc.lawId, doc]));
  const stem = (name: string): string => analyzer.view(name.replace(/\d{4}\s*$/, '')).folded.join(' ');
  const successors = new Map<string, string>();
  for (const doc of documents) {
    if (doc.status !== 'expired') continue;
    const noted = doc.versionNote ? REPLACED_BY.exec(doc.versionNote)?.[1] : undefined;
    if (noted && byId.get(noted)?.status !== 'expired' && byId.has(noted)) {
      successors.set(doc.lawId, noted);
      continue;
    }
    const candidates = documents
      .filter((other) => other.status !== 'expired' && stem(other.name) === stem(doc.name))
      .sort((a, b) => (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? ''));
    if (candidates[0]) successors.set(doc.lawId, candidates[0].lawId);
  }
  return successors;
}

/**
 * For each expired article, the index of the article in the successor document that carries the same
 * provision (by title, else by text), or -1. Used so that an old article never outranks the one that replaced it.
 */
export function mapExpiredToReplacements(
  articles: readonly LawArticle[],
  isExpired: (index: number) => boolean,
  successors: ReadonlyMap<string, string>,
  analyzer: TextAnalyzer,
): Int32Array {
  const replacement = new Int32Array(articles.length).fill(-1);
  const titleSets = articles.map((article) => new Set(analyzer.view(article.title).folded));
  // Built on demand: only articles of successor documents and the expired ones without a title match need them.
  const textSets = new Map<number, Set<string>>();
  const textSetOf = (index: number): Set<string> => {
    let set = textSets.get(index);
    if (!set) {
      set = new Set(analyzer.view((articles[index] as LawArticle).text).folded);
      textSets.set(index, set);
    }
    return set;
  };
  const indicesByLaw = new Map<string, number[]>();
  articles.forEach((article, index) => {
    const list = indicesByLaw.get(article.lawId) ?? [];
    list.push(index);
    indicesByLaw.set(article.lawId, list);
  });

  articles.forEach((article, index) => {
    if (!isExpired(index)) return;
    const successor = successors.get(article.lawId);
    if (!successor) return;
    let best = -1;
    let bestSimilarity = SAME_PROVISION_TITLE_SIMILARITY;
    for (const candidate of indicesByLaw.get(successor) ?? []) {
      const similarity = jaccard(titleSets[index] as Set<string>, titleSets[candidate] as Set<string>);
      if (similarity >= bestSimilarity && (best === -1 || similarity > bestSimilarity)) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    if (best === -1) best = mostSimilarText(index, indicesByLaw.get(successor) ?? [], textSetOf);
    replacement[index] = best;
  });
  return replacement;
}

function mostSimilarText(index: number, candidates: readonly number[], textSetOf: (index: number) => Set<string>): number {
  let best = -1;
  let bestSimilarity = SAME_PROVISION_TEXT_SIMILARITY;
  for (const candidate of candidates) {
    const similarity = jaccard(textSetOf(index), textSetOf(candidate));
    if (similarity >= bestSimilarity && (best === -1 || similarity > bestSimilarity)) {
      best = candidate;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** Shared distinct items over all distinct items of the two sets (0 when either is empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}
