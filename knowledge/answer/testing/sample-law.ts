import type { LawArticle } from '../../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../../core/text/vietnamese-fold.js';
import { splitIntoClauses } from '../../retrieval/clause-passages.js';
import type { LawRetriever, PassageHit } from '../../retrieval/retriever.js';

/**
 * Test-only: a handful of articles written for the unit tests (simplified wording, same numbers as the real
 * provisions) and a keyword retriever over them, so the composer can be tested without the corpus.
 */
function article(lawId: string, lawName: string, articleNo: string, title: string, text: string, effectiveDate: string, status: LawArticle['status'] = 'in_force'): LawArticle {
  return { id: `${lawId}#${articleNo}`, lawId, lawName, lawType: 'Bộ luật', articleNo, title, text, chapter: null, section: null, effectiveDate, status };
}

export const SAMPLE_ARTICLES: LawArticle[] = [
  article('45/2019/QH14', 'Bộ luật Lao động 2019', '98', 'Tiền lương làm thêm giờ, làm việc vào ban đêm',
    '1. Người lao động làm thêm giờ được trả lương như sau:\na) Vào ngày thường, ít nhất bằng 150%;\nb) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%;\nc) Vào ngày nghỉ lễ, tết, ít nhất bằng 300%.\n2. Người lao động làm việc vào ban đêm được trả thêm ít nhất bằng 30% tiền lương.', '2021-01-01'),
  article('45/2019/QH14', 'Bộ luật Lao động 2019', '99', 'Tiền lương ngừng việc',
    'Trường hợp phải ngừng việc, người lao động được trả lương như sau:\n1. Nếu do lỗi của người sử dụng lao động thì được trả đủ tiền lương theo hợp đồng.\n2. Nếu do lỗi của người lao động thì người đó không được trả lương.', '2021-01-01'),
  article('45/2019/QH14', 'Bộ luật Lao động 2019', '113', 'Nghỉ hằng năm',
    '1. Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương.\n2. Người làm việc chưa đủ 12 tháng thì số ngày nghỉ hằng năm tính theo tỷ lệ số tháng làm việc.', '2021-01-01'),
  article('293/2025/NĐ-CP', 'Nghị định 293/2025/NĐ-CP quy định mức lương tối thiểu đối với người lao động làm việc theo hợp đồng lao động', '3', 'Mức lương tối thiểu',
    '1. Mức lương tối thiểu tháng theo vùng: Vùng I 5.310.000 đồng; Vùng II 4.730.000 đồng; Vùng III 4.140.000 đồng; Vùng IV 3.700.000 đồng.\n2. Vùng được xác định theo nơi người sử dụng lao động hoạt động.', '2026-01-01'),
  article('10/2012/QH13', 'Bộ luật Lao động 2012', '111', 'Nghỉ hằng năm',
    '1. Người lao động làm đủ 12 tháng thì được nghỉ hằng năm 12 ngày làm việc theo quy định cũ.', '2013-05-01', 'expired'),
];

/** Ranks articles by shared folded syllables (title counted twice); strength is the share of query syllables found. */
export function createKeywordRetriever(articles: readonly LawArticle[] = SAMPLE_ARTICLES): LawRetriever {
  const words = (text: string) => syllables(foldDiacritics(text)).filter((word) => word.length > 1);
  return {
    size: articles.length,
    search(query, options): PassageHit[] {
      const queryWords = new Set(words(query));
      if (queryWords.size === 0) return [];
      return articles
        .filter((candidate) => options.includeExpired || candidate.status !== 'expired')
        .map((candidate) => {
          const body = new Set(words(`${candidate.title} ${candidate.text}`));
          const title = new Set(words(candidate.title));
          const found = [...queryWords].filter((word) => body.has(word)).length;
          const score = found + [...queryWords].filter((word) => title.has(word)).length;
          const passages = splitIntoClauses(candidate.text)
            .map((clause) => ({ ...clause, score: words(clause.text).filter((word) => queryWords.has(word)).length }))
            .filter((clause) => clause.score > 0)
            .sort((a, b) => b.score - a.score);
          return { article: candidate, passages, score, strength: found / queryWords.size };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, options.k);
    },
  };
}
