import type { Citation, LawArticle } from '../../core/knowledge/law.js';
import { CITATION_LINE_PREFIX } from '../../core/knowledge/citation-line.js';

/**
 * Decree names in the corpus carry their whole subject ("Nghị định 145/2020/NĐ-CP quy định chi tiết và hướng
 * dẫn thi hành..."), which is far too long for a chat label: keep the part up to the number.
 */
export function shortLawName(lawName: string, lawId: string): string {
  const idAt = lawName.indexOf(lawId);
  if (lawName.startsWith('Nghị định') && idAt >= 0) return lawName.slice(0, idAt + lawId.length);
  return lawName;
}

/** `2021-01-01` → `01/01/2021` (Vietnamese date order); anything unparseable is returned unchanged. */
export function formatVietnameseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** `Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021)`. */
export function citationLabel(
  article: Pick<LawArticle, 'articleNo' | 'lawName' | 'lawId' | 'effectiveDate'> & { status?: LawArticle['status'] },
): string {
  const name = shortLawName(article.lawName, article.lawId);
  const notes = [
    article.effectiveDate ? `hiệu lực từ ${formatVietnameseDate(article.effectiveDate)}` : null,
    article.status === 'expired' ? 'đã hết hiệu lực' : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0 ? `Điều ${article.articleNo} ${name} (${notes.join(', ')})` : `Điều ${article.articleNo} ${name}`;
}

export function toCitation(article: LawArticle): Citation {
  return {
    lawId: article.lawId,
    articleNo: article.articleNo,
    title: article.title,
    lawName: article.lawName,
    effectiveDate: article.effectiveDate,
    label: citationLabel(article),
  };
}

/** The key used to compare citations: one article of one document. */
export function articleKey(lawId: string, articleNo: string): string {
  return `${lawId.trim().toUpperCase()}#${articleNo.trim()}`;
}

/** Keeps the first occurrence of each article, in order. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = articleKey(citation.lawId, citation.articleNo);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The "Căn cứ" line appended to every answer. */
export function renderCitationLine(citations: readonly Citation[]): string {
  if (citations.length === 0) return '';
  return `${CITATION_LINE_PREFIX}${citations.map((citation) => citation.label).join('; ')}.`;
}
