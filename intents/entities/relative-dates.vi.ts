/**
 * Relative day words (folded) and their offset from today. Written out so that unaccented messages
 * ("hom qua", "tuan truoc") get dates too: chrono's Vietnamese parser needs diacritics.
 */
export const RELATIVE_DATE_WORDS: readonly { phrase: string; days?: number; months?: number; years?: number; granularity: 'day' | 'week' | 'month' | 'year' }[] = [
  { phrase: 'hom nay', days: 0, granularity: 'day' },
  { phrase: 'bua nay', days: 0, granularity: 'day' },
  { phrase: 'hom qua', days: -1, granularity: 'day' },
  { phrase: 'bua qua', days: -1, granularity: 'day' },
  { phrase: 'hom kia', days: -2, granularity: 'day' },
  { phrase: 'ngay mai', days: 1, granularity: 'day' },
  { phrase: 'sang mai', days: 1, granularity: 'day' },
  { phrase: 'chieu mai', days: 1, granularity: 'day' },
  { phrase: 'toi mai', days: 1, granularity: 'day' },
  { phrase: 'ngay kia', days: 2, granularity: 'day' },
  { phrase: 'mai kia', days: 2, granularity: 'day' },
  { phrase: 'tuan truoc', days: -7, granularity: 'week' },
  { phrase: 'tuan roi', days: -7, granularity: 'week' },
  { phrase: 'tuan sau', days: 7, granularity: 'week' },
  { phrase: 'tuan toi', days: 7, granularity: 'week' },
  { phrase: 'thang truoc', months: -1, granularity: 'month' },
  { phrase: 'thang roi', months: -1, granularity: 'month' },
  { phrase: 'thang sau', months: 1, granularity: 'month' },
  { phrase: 'thang toi', months: 1, granularity: 'month' },
  { phrase: 'nam ngoai', years: -1, granularity: 'year' },
  { phrase: 'nam truoc', years: -1, granularity: 'year' },
  { phrase: 'nam sau', years: 1, granularity: 'year' },
  { phrase: 'nam toi', years: 1, granularity: 'year' },
];
