import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { channelDeliveries, messages } from '../schema/index.js';

export interface DeliveredPart {
  part: number;
  status: 'sending' | 'sent';
  platformMessageId: string | null;
}

/** The hash stored beside each delivered part, to recognise echoes of our own sends by their text. */
export function deliveryTextHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 32);
}

export type ChannelDeliveryRepository = ReturnType<typeof createChannelDeliveryRepository>;

/**
 * The per-part delivery log of outbound messages (channel_deliveries): what makes sends idempotent part by
 * part, what recognises our own echoes, and where platform receipts land.
 */
export function createChannelDeliveryRepository(db: Db) {
  return {
    async partsOf(outboundMessageId: string): Promise<DeliveredPart[]> {
      const rows = await db
        .select({ part: channelDeliveries.part, status: channelDeliveries.status, platformMessageId: channelDeliveries.platformMessageId })
        .from(channelDeliveries)
        .where(eq(channelDeliveries.outboundMessageId, outboundMessageId))
        .orderBy(asc(channelDeliveries.part));
      return rows.map((row) => ({ ...row, status: row.status as DeliveredPart['status'] }));
    },

    /** Notes that a part is about to be handed to the platform (kept as is when already noted). */
    async beginPart(input: { outboundMessageId: string; part: number; channel: string; recipient: string; textHash: string; now: Date }): Promise<void> {
      await db
        .insert(channelDeliveries)
        .values({ ...input, status: 'sending', createdAt: input.now })
        .onConflictDoNothing();
    },

    async completePart(outboundMessageId: string, part: number, platformMessageId: string, now: Date): Promise<void> {
      await db
        .update(channelDeliveries)
        .set({ status: 'sent', platformMessageId, sentAt: now })
        .where(and(eq(channelDeliveries.outboundMessageId, outboundMessageId), eq(channelDeliveries.part, part)));
    },

    /** The platform refused the part: forget the attempt so its text no longer matches echoes. */
    async abortPart(outboundMessageId: string, part: number): Promise<void> {
      await db
        .delete(channelDeliveries)
        .where(and(eq(channelDeliveries.outboundMessageId, outboundMessageId), eq(channelDeliveries.part, part), eq(channelDeliveries.status, 'sending')));
    },

    /**
     * A part whose earlier send had no known outcome went out again (D-hardening-7): the member may have it twice.
     * Noted on the message's meta (`possibleDuplicateAt`, the first time only) so the inbox can tell the officer.
     */
    async markPossibleDuplicate(outboundMessageId: string, at: Date): Promise<void> {
      await db
        .update(messages)
        .set({ meta: sql`${messages.meta} || ${JSON.stringify({ possibleDuplicateAt: at.toISOString() })}::jsonb` })
        .where(and(eq(messages.id, outboundMessageId), sql`not (${messages.meta} ? 'possibleDuplicateAt')`));
    },

    async isOurs(channel: string, platformMessageId: string): Promise<boolean> {
      const [row] = await db
        .select({ part: channelDeliveries.part })
        .from(channelDeliveries)
        .where(and(eq(channelDeliveries.channel, channel), eq(channelDeliveries.platformMessageId, platformMessageId)))
        .limit(1);
      return Boolean(row);
    },

    /**
     * An echo whose id we do not know yet may be one of our sends that has not returned (the platform
     * echoes before it answers the send call). A part to the same recipient with the same text, still
     * `sending` or sent since `since`, is claimed for the echo: it is ours, and its platform id is now known,
     * so a retry after a crash will not send it again. (A recently sent part also matches, in case a platform
     * gives the echo another id than the send's answer.)
     */
    async claimEcho(input: { channel: string; recipient: string; textHash: string; platformMessageId: string; since: Date; now: Date }): Promise<boolean> {
      const [candidate] = await db
        .select({ outboundMessageId: channelDeliveries.outboundMessageId, part: channelDeliveries.part, platformMessageId: channelDeliveries.platformMessageId })
        .from(channelDeliveries)
        .where(
          and(
            eq(channelDeliveries.channel, input.channel),
            eq(channelDeliveries.recipient, input.recipient),
            eq(channelDeliveries.textHash, input.textHash),
            or(eq(channelDeliveries.status, 'sending'), gt(channelDeliveries.sentAt, input.since)),
          ),
        )
        // A part still waiting for its send's answer is the best match; then the most recent sent one.
        .orderBy(sql`case when ${channelDeliveries.status} = 'sending' then 0 else 1 end`, desc(channelDeliveries.createdAt))
        .limit(1);
      if (!candidate) return false;
      if (candidate.platformMessageId === null) {
        await db
          .update(channelDeliveries)
          .set({ status: 'sent', platformMessageId: input.platformMessageId, sentAt: input.now })
          .where(
            and(
              eq(channelDeliveries.outboundMessageId, candidate.outboundMessageId),
              eq(channelDeliveries.part, candidate.part),
              isNull(channelDeliveries.platformMessageId),
            ),
          );
      }
      return true;
    },

    /** Platform receipts: stamps the parts and the outbound messages they belong to. Returns how many parts matched. */
    async recordReceipt(input: { channel: string; platformMessageIds: string[]; status: 'delivered' | 'read'; at: Date }): Promise<number> {
      if (input.platformMessageIds.length === 0) return 0;
      const column = input.status === 'read' ? { readAt: input.at } : { deliveredAt: input.at };
      const rows = await db
        .update(channelDeliveries)
        .set(column)
        .where(and(eq(channelDeliveries.channel, input.channel), inArray(channelDeliveries.platformMessageId, input.platformMessageIds)))
        .returning({ outboundMessageId: channelDeliveries.outboundMessageId });
      await stampMessages(db, rows.map((row) => row.outboundMessageId), input.status, input.at);
      return rows.length;
    },

    /** Messenger read receipts carry a watermark: everything sent to the recipient up to it has been read. */
    async recordReadUpTo(input: { channel: string; recipient: string; watermark: Date; at: Date }): Promise<number> {
      const rows = await db
        .update(channelDeliveries)
        .set({ readAt: input.at })
        .where(
          and(
            eq(channelDeliveries.channel, input.channel),
            eq(channelDeliveries.recipient, input.recipient),
            lte(channelDeliveries.sentAt, input.watermark),
            isNull(channelDeliveries.readAt),
          ),
        )
        .returning({ outboundMessageId: channelDeliveries.outboundMessageId });
      await stampMessages(db, rows.map((row) => row.outboundMessageId), 'read', input.at);
      return rows.length;
    },
  };
}

/** The inbox shows delivery state from the message's meta (`deliveredAt`, `readAt`). */
async function stampMessages(db: Db, messageIds: string[], status: 'delivered' | 'read', at: Date): Promise<void> {
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return;
  const key = status === 'read' ? 'readAt' : 'deliveredAt';
  await db
    .update(messages)
    .set({ meta: sql`${messages.meta} || ${JSON.stringify({ [key]: at.toISOString() })}::jsonb` })
    .where(inArray(messages.id, ids));
}
