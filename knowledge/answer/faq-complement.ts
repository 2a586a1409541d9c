import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { answerUnits, questionShape, unitScore, type AnswerUnit } from './answer-units.js';
import { CLEARLY_ABOUT_QUESTION, sourcePhrase, trimQuote } from './extractive-answer.js';

/** Question words a clause must state that the curated answer leaves out: one shared word is chance, a pair is not. */
const MIN_NEW_WORDS = 2;
/** A complementing clause is one point of law, not a second answer: a phone screen holds it. */
const CLAUSE_LIMIT = 420;

function foldedWords(text: string): string[] {
  return syllables(foldDiacritics(text).toLowerCase());
}

function pairsOf(words: readonly string[]): Set<string> {
  return new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
}

/**
 * A curated entry is matched on its topic, and its answer states what members ask most; a question on the same
 * topic may ask what the entry's own articles state and its answer leaves out ("đối thoại định kỳ cần bao nhiêu đại
 * diện có mặt": the dialogue entry cites Điều 39 of Decree 145 but states only how often and the notice; the quorum
 * is khoản 4). When a clause of the entry's cited articles is clearly about the question
 * (the extractive scoring, answer-units.ts `unitScore`, at the level the extractive answer trusts
 * for a plain "Có."/"Không.") and states a pair or at least two of the question's words the answer never uses, that clause follows the curated answer with its article and clause (issue #11 item 2: the
 * answer, not a topic's summary). The curated text stays as written and leads; nothing is added otherwise.
 */
export function complementCuratedAnswer(answer: string, question: string, articles: readonly LawArticle[]): string {
  const shape = questionShape(question);
  if (shape.unigrams.size === 0 || articles.length === 0) return answer;
  const saidWords = foldedWords(answer);
  const [said, saidPairs] = [new Set(saidWords), pairsOf(saidWords)];
  let best: { unit: AnswerUnit; score: number } | null = null;
  for (const article of articles) {
    for (const unit of answerUnits(article, null)) {
      const unitWords = foldedWords(unit.text);
      const [words, pairs] = [new Set(unitWords), pairsOf(unitWords)];
      const newWords = [...shape.unigrams].filter((word) => words.has(word) && !said.has(word)).length;
      const newPairs = [...shape.bigrams].filter((pair) => pairs.has(pair) && !saidPairs.has(pair)).length;
      if (newWords < MIN_NEW_WORDS && newPairs === 0) continue;
      const score = unitScore(shape, unit);
      if (score >= CLEARLY_ABOUT_QUESTION && (!best || score > best.score)) best = { unit, score };
    }
  }
  if (!best) return answer;
  const { unit } = best;
  return `${answer.trimEnd()}\n\n${sourcePhrase(unit.article, unit.clauseNo)}: ${trimQuote(unit.text, CLAUSE_LIMIT)}`;
}
