import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../bots/storage/database.js';
import { createUnitRepository } from '../../../bots/storage/repositories/unit-repository.js';
import { conversations, members, messages } from '../../../bots/storage/schema/index.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { TestPlatform } from '../../support/test-platform.js';
import { waitUntil } from '../../support/test-platform.js';

export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;

export async function conversationOf(db: Db, channel: ChannelId, threadKey: string): Promise<ConversationRow | null> {
  const [row] = await db.select().from(conversations).where(and(eq(conversations.channel, channel), eq(conversations.threadKey, threadKey)));
  return row ?? null;
}

export async function messagesOf(db: Db, channel: ChannelId, threadKey: string): Promise<MessageRow[]> {
  const conversation = await conversationOf(db, channel, threadKey);
  if (!conversation) return [];
  return db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.seq));
}

/** Waits until the thread has outbound messages in a final state (sent, failed or held) matching `count`. */
export async function waitForOutbound(db: Db, channel: ChannelId, threadKey: string, count: number, what = 'replies'): Promise<MessageRow[]> {
  return waitUntil(async () => {
    const rows = (await messagesOf(db, channel, threadKey)).filter((m) => m.direction === 'out' && ['sent', 'failed', 'held'].includes(m.status));
    return rows.length >= count ? rows : null;
  }, 30_000, `${count} ${what} on ${channel}/${threadKey}`);
}

export async function memberOf(db: Db, channel: ChannelId, threadKey: string) {
  const conversation = await conversationOf(db, channel, threadKey);
  if (!conversation) return null;
  const [member] = await db.select().from(members).where(eq(members.id, conversation.memberId));
  return member ?? null;
}

/**
 * Queues a reply the way the officer inbox will (a stored outbound message plus an `outbound.send` job),
 * so delivery, policy and holds are exercised through the production worker.
 */
export async function queueOutbound(t: TestPlatform, conversationId: string, author: 'bot' | 'officer', text: string): Promise<string> {
  const [row] = await t.database.db
    .insert(messages)
    .values({ conversationId, direction: 'out', channel: (await channelOfConversation(t.database.db, conversationId)) as string, author, content: { type: 'text', text }, text, status: 'queued', meta: { kind: author === 'officer' ? 'officer' : 'system' } })
    .returning({ id: messages.id });
  const id = (row as { id: string }).id;
  await t.platform.queue.enqueue('outbound.send', { messageId: id, conversationId }, { jobId: id });
  return id;
}

async function channelOfConversation(db: Db, conversationId: string): Promise<string | undefined> {
  const [row] = await db.select({ channel: conversations.channel }).from(conversations).where(eq(conversations.id, conversationId));
  return row?.channel;
}

export async function messageById(db: Db, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row ?? null;
}

/** Moves the member's last message back in time (the messaging windows are computed from it). */
export async function ageLastInbound(db: Db, conversationId: string, ms: number): Promise<void> {
  const [row] = await db.select({ lastInboundAt: conversations.lastInboundAt }).from(conversations).where(eq(conversations.id, conversationId));
  const last = row?.lastInboundAt ?? new Date();
  await db.update(conversations).set({ lastInboundAt: new Date(last.getTime() - ms) }).where(eq(conversations.id, conversationId));
}

export async function seedUnits(db: Db): Promise<void> {
  await createUnitRepository(db).upsertUnits([
    { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', level: 'national' },
    { parentCode: 'TLD', code: 'LDLD-HN', name: 'Liên đoàn Lao động Thành phố Hà Nội', level: 'province_or_sector' },
    { parentCode: 'LDLD-HN', code: 'CDCT-KCN', name: 'Công đoàn các Khu công nghiệp Hà Nội', level: 'upper_grassroots' },
    { parentCode: 'CDCT-KCN', code: 'CDCS001', name: 'Công đoàn cơ sở Công ty May Thăng Long', level: 'grassroots' },
    { parentCode: 'CDCT-KCN', code: 'CDCS002', name: 'Công đoàn cơ sở Công ty Điện tử Hà Nội', level: 'grassroots' },
  ]);
}

export { waitUntil };
