/**
 * Public label contract (DESIGN.md §6, shared/notes/labels.md). These strings are stored in the database,
 * returned by the API and drawn in dashboards: add new values only at the end, never rename.
 */
export const ROUTES = ['question', 'feedback', 'handoff', 'smalltalk', 'out_of_scope'] as const;
export type Route = (typeof ROUTES)[number];

export const TOPICS = [
  'wages',
  'wage_arrears',
  'working_time',
  'contract',
  'termination',
  'maternity',
  'social_insurance',
  'safety',
  'harassment',
  'union',
  'dispute',
  'living_conditions',
  'skills_jobs',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Topics where a negative message should raise a hand-off offer (DESIGN.md §6). */
export const SERIOUS_TOPICS: readonly Topic[] = ['harassment', 'safety'];

export function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}
export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
export function isSentiment(value: string): value is Sentiment {
  return (SENTIMENTS as readonly string[]).includes(value);
}
