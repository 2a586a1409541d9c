import { saysPhrase } from '../../core/text/typed-phrase.js';
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

/**
 * What names the voluntary scheme, written with marks and read with saysPhrase: typed with marks, "từ đó" (since
 * then) is not "tự do" and "tự động" (automatically) is not "tự đóng". Compared folded, a story ("em nghỉ từ đó")
 * counted as asking about the voluntary scheme and let its chapter lead again.
 */
const VOLUNTARY_CUES = ['tự nguyện', 'tự đóng', 'tự do', 'không có hợp đồng', 'ko có hợp đồng', 'không có hđ', 'ko có hđ', 'k có hđ'];

/** The question asks about the voluntary scheme: "tự nguyện", "tự đóng", a self-employed worker ("lao động tự do"). */
export function asksVoluntaryScheme(question: string): boolean {
  return VOLUNTARY_CUES.some((cue) => saysPhrase(question, cue));
}

/**
 * The hits with the voluntary-only chapter's articles among the first `window` moved after the others there, unless
 * the question asks about the voluntary scheme or nothing else is there; the hits as given otherwise.
 */
export function preferCompulsoryScheme<T extends { article: { chapter: string | null } }>(hits: readonly T[], question: string, window: number): readonly T[] {
  const head = hits.slice(0, window);
  const voluntary = head.filter((hit) => isVoluntaryOnlyChapter(hit.article.chapter));
  if (voluntary.length === 0 || voluntary.length === head.length || asksVoluntaryScheme(question)) return hits;
  return [...head.filter((hit) => !voluntary.includes(hit)), ...voluntary, ...hits.slice(window)];
}
