import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InboxListResponse } from '../../core/contracts/inbox-api.js';
import { channelIdentities, conversations } from '../../bots/storage/schema/index.js';
import { waitUntil, type TestPlatform } from './test-platform.js';
import { postWebchat } from './webchat-post.js';

/** Phrases the inbox suites' scripted classifier knows. */
export const INBOX_SCRIPT = {
  'cho tôi gặp cán bộ công đoàn': { route: 'handoff' },
  'công ty nợ lương ba tháng': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'xin chào': { route: 'smalltalk' },
} as const;

/** A small authenticated client for the admin API. */
export function adminApi(t: TestPlatform, tokens: Record<string, string>) {
  return async (email: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[email]}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${t.baseUrl}/api/admin${path}`, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

/**
 * A web-chat member of `unitCode` who asks for an officer; resolves when the hand-off is in its unit's queue
 * (the inbox job ran) or auto-assigned. Returns the conversation id and the member's session id.
 */
export async function handOffWebMember(t: TestPlatform, unitCode: string, before: string[] = []): Promise<{ conversationId: string; sessionId: string }> {
  const sessionId = randomUUID();
  const post = (text: string) => postWebchat(t.baseUrl, sessionId, text, unitCode);
  for (const text of before) expect((await post(text)).status).toBe(202);
  expect((await post('cho tôi gặp cán bộ công đoàn')).status).toBe(202);
  const db = t.database.db;
  const conversationId = await waitUntil(
    async () => {
      const [identity] = await db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
      if (!identity) return null;
      const [row] = await db.select().from(conversations).where(eq(conversations.memberId, identity.memberId));
      // Queued with its deadline, or already taken by auto-assignment.
      const queued = row?.state === 'waiting_officer' && row.slaDueAt !== null;
      const assigned = row?.state === 'officer' && row.handedOffAt !== null;
      return row && (queued || assigned) ? row.id : null;
    },
    20_000,
    'the hand-off in its queue',
  );
  return { conversationId, sessionId };
}

export const itemIds = (body: Record<string, unknown>) => (body as unknown as InboxListResponse).items.map((item) => item.id);
