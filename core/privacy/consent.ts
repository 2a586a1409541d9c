/**
 * A member's consent to the processing of their personal data (Law 91/2025/QH15), as stored on `members.consent`.
 * `unknown`: not answered yet (asked or not); `granted` / `refused`: the member's answer to the notice, with its
 * time and the notice version; `withdrawn`: the member's data was erased (the tombstone keeps this).
 */
export const CONSENT_STATES = ['unknown', 'granted', 'refused', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export function isConsentState(value: string): value is ConsentState {
  return (CONSENT_STATES as readonly string[]).includes(value);
}

/** What the member answered in this turn, stored with the version of the notice they were shown. */
export interface ConsentDecision {
  decision: 'granted' | 'refused';
  noticeVersion: string;
}

/**
 * What is kept of a turn of a member who has not consented (PRIVACY_NO_CONSENT_KEEP): `none` keeps the message row
 * (ids, time, status: exactly-once and ordering need it) with its words and labels blanked; `labels` keeps the
 * route/topic/sentiment labels as well, still without words. Neither counts the member in the mood figures nor
 * copies the question to the learning queue.
 */
export const NO_CONSENT_KEEP = ['none', 'labels'] as const;
export type NoConsentKeep = (typeof NO_CONSENT_KEEP)[number];

/** The deployment's notice, as the pipeline needs it: its version and where the member reads it in full. */
export interface PrivacyNotice {
  version: string;
  /** The full notice page (`PUBLIC_BASE_URL` + /quyen-rieng-tu); null when the deployment has no public address. */
  url: string | null;
  /** RETENTION_MESSAGE_MONTHS, said in the short notice; 0 = kept until the member asks for erasure. */
  retentionMonths: number;
}

/** While unanswered, the notice is shown again at most once per this many hours (a member may ignore it). */
export const CONSENT_ASK_INTERVAL_HOURS = 24;

/** The CLI channel is the operators' console, not a member's: it is never asked. */
export function channelAsksConsent(channel: string): boolean {
  return channel !== 'cli';
}
