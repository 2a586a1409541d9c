import { z } from 'zod';
import { parseOrThrow } from '../../core/errors/zod-issues.js';

/**
 * Thresholds and limits of the answer composer. The defaults were tuned on knowledge/faq/faq-eval.jsonl and the
 * retrieval evaluation set (see knowledge/answer/README.md); callers override them from configuration.
 */
export const KnowledgeOptionsSchema = z.object({
  /** Best retrieval strength below which the answer is `not_covered`. */
  minStrength: z.number().min(0).max(1).default(0.3),
  /** Other articles must reach this share of the best one's strength to be used. */
  relativeStrengthFloor: z.number().min(0).max(1).default(0.6),
  /** How many articles the retriever returns and how many the answer may use. */
  retrievalK: z.number().int().min(1).max(50).default(8),
  maxSources: z.number().int().min(1).max(8).default(3),
  maxPassagesPerSource: z.number().int().min(1).max(10).default(3),
  llmTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  llmMaxTokens: z.number().int().min(64).max(4096).default(700),
  maxAnswerChars: z.number().int().min(200).max(4000).default(1500),
  extractiveCharBudget: z.number().int().min(200).max(4000).default(900),
  /**
   * A complaint answers with the FAQ entry its words match only from this score; below it the topic's concern brief
   * answers (complaints share words with many entries; the brief is the curated "your rights and what to do").
   * It is the bar over a brief only: a complaint whose topic has none is read like a question (the FAQ threshold,
   * and the clearly nearest entry when retrieval is weak; measured in D-answers-22).
   */
  concernFaqScore: z.number().min(0).max(1).default(0.6),
  /**
   * Which side of the contract is asked (D-answers-24): when the question names who ends the job, an FAQ entry whose
   * main article is the other side's does not answer, and the other side's articles go after the asker's among the
   * leading hits. Off only to measure it.
   */
  sideCue: z.boolean().default(true),
  /**
   * A message told as a story around one question is searched with the asked part above the story (asked-clause.ts,
   * RetrievalTuning `storyTermWeight`); false searches the whole text at one weight.
   */
  askedPartFirst: z.boolean().default(true),
  /**
   * When retrieval is too weak to answer, the nearest FAQ entry answers instead of "not covered" if it scores at
   * least this and leads the next entry by `weakRetrievalFaqLead`: a member's story around a short question keeps
   * the right entry under the FAQ threshold, and "not covered" is the one reply that certainly does not help.
   */
  weakRetrievalFaqScore: z.number().min(0).max(1).default(0.35),
  /**
   * The lead is read on the question's words (entry-lead.ts `wordLead`: the share of them the first entry's phrasings
   * hold less the share the second's hold), not on the matcher's scores, whose idf moves as the pack grows
   * (D-answers-40: a 0.1 score margin flipped r016u when entries were added).
   */
  weakRetrievalFaqLead: z.number().min(-1).max(1).default(0.1),
  /**
   * An entry under the threshold (≥ `weakRetrievalFaqScore`) answers when one of its cited articles is among this
   * many leading hits of the law search; 0 turns it off. Chosen on dev answers (D-answers-19): 1 → 573, 3 → 574,
   * 5 → 578, 8 → 577 of 600 (573 off); requiring a lead over the next entry as well (0.05) kept only 574.
   * Off at first (D-answers-20): at 5, through the whole service, questions labelled "no entry answers" got an entry
   * 1 → 5 of 35. Guarded at 1 (the entry cites the search's first hit; never for complaints) since D-answers-23:
   * dev-10 +4, the other dev batches 573 → 573 (k002u gained, k028 lost), held-out FAQ questions answered by their
   * entry through the service 96 → 104 of 119; the labelled negatives it answers (1 → 4) are questions that entries
   * added after the labels now answer (suspension, void contracts, occupational disease).
   */
  agreeingFaqLeading: z.number().int().min(0).max(20).default(1),
  /**
   * The same agreement when retrieval is too weak to quote (under `minStrength`): the nearest entry (≥
   * `weakRetrievalFaqScore`, stating the figure asked) answers instead of "not covered" when it cites one of this many
   * leading hits. 0 turns it off. D-answers-23: dev-10 +2, nothing else changed, no gate moved.
   */
  weakRetrievalAgreeingLeading: z.number().int().min(0).max(20).default(1),
  /**
   * The agreement also counts when the entry cites the **strongest** of this many leading hits (match strength, the
   * share of the question an article covers, comparable across articles) though the search ranked it 2nd–5th: the
   * BM25 order favours long articles sharing common words, strength the one that covers the question. 0 turns it
   * off. D-answers-26.
   */
  agreeingStrongestWindow: z.number().int().min(0).max(20).default(5),
  /**
   * The agreement also counts with any of this many leading hits when the nearest entry leads the next one by at
   * least `agreeingLead` (entry-lead.ts `wordLead`, D-answers-40; the window 0 turns it off). D-answers-19's "any of five" without the lead answered off-topic
   * questions; with it the matcher has told the entries apart and the search only confirms the subject. D-answers-30.
   */
  agreeingMarginWindow: z.number().int().min(0).max(20).default(5),
  agreeingLead: z.number().min(-1).max(1).default(0.05),
  /**
   * A clause of the law leads a curated answer when it states what was asked better than any sentence of the entry
   * by at least this (faq-fit.ts: both scored alike, as shares of the question answered); 1 turns it off.
   */
  faqFitMargin: z.number().min(0).max(1).default(0.1),
  /**
   * The law's best clause also follows the curated answer when the entry restates less than this share of its word
   * pairs (faq-fit.ts `restated`: the entry covers the topic, not the case asked) and it trails the entry's best
   * sentence by no more than `faqUnstatedMargin`; 0 turns it off (D-answers-48).
   */
  faqUnstatedShare: z.number().min(0).max(1).default(0.3),
  faqUnstatedMargin: z.number().min(0).max(1).default(0.05),
  /**
   * A figure question naming a case the entry does not speak of, which the law's first source states with the figure
   * asked (faq-fit.ts `caseLeftOut`), is answered by the law instead of the entry when that unit scores at least the
   * entry's best sentence less this; 1 turns it off (D-answers-53: 0.05 won 2 on dev, 0.15 and 0.3 won 4).
   */
  faqCaseMargin: z.number().min(0).max(1).default(0.15),
});

export type KnowledgeOptions = z.infer<typeof KnowledgeOptionsSchema>;
export type KnowledgeOptionsInput = z.input<typeof KnowledgeOptionsSchema>;

export function resolveKnowledgeOptions(input: KnowledgeOptionsInput = {}): KnowledgeOptions {
  return parseOrThrow(KnowledgeOptionsSchema, input, 'options');
}
