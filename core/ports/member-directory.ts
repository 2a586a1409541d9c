import type { ChannelId } from '../messages/channels.js';

/** A grassroots union as a member sees it. */
export interface UnitSummary {
  id: string;
  code: string;
  name: string;
}

export type SetUnitResult =
  | { status: 'set' | 'unchanged'; unit: UnitSummary }
  /** No unit has this code, or it is not a grassroots union (members join grassroots unions only). */
  | { status: 'not_found' };

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
  /** Attaches the member (all their channels) to the grassroots union with this code. */
  setUnitByCode(memberId: string, code: string, now: Date): Promise<SetUnitResult>;
  /** A fresh one-time code (6 digits, valid 10 minutes) that links another channel to this member. */
  createLinkCode(input: { memberId: string; channel: ChannelId; requestId: string; now: Date }): Promise<LinkCode>;
  /**
   * Merges the redeeming member (channel B) into the code's member (channel A) in one transaction:
   * identities, conversations and history follow; the unit is A's, or B's when A has none.
   */
  redeemLinkCode(input: { code: string; memberId: string; channel: ChannelId; now: Date }): Promise<RedeemLinkResult>;
  /** True the first time (per member) the unit-code question may be asked, and again for the same request. */
  claimUnitCodePrompt(memberId: string, requestId: string, now: Date): Promise<boolean>;
}
