import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * Compulsory or voluntary social insurance. The social-insurance law states most benefits twice, once in the
 * compulsory chapter and once, often in the same words, in the voluntary one ("Trợ cấp tuất một lần", "ra nước
 * ngoài để định cư", "Hưởng bảo hiểm xã hội một lần"). Members here are employees, insured compulsorily; the
 * voluntary scheme is for people without a labour contract. Unless the question names it, an article of a
 * voluntary-only chapter goes after the others among the leading hits, so the employee's own article is quoted
 * and cited (D-answers-30).
 */

/** A chapter about voluntary insurance only (not the one on registering for both schemes). */
export function isVoluntaryOnlyChapter(chapter: string | null): boolean {
  if (chapter === null) return false;
  const folded = foldDiacritics(chapter).toLowerCase();
  return folded.includes('tu nguyen') && !folded.includes('bat buoc');
}

/** The question asks about the voluntary scheme: "tự nguyện", "tự đóng", a self-employed worker ("lao động tự do"). */
export function asksVoluntaryScheme(question: string): boolean {
  const folded = ` ${foldDiacritics(question).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return [' tu nguyen ', ' tu dong ', ' tu do ', ' khong co hop dong ', ' ko co hop dong ', ' k co hd ', ' khong co hd ', ' ko co hd '].some((cue) => folded.includes(cue));
}

export function preferCompulsoryScheme<T extends { article: { chapter: string | null } }>(hits: readonly T[], question: string, window: number): readonly T[] {
  const head = hits.slice(0, window);
  const voluntary = head.filter((hit) => isVoluntaryOnlyChapter(hit.article.chapter));
  if (voluntary.length === 0 || voluntary.length === head.length || asksVoluntaryScheme(question)) return hits;
  return [...head.filter((hit) => !voluntary.includes(hit)), ...voluntary, ...hits.slice(window)];
}
