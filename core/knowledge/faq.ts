import type { Topic } from '../nlu/labels.js';

export interface FaqCitationRef {
  lawId: string;
  articleNo: string;
}

/** A curated question/answer pair maintained by officers. */
export interface FaqEntry {
  id: string;
  topic: Topic;
  question: string;
  /** Other ways members ask the same thing (with and without diacritics, teencode...). */
  variants: string[];
  answer: string;
  citations: FaqCitationRef[];
  status: 'published' | 'draft';
  updatedAt: string; // ISO timestamp
}
