/**
 * Every answer's text ends its body with one "Căn cứ: …" paragraph naming its articles, which channels without
 * rich lists need. A channel that shows the citations as their own list (the web chat) removes that paragraph so
 * each citation appears once (issue #11 item 2).
 */
export const CITATION_LINE_PREFIX = 'Căn cứ: ';

/** The text without its "Căn cứ: …" paragraph (a paragraph is separated by a blank line or starts the text). */
export function withoutCitationLine(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((paragraph) => !paragraph.trimStart().startsWith(CITATION_LINE_PREFIX))
    .join('\n\n');
}

/** The page the project serves with one article of the imported corpus (`bots/http/routes/law-article-page.ts`). */
export function lawArticlePath(lawId: string, articleNo: string): string {
  return `/luat?van-ban=${encodeURIComponent(lawId)}&dieu=${encodeURIComponent(articleNo)}`;
}
