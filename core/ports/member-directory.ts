import type { ChannelId } from '../messages/channels.js';
import type { UnitLevel } from '../org/hierarchy.js';

/** A union as a member sees it (a grassroots union, or an upper level where the deployment allows it). */
export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  level?: UnitLevel;
}

export type SetUnitResult =
  | { status: 'set' | 'unchanged'; unit: UnitSummary }
  /** No unit has this code, or its level may not be joined (see JoinPolicy in bots/storage). */
  | { status: 'not_found' };

/**
 * What became of the unit code a member arrived with (join link, `?unit=`, Messenger `ref`), recorded at
 * ingest. The member's own earlier choice wins over a link (`kept`); a wrong code is said, not swallowed.
 */
export interface JoinNote {
  code: string;
  status: 'set' | 'unchanged' | 'kept' | 'not_found';
  unit?: UnitSummary;
  /** For `kept`: the union the member stays in. */
  current?: UnitSummary;
}

/** Unions found by what a member typed (company name and province), best first. */
export interface UnitSearchOutcome {
  matches: UnitSummary[];
  /** How much of the member's words the best match accounts for (0–1): low means the text says more than a name. */
  bestCoverage: number;
  /** The province federation the member named, if any. */
  province: UnitSummary | null;
  /** False when nothing but filler or a place was typed (nothing that could name a company). */
  namedSomething: boolean;
}

export interface LinkCode {
  code: string;
  expiresAt: Date;
}

export type RedeemLinkResult =
  | { status: 'linked'; unit: UnitSummary | null; channels: ChannelId[] }
  | { status: 'invalid' | 'expired' | 'own_code' | 'too_many_attempts' };

/**
 * Who a member is across channels and which union they belong to. The member-commands step uses it for
 * `/donvi CODE`, `/lienket` and the first-contact question; bots/storage implements it with SQL.
 * Every method is idempotent for the same `requestId` (the inbound message id), because a turn may be
 * computed twice when the conversation changed underneath it.
 */
export interface MemberDirectory {
  unitOf(memberId: string): Promise<UnitSummary | null>;
  /** The union a member may join with this code, or null. */
  findUnitByCode(code: string): Promise<UnitSummary | null>;
  /** Attaches the member (all their channels) to the grassroots union with this code. */
  setUnitByCode(memberId: string, code: string, now: Date): Promise<SetUnitResult>;
  /** A fresh one-time code (8 digits, valid 10 minutes) that links another channel to this member. */
  createLinkCode(input: { memberId: string; channel: ChannelId; requestId: string; now: Date }): Promise<LinkCode>;
  /**
   * Merges the redeeming member (channel B) into the code's member (channel A) in one transaction:
   * identities, conversations and history follow; the unit is A's, or B's when A has none.
   */
  /** `address`: a pseudonymous key of the network address the message came from (web chat), for the guess limits. */
  redeemLinkCode(input: { code: string; memberId: string; channel: ChannelId; now: Date; address?: string | null }): Promise<RedeemLinkResult>;
  /** "That wasn't me": undoes a link into this member (`linkId`, or the latest one), within a week. */
  undoLink(input: { memberId: string; linkId: string | null; now: Date }): Promise<{ status: 'undone'; channel: ChannelId } | { status: 'not_found' }>;
  /** True the first time (per member) the unit-code question may be asked, and again for the same request. */
  claimUnitCodePrompt(memberId: string, requestId: string, now: Date): Promise<boolean>;
  /** When the unit question was asked (null: never): an answer soon after is read as the member's union. */
  unitPromptAskedAt(memberId: string): Promise<Date | null>;
  /** Unions a member may join whose name matches the text (company name, province; accents and typos forgiven). */
  searchUnits(text: string): Promise<UnitSearchOutcome>;
  /**
   * Where a member without a union is seen until they find it: with `provinceUnitId` (they named a province) their
   * conversations move to that province's federation, unless the deployment set its own intake unit. Returns the
   * unit their questions and hand-offs now go to.
   */
  routeWithoutUnit(memberId: string, provinceUnitId: string | null, now: Date): Promise<UnitSummary | null>;
}
