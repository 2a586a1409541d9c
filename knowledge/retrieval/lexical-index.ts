import type { LawArticle } from '../../core/knowledge/law.js';
import { buildBm25Field, foldBm25Field, groupBm25Field, inverseDocumentFrequency, type Bm25Field, type Bm25Params } from './bm25-field.js';
import { splitIntoClauses, type ClausePassage } from './clause-passages.js';
import { unigramsAndBigrams, type TextAnalyzer } from './text-views.js';

export interface ViewFields {
  accented: Bm25Field;
  folded: Bm25Field;
}

/**
 * Article-level fields (title and body, each in both views) plus a clause-level index whose scores both
 * pick the passages to show and add evidence to their article: a question usually matches one khoản.
 */
export interface LexicalIndex {
  articles: readonly LawArticle[];
  title: ViewFields;
  body: ViewFields;
  passages: readonly ClausePassage[];
  passageArticle: Int32Array;
  /** Passages of article i are passageStart[i] .. passageStart[i + 1] - 1. */
  passageStart: Int32Array;
  passageFields: ViewFields;
  /** Distinct folded title terms of each article with their body IDF, for title coverage. */
  titleTerms: readonly (readonly { term: string; idf: number }[])[];
}

/** `prepareText` rewrites text before tokenising only (e.g. tone canonicalisation); passages keep the original. */
export function buildLexicalIndex(
  articles: readonly LawArticle[],
  analyzer: TextAnalyzer,
  params: Bm25Params,
  prepareText: (text: string) => string = (text) => text,
): LexicalIndex {
  const titleViews = articles.map((article) => analyzer.view(prepareText(article.title)));

  const passages: ClausePassage[] = [];
  const passageArticleList: number[] = [];
  const passageStart = new Int32Array(articles.length + 1);
  articles.forEach((article, index) => {
    passageStart[index] = passages.length;
    for (const passage of splitIntoClauses(article.text)) {
      passages.push(passage);
      passageArticleList.push(index);
    }
  });
  passageStart[articles.length] = passages.length;
  const passageViews = passages.map((passage) => ({ accented: analyzer.accented(prepareText(passage.text)) }));
  const foldTerm = (term: string): string => (term.includes(' ') ? term.split(' ').map(analyzer.fold).join(' ') : analyzer.fold(term));

  const fields = (views: { accented: string[] }[]): ViewFields => {
    const accented = buildBm25Field(views.map((view) => unigramsAndBigrams(view.accented)), params);
    return { accented, folded: foldBm25Field(accented, foldTerm) };
  };

  const passageFields = fields(passageViews);
  const passageArticle = Int32Array.from(passageArticleList);
  // An article's body is the sum of its clauses (bigrams never straddle two paragraphs).
  const body: ViewFields = {
    accented: groupBm25Field(passageFields.accented, passageArticle, articles.length),
    folded: groupBm25Field(passageFields.folded, passageArticle, articles.length),
  };
  const titleTerms = titleViews.map((view) =>
    [...new Set(unigramsAndBigrams(view.folded))].map((term) => ({ term, idf: inverseDocumentFrequency(body.folded, term) })),
  );
  return {
    articles,
    title: fields(titleViews),
    body,
    titleTerms,
    passages,
    passageArticle,
    passageStart,
    passageFields,
  };
}
