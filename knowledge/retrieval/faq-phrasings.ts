import type { FaqEntry } from '../../core/knowledge/faq.js';
import { loadArticlePhrasings, type ArticlePhrasings } from './article-phrasings.js';
import { loadClausePhrasings } from './clause-phrasings.js';

/**
 * The FAQ's question and variants, typed and folded, as phrasings of every article the entry cites: officers wrote
 * them as members ask, and the entry's citations say which articles answer them (D-answers-44). Drafts and retired
 * entries describe nothing members are told, so only published ones count. Whether a cited article is in force is
 * the retriever's to judge (an expired article's phrasings go to nothing).
 */
export function phrasingsFromFaq(entries: readonly FaqEntry[]): ArticlePhrasings[] {
  return entries
    .filter((entry) => entry.status === 'published')
    .flatMap((entry) =>
      entry.citations.map((citation) => ({ lawId: citation.lawId, articleNo: citation.articleNo, phrasings: [entry.question, ...entry.variants] })),
    );
}

/**
 * The hand-written phrasing files: the articles' (`articleDir`, data/article-phrasings by default) and the clauses'
 * (`clauseDir`, data/clause-phrasings by default; each with its `clauseNo`, D-answers-47).
 */
export function loadPhrasingFiles(articleDir?: string, clauseDir?: string): ArticlePhrasings[] {
  return [...loadArticlePhrasings(articleDir), ...loadClausePhrasings(clauseDir)];
}

/**
 * What the retriever's expansion indexes (`createLawRetriever({ phrasings })`): the published FAQ's phrasings and the
 * hand-written phrasing files (`loadPhrasingFiles`).
 */
export function loadExpansionPhrasings(faq: readonly FaqEntry[], articleDir?: string, clauseDir?: string): ArticlePhrasings[] {
  return [...phrasingsFromFaq(faq), ...loadPhrasingFiles(articleDir, clauseDir)];
}
