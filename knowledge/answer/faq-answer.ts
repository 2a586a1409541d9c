import type { Citation } from '../../core/knowledge/law.js';
import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { Logger } from '../../core/ports/logger.js';
import type { ArticleLookup } from './article-lookup.js';
import { citationLabel, toCitation, uniqueCitations } from './citation.js';

/**
 * Turns an entry's `{lawId, articleNo}` references into full citations. References to articles missing from the
 * corpus or expired are dropped (and logged for the officers who maintain the FAQ) rather than shown stale.
 * Without a lookup, a minimal label still names the article and the document number.
 */
export function resolveFaqCitations(entry: FaqEntry, articles: ArticleLookup | undefined, logger: Logger): Citation[] {
  const citations = entry.citations.flatMap((ref): Citation[] => {
    if (!articles) {
      const minimal = { articleNo: ref.articleNo, lawId: ref.lawId, lawName: `văn bản ${ref.lawId}`, effectiveDate: null };
      return [{ ...minimal, title: '', label: citationLabel(minimal) }];
    }
    const article = articles.get(ref.lawId, ref.articleNo);
    if (!article || article.status === 'expired') {
      logger.warn({ faqEntryId: entry.id, lawId: ref.lawId, articleNo: ref.articleNo }, 'FAQ cites a missing or expired article');
      return [];
    }
    return [toCitation(article)];
  });
  return uniqueCitations(citations);
}
