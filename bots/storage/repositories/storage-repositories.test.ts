import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { InboundContent } from '../../../core/messages/content.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { executeRows } from '../execute-rows.js';
import { channelIdentities, members } from '../schema/index.js';
import { createMemberDirectory } from './channel-member-directory.js';
import { createConversationRepository } from './conversation-repository.js';
import { createIngestRepository } from './ingest-repository.js';
import { createInboundProcessingStore } from './processing-repository.js';
import { createUnitRepository } from './unit-repository.js';
import { createMemberPseudonyms } from '../../privacy/member-pseudonyms.js';

const pseudonyms = createMemberPseudonyms(randomBytes(32));

const text = (t: string): InboundContent => ({ type: 'text', text: t });

describe.each(testBackends())('repositories on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await createUnitRepository(database.db).upsertUnits([
      { parentCode: null, code: 'TLD', name: 'TLĐ', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'HN', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'KCN', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'A1', name: 'CĐCS A', level: 'grassroots' },
      { parentCode: 'HN-KCN', code: 'B2', name: 'CĐCS B', level: 'grassroots' },
    ]);
  });
  afterAll(async () => database.close());

  /** A new member's first message, on their own thread, accepted. */
  const firstMessage = async (channel: 'web' | 'zalo') => {
    const user = randomUUID();
    const recorded = await createIngestRepository(database.db).recordInbound({ channel, platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text('x'), sentAt: new Date(), receivedAt: new Date() });
    if (recorded.status !== 'accepted') throw new Error('expected accepted');
    return recorded;
  };

  it('creates one member per platform user even when first messages race', async () => {
    const user = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        // Separate repositories: no shared cache, like separate server processes.
        createIngestRepository(database.db).recordInbound({ channel: 'telegram', platformMessageId: `${user}-${i}`, sender: { platformUserId: user, threadId: user }, content: text(`tin ${i}`), sentAt: new Date(), receivedAt: new Date() }),
      ),
    );
    expect(new Set(results.map((r) => r.memberId)).size).toBe(1);
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    const identities = await database.db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, user));
    expect(identities).toHaveLength(1);
    // The losers of the race (one statement each, D-embedded-speed-6) leave no member behind without an identity.
    const orphans = await executeRows<{ n: number }>(database.db, sql`
      select count(*)::int as n from members m where not exists (select 1 from channel_identities i where i.member_id = m.id)`);
    expect(orphans[0]?.n).toBe(0);
  });

  it('resolves a first contact with the intake unit, a known member with theirs, and a known thread as it is', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const send = (threadId: string) => ingest.recordInbound({ channel: 'zalo', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId, displayName: 'Lan' }, content: text('chào'), sentAt: new Date(), receivedAt: new Date() });
    const first = await send(user);
    const [member] = await database.db.select().from(members).where(eq(members.id, first.memberId));
    expect(member?.displayName).toBe('Lan');
    const [identity] = await database.db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, user));
    expect(identity).toMatchObject({ memberId: first.memberId, profile: { displayName: 'Lan' } });
    const [unitA1] = await executeRows<{ id: string }>(database.db, sql`select id from units where code = 'A1'`);
    await database.db.update(members).set({ unitId: unitA1!.id }).where(eq(members.id, first.memberId));
    // Another thread of the same member (another repository: no cache) is created in their union.
    const second = await createIngestRepository(database.db).recordInbound({ channel: 'zalo', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: `${user}-2` }, content: text('x'), sentAt: new Date(), receivedAt: new Date() });
    expect(second.memberId).toBe(first.memberId);
    expect(second.conversationId).not.toBe(first.conversationId);
    const units = await executeRows<{ id: string; unit_id: string | null }>(database.db, sql`
      select id, unit_id from conversations where id in (${first.conversationId}, ${second.conversationId})`);
    expect(units.find((row) => row.id === second.conversationId)?.unit_id).toBe(unitA1!.id);
    const [top] = await executeRows<{ id: string }>(database.db, sql`select id from units where code = 'TLD'`);
    expect(units.find((row) => row.id === first.conversationId)?.unit_id).toBe(top!.id);
    // The first thread again, from a fresh repository: the same conversation.
    const again = await createIngestRepository(database.db).recordInbound({ channel: 'zalo', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text('y'), sentAt: new Date(), receivedAt: new Date() });
    expect(again).toMatchObject({ memberId: first.memberId, conversationId: first.conversationId });
  });

  it('attributes a member to the union of a join code once; a later link never overrides it (issue #15)', async () => {
    const ingest = createIngestRepository(database.db);
    const units = createUnitRepository(database.db);
    const user = randomUUID();
    const send = (joinCode?: string) => ingest.recordInbound({ channel: 'web', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text('chào'), sentAt: new Date(), receivedAt: new Date(), joinCode });
    const first = await send('a1');
    const unitOf = async () => (await database.db.select().from(members).where(eq(members.id, first.memberId)))[0]?.unitId;
    expect(await unitOf()).toBe((await units.findByCode('A1'))?.id);
    await send('B2');
    expect(await unitOf()).toBe((await units.findByCode('A1'))?.id);
    await send('HN');
    expect(await unitOf()).toBe((await units.findByCode('A1'))?.id);
    await send('KHONGCO');
    expect(await unitOf()).toBe((await units.findByCode('A1'))?.id);
    // A member without a union arriving with an upper-level code joins it (the deployment allows it by default).
    const other = randomUUID();
    const upper = await ingest.recordInbound({ channel: 'web', platformMessageId: randomUUID(), sender: { platformUserId: other, threadId: other }, content: text('chào'), sentAt: new Date(), receivedAt: new Date(), joinCode: 'HN' });
    expect((await database.db.select().from(members).where(eq(members.id, upper.memberId)))[0]?.unitId).toBe((await units.findByCode('HN'))?.id);
  });

  it('numbers messages of a conversation in arrival order and dedupes platform ids', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const base = { channel: 'zalo' as const, sender: { platformUserId: user, threadId: user }, sentAt: new Date(), receivedAt: new Date() };
    const a = await ingest.recordInbound({ ...base, platformMessageId: 'zmsg-1', content: text('một') });
    const dup = await ingest.recordInbound({ ...base, platformMessageId: 'zmsg-1', content: text('một') });
    const b = await ingest.recordInbound({ ...base, platformMessageId: 'zmsg-2', content: text('hai') });
    expect(a.status).toBe('accepted');
    expect(dup.status).toBe('duplicate');
    expect(b.status).toBe('accepted');
    const store = createInboundProcessingStore(database.db, { pseudonyms });
    const oldest = await store.oldestPendingInbound(a.conversationId);
    expect(oldest?.id).toBe(a.status === 'accepted' ? a.messageId : null);
  });

  it('leases a message to one worker at a time and lets an expired lease be taken over', async () => {
    const recorded = await firstMessage('web');
    const store = createInboundProcessingStore(database.db, { pseudonyms });
    const now = new Date();
    expect(await store.leaseMessage(recorded.messageId, new Date(now.getTime() + 60_000), now)).toBe(true);
    expect(await store.leaseMessage(recorded.messageId, new Date(now.getTime() + 60_000), now)).toBe(false);
    const later = new Date(now.getTime() + 61_000);
    expect(await store.leaseMessage(recorded.messageId, new Date(later.getTime() + 60_000), later)).toBe(true);
  });

  it('claims the oldest pending message in one step: one worker at a time, the next only after it is handled', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const send = (body: string) => ingest.recordInbound({ channel: 'web', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text(body), sentAt: new Date(), receivedAt: new Date() });
    const first = await send('một');
    await send('hai');
    const store = createInboundProcessingStore(database.db, { pseudonyms });
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const claims = await Promise.all([store.claimOldestPending(first.conversationId, until, now), store.claimOldestPending(first.conversationId, until, now)]);
    // Exactly one worker gets the oldest; the other stops (it must not skip ahead to the second message).
    expect(claims.filter(Boolean)).toEqual([{ id: first.status === 'accepted' ? first.messageId : '', conversationId: first.conversationId }]);
    expect(await store.claimOldestPending(first.conversationId, until, now)).toBeNull();
    // An expired lease is taken over.
    const later = new Date(now.getTime() + 61_000);
    expect((await store.claimOldestPending(first.conversationId, new Date(later.getTime() + 60_000), later))?.id).toBe(first.status === 'accepted' ? first.messageId : '');
  });

  it('refuses a commit on a stale conversation version and a second commit of the same message', async () => {
    const recorded = await firstMessage('web');
    const store = createInboundProcessingStore(database.db, { pseudonyms });
    const input = await store.loadTurnInput(recorded.messageId);
    // An officer takes the conversation between the turn's load and its commit.
    const conversations = createConversationRepository(database.db);
    await conversations.applyEvent(recorded.conversationId, { type: 'officer_take', officerId: randomUUID() }, input.conversation.version, new Date());
    const commit = { messageId: recorded.messageId, conversationId: recorded.conversationId, expectedVersion: input.conversation.version, nlu: null, messageStatus: 'processed' as const, newState: null, lowConfidenceStreak: 0, replies: [{ kind: 'smalltalk' as const, content: { type: 'text' as const, text: 'chào' } }], learning: null, notes: {}, now: new Date() };
    expect(await store.commitTurn(commit)).toEqual({ ok: false, reason: 'version_conflict' });
    const fresh = await store.loadTurnInput(recorded.messageId);
    expect(fresh.conversation.state).toBe('officer');
    const ok = await store.commitTurn({ ...commit, expectedVersion: fresh.conversation.version, replies: [], messageStatus: 'forwarded' });
    expect(ok).toEqual({ ok: true, outboundIds: [] });
    expect(await store.commitTurn({ ...commit, expectedVersion: fresh.conversation.version + 1 })).toEqual({ ok: false, reason: 'already_done' });
  });

  it('loads the time the union question was asked with the turn input (issue #12: no lookup of its own)', async () => {
    const recorded = await firstMessage('zalo');
    const store = createInboundProcessingStore(database.db, { pseudonyms });
    expect((await store.loadTurnInput(recorded.messageId)).member.unitPromptAskedAt).toBeNull();
    const askedAt = new Date('2026-12-04T10:00:00.123Z');
    expect(await createMemberDirectory(database.db).claimUnitCodePrompt(recorded.memberId, recorded.messageId, askedAt)).toBe(true);
    expect((await store.loadTurnInput(recorded.messageId)).member.unitPromptAskedAt).toEqual(askedAt);
    expect((await store.loadTurnInputs([recorded.messageId]))[0]?.member.unitPromptAskedAt).toEqual(askedAt);
  });

  it('tells, on a one-transaction-at-a-time database, whether another message of the conversation waits (issue #12)', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const record = async () => {
      const recorded = await ingest.recordInbound({ channel: 'web', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text('x'), sentAt: new Date(), receivedAt: new Date() });
      if (recorded.status !== 'accepted') throw new Error('expected accepted');
      return recorded;
    };
    const [first, second] = [await record(), await record()];
    const store = createInboundProcessingStore(database.db, { pseudonyms, exclusiveConnection: true });
    const commitOf = async (messageId: string) => {
      const input = await store.loadTurnInput(messageId);
      return store.commitTurn({ messageId, conversationId: first.conversationId, expectedVersion: input.conversation.version, nlu: null, messageStatus: 'processed', newState: null, lowConfidenceStreak: 0, replies: [], learning: null, notes: {}, now: new Date() });
    };
    expect(await commitOf(first.messageId)).toMatchObject({ ok: true, morePending: true });
    expect(await commitOf(second.messageId)).toMatchObject({ ok: true, morePending: false });
  });

  it('rejects officer actions on a stale version and invalid transitions', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const recorded = await ingest.recordInbound({ channel: 'web', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: text('x'), sentAt: new Date(), receivedAt: new Date() });
    const conversations = createConversationRepository(database.db);
    const start = await conversations.load(recorded.conversationId);
    await expect(conversations.applyEvent(start.id, { type: 'officer_release' }, start.version, new Date())).rejects.toMatchObject({ code: 'CONVERSATION_INVALID_TRANSITION' });
    const taken = await conversations.applyEvent(start.id, { type: 'officer_take', officerId: randomUUID() }, start.version, new Date());
    await expect(conversations.applyEvent(start.id, { type: 'close' }, start.version, new Date())).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const released = await conversations.applyEvent(start.id, { type: 'officer_release' }, taken.version, new Date());
    expect(released).toMatchObject({ state: 'bot', assignedOfficerId: null });
  });
});
