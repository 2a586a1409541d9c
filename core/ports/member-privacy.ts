import type { ChannelId } from '../messages/channels.js';

/** One look at or change of the member's data, as the member is told about it. */
export interface MemberAccessNote {
  at: Date;
  /** The officer's name (or e-mail), `null` for the command line or the system. */
  who: string | null;
  role: string | null;
  unitName: string | null;
  /** What they did, in Vietnamese ("xem cuộc trò chuyện của bạn"). */
  whatVi: string;
}

/** What the member is shown when they ask "xem dữ liệu của tôi". */
export interface MemberDataSummary {
  unitName: string | null;
  channels: ChannelId[];
  since: Date;
  conversations: number;
  messages: number;
  /** RETENTION_MESSAGE_MONTHS; 0 = kept until erased. */
  retentionMonths: number;
  /** The latest accesses by officers and admins, newest first. */
  accesses: MemberAccessNote[];
  /** A link to download the full copy (JSON), valid `exportValidHours`; null when the deployment has no public URL. */
  exportUrl: string | null;
  exportValidHours: number;
}

/**
 * The member's own data rights in chat (Law 91/2025/QH15): see what is stored and who read it, get a copy, ask
 * for erasure. bots/privacy implements it; erasure runs after the turn (the turn's own rows are erased too), so
 * the request is recorded durably first and carried out by a queue job.
 */
export interface MemberPrivacy {
  summarize(input: { memberId: string; now: Date }): Promise<MemberDataSummary>;
  requestErasure(input: { memberId: string; conversationId: string; messageId: string; now: Date }): Promise<void>;
}
