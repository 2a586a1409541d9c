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

/** What the pipeline knows of a member's consent (members row). */
export interface MemberConsent {
  consent?: ConsentState;
  /** The notice version of the member's answer; null for none. */
  consentVersion?: string | null;
  /** When the member answered. */
  consentAt?: Date | null;
  /** When the notice was last shown. */
  consentAskedAt?: Date | null;
}

/**
 * The member's consent as it counts now (D-privacy-5): a consent given to an older version of the notice does not
 * cover the current one, so that member is treated as one who has not answered yet (`unknown`: shown the new
 * notice after their answer, anonymous turns until they answer). A refusal stays a refusal whatever the version:
 * the member is not asked again, and can agree at any time.
 */
export function currentConsent(member: MemberConsent, notice: Pick<PrivacyNotice, 'version'>): ConsentState {
  return consentOutdated(member, notice) ? 'unknown' : (member.consent ?? 'unknown');
}

/**
 * When the notice was last shown for the member's current answer: a consent to an older version is asked anew at
 * once, whenever the old notice was shown; after that the usual once-a-day repetition applies.
 */
export function lastAskedForCurrentNotice(member: MemberConsent, notice: Pick<PrivacyNotice, 'version'>): Date | null {
  const askedAt = member.consentAskedAt ?? null;
  if (!consentOutdated(member, notice)) return askedAt;
  const answeredAt = member.consentAt ?? null;
  return askedAt && answeredAt && askedAt > answeredAt ? askedAt : null;
}

/**
 * The member's consent was given to another (older) notice version: asked again, and the re-ask says the notice
 * changed. A consent without a recorded version (rows written before versions were: the platform always records
 * one) is not second-guessed.
 */
export function consentOutdated(member: MemberConsent, notice: Pick<PrivacyNotice, 'version'>): boolean {
  return member.consent === 'granted' && typeof member.consentVersion === 'string' && member.consentVersion !== notice.version;
}

/** While unanswered, the notice is shown again at most once per this many hours (a member may ignore it). */
export const CONSENT_ASK_INTERVAL_HOURS = 24;

/** The CLI channel is the operators' console, not a member's: it is never asked. */
export function channelAsksConsent(channel: string): boolean {
  return channel !== 'cli';
}
