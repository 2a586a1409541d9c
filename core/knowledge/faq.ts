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
  /** `retired` entries are kept (history, undo) but answer nobody and are hidden from the default list. */
  status: FaqStatus;
  updatedAt: string; // ISO timestamp
  /** The unit the entry belongs to; absent or null = the national level (answers every member). */
  ownerUnitId?: string | null;
  /** A higher level's entry that this local entry replaces for the owner's subtree. */
  overridesId?: string | null;
}

export const FAQ_STATUSES = ['published', 'draft', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];
