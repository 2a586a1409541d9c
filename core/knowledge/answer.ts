import type { Entity } from '../nlu/nlu-result.js';
import type { Topic } from '../nlu/labels.js';
import type { Citation } from './law.js';

export interface QuestionInput {
  /** The member's text as they typed it (it may contain personal data: the answerer must redact). */
  text: string;
  topic: Topic;
  entities: Entity[];
  /** Where the question came from: used for logs only. */
  conversationId?: string;
  /** The member's unit path: local FAQ entries and overrides of those units apply (null = national only). */
  unitPath?: string | null;
  /**
   * `concern`: the member complained rather than asked (issue #11): the answer states their key rights on the
   * topic (the curated brief for that kind of complaint when no entry matches the words) and what to do next.
   */
  purpose?: 'question' | 'concern';
}

/**
 * - `faq`: a curated entry matched above its threshold.
 * - `legal`: composed from retrieved in-force articles (by an LLM or extractively), always cited.
 * - `not_covered`: retrieval was too weak; the text says so plainly and offers an officer.
 */
export type AnswerKind = 'faq' | 'legal' | 'not_covered';

export interface KnowledgeAnswer {
  kind: AnswerKind;
  /** Member-facing Vietnamese text, citations and disclaimer included. */
  text: string;
  citations: Citation[];
  /** How sure retrieval was, in [0, 1]; below the answer threshold `kind` is `not_covered`. */
  confidence: number;
  /** `llm`, `extractive` or `faq`: how the text was produced, for audits and the officer's context. */
  composer: 'llm' | 'extractive' | 'faq' | 'none';
  /** Set when the LLM path failed and the extractive path answered instead. */
  fallbackReason?: string;
  faqEntryId?: string;
  /** The answering FAQ entry's topic (a concern's acknowledgement does not name the classifier's topic when it differs). */
  topic?: Topic;
  /**
   * What a complaint's answer is about, in members' words, when a cue of the complaint chose a brief narrower than its
   * topic ("bị phạt tiền, trừ lương" for "đi làm muộn bị trừ 100k" under topic `wage_arrears`): the acknowledgement
   * names it instead of the topic ("nợ lương, chậm trả lương" was not what the member said).
   */
  subject?: string;
}

/** The knowledge port used by the pipeline's `question` handler. */
export interface KnowledgeService {
  answer(input: QuestionInput, signal?: AbortSignal): Promise<KnowledgeAnswer>;
  /**
   * The curated entry that would answer `text` for a member of `unitPath`, if one clears the FAQ threshold.
   * Lets the pipeline answer an officer-curated question even when the classifier is unsure (the learning loop).
   */
  matchFaq?(text: string, unitPath: string | null): { entryId: string; topic: Topic; score: number } | null;
}
