import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { deliverParts, type PartOutcome } from '../../bots/channels/shared/deliver-parts.js';
import { silentLogger } from '../../core/ports/logger.js';
import { createSendThrottle } from '../../bots/channels/shared/send-throttle.js';
import { createChannelDeliveryRepository, deliveryTextHash } from '../../bots/storage/repositories/channel-delivery-repository.js';
import { createChannelEventRepository } from '../../bots/storage/repositories/channel-event-repository.js';
import { createMemberDirectory } from '../../bots/storage/repositories/channel-member-directory.js';
import { createIngestRepository } from '../../bots/storage/repositories/ingest-repository.js';
import { channelDeliveries, channelIdentities, conversations, members, messages } from '../../bots/storage/schema/index.js';
import type { ChannelId } from '../../core/messages/channels.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { seedUnits } from './support/channel-e2e.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const clock = { now: () => NOW };

describe.each(testBackends())('channel storage on $name', (backend) => {
  let database: TestDatabase;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await seedUnits(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  /** A member who wrote once on `channel`, created by the real ingest path. */
  async function memberOn(channel: ChannelId, unitCode?: string) {
    const user = randomUUID();
    const result = await createIngestRepository(db()).recordInbound({
      channel,
      platformMessageId: randomUUID(),
      sender: { platformUserId: user, threadId: user },
      content: { type: 'text', text: 'xin chào' },
      sentAt: NOW,
      receivedAt: NOW,
      joinCode: unitCode,
    });
    return { user, memberId: result.memberId, conversationId: result.conversationId };
  }

  describe('member directory', () => {
    it('sets a union by code on the member and all their conversations; upper levels only where the deployment allows', async () => {
      const directory = createMemberDirectory(db());
      const { memberId, conversationId } = await memberOn('telegram');
      expect(await directory.setUnitByCode(memberId, ' cdcs001 ', NOW)).toMatchObject({ status: 'set', unit: { code: 'CDCS001' } });
      expect(await directory.setUnitByCode(memberId, 'CDCS001', NOW)).toMatchObject({ status: 'unchanged' });
      expect(await directory.setUnitByCode(memberId, 'NOPE', NOW)).toEqual({ status: 'not_found' });
      expect(await directory.setUnitByCode(memberId, 'TLD', NOW)).toEqual({ status: 'not_found' });
      const strict = createMemberDirectory(db(), { joinPolicy: { allowUpperLevels: false } });
      expect(await strict.setUnitByCode(memberId, 'LDLD-HN', NOW)).toEqual({ status: 'not_found' });
      const [conversation] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation?.unitId).toBe((await directory.unitOf(memberId))?.id);
      expect(await directory.setUnitByCode(memberId, 'LDLD-HN', NOW)).toMatchObject({ status: 'set', unit: { code: 'LDLD-HN', level: 'province_or_sector' } });
    });

    it('finds unions by company name and province, and routes a member without one to the province named (unless an intake unit is set)', async () => {
      const directory = createMemberDirectory(db());
      const found = await directory.searchUnits('cty may thang long, tp ha noi');
      expect(found).toMatchObject({ matches: [{ code: 'CDCS001' }], province: { code: 'LDLD-HN' }, namedSomething: true });
      expect(found.bestCoverage).toBeGreaterThan(0.9);
      expect((await directory.searchUnits('cong ty banh keo hai ha')).matches).toEqual([]);
      const { memberId, conversationId } = await memberOn('messenger');
      expect(await directory.routeWithoutUnit(memberId, found.province?.id ?? null, NOW)).toMatchObject({ code: 'LDLD-HN' });
      const [routed] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
      expect(routed?.unitId).toBe(found.province?.id);
      // A deployment's own intake unit wins over the province; a member with a union is never moved.
      const other = await memberOn('messenger');
      const withIntake = createMemberDirectory(db(), { joinPolicy: { allowUpperLevels: true, intakeUnitCode: 'TLD' } });
      expect(await withIntake.routeWithoutUnit(other.memberId, found.province?.id ?? null, NOW)).toMatchObject({ code: 'TLD' });
      const joined = await memberOn('messenger', 'CDCS001');
      expect(await directory.routeWithoutUnit(joined.memberId, found.province?.id ?? null, NOW)).toMatchObject({ code: 'CDCS001' });
    });

    it('creates one live link code per member, idempotently per request', async () => {
      const directory = createMemberDirectory(db());
      const { memberId } = await memberOn('telegram');
      const first = await directory.createLinkCode({ memberId, channel: 'telegram', requestId: randomUUID(), now: NOW });
      expect(first.code).toMatch(/^\d{8}$/);
      expect(first.expiresAt).toEqual(new Date(NOW.getTime() + 600_000));
      const requestId = randomUUID();
      const second = await directory.createLinkCode({ memberId, channel: 'telegram', requestId, now: NOW });
      expect(await directory.createLinkCode({ memberId, channel: 'telegram', requestId, now: NOW })).toEqual(second);
      // The newer code replaced the older one.
      const other = await memberOn('zalo');
      if (first.code !== second.code) expect(await directory.redeemLinkCode({ code: first.code, memberId: other.memberId, channel: 'zalo', now: NOW })).toEqual({ status: 'invalid' });
    });

    it('merges the redeemer into the code owner in one transaction; the owner without a unit takes the redeemer\'s', async () => {
      const directory = createMemberDirectory(db());
      const owner = await memberOn('telegram');
      const redeemer = await memberOn('zalo', 'CDCS002');
      const { code } = await directory.createLinkCode({ memberId: owner.memberId, channel: 'telegram', requestId: randomUUID(), now: NOW });
      const result = await directory.redeemLinkCode({ code, memberId: redeemer.memberId, channel: 'zalo', now: NOW });
      expect(result).toMatchObject({ status: 'linked', unit: { code: 'CDCS002' } });
      expect(result.status === 'linked' && [...result.channels].sort()).toEqual(['telegram', 'zalo']);
      const identities = await db().select().from(channelIdentities).where(eq(channelIdentities.memberId, owner.memberId));
      expect(identities).toHaveLength(2);
      const threads = await db().select().from(conversations).where(eq(conversations.memberId, owner.memberId));
      expect(threads.map((c) => c.id).sort()).toEqual([owner.conversationId, redeemer.conversationId].sort());
      expect(new Set(threads.map((c) => c.unitId)).size).toBe(1);
      expect(await db().select().from(members).where(eq(members.id, redeemer.memberId))).toHaveLength(0);
      // The same turn computed again after the merge (the redeemer is now the owner) still reads as linked.
      expect(await directory.redeemLinkCode({ code, memberId: owner.memberId, channel: 'zalo', now: NOW })).toMatchObject({ status: 'linked' });
    });

    it('lets only one of two concurrent redeemers use a code', async () => {
      const directory = createMemberDirectory(db());
      const owner = await memberOn('telegram');
      const [a, b] = [await memberOn('zalo'), await memberOn('messenger')];
      const { code } = await directory.createLinkCode({ memberId: owner.memberId, channel: 'telegram', requestId: randomUUID(), now: NOW });
      const results = await Promise.all([
        directory.redeemLinkCode({ code, memberId: a.memberId, channel: 'zalo', now: NOW }),
        directory.redeemLinkCode({ code, memberId: b.memberId, channel: 'messenger', now: NOW }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['invalid', 'linked']);
    });

    it('counts wrong codes per member and refuses after five in an hour', async () => {
      const directory = createMemberDirectory(db());
      const { memberId } = await memberOn('zalo');
      for (let i = 0; i < 5; i++) expect(await directory.redeemLinkCode({ code: `99999${i}`, memberId, channel: 'zalo', now: NOW })).toEqual({ status: 'invalid' });
      expect(await directory.redeemLinkCode({ code: '999999', memberId, channel: 'zalo', now: NOW })).toEqual({ status: 'too_many_attempts' });
      const later = new Date(NOW.getTime() + 61 * 60_000);
      expect(await directory.redeemLinkCode({ code: '999998', memberId, channel: 'zalo', now: later })).toEqual({ status: 'invalid' });
    });

    it('claims the first-contact question once per member (again only for the same request)', async () => {
      const directory = createMemberDirectory(db());
      const { memberId } = await memberOn('zalo');
      const request = randomUUID();
      expect(await directory.claimUnitCodePrompt(memberId, request, NOW)).toBe(true);
      expect(await directory.claimUnitCodePrompt(memberId, request, NOW)).toBe(true);
      expect(await directory.claimUnitCodePrompt(memberId, randomUUID(), NOW)).toBe(false);
    });
  });

  describe('idempotent part delivery', () => {
    const message = (): OutboundMessage => ({
      id: randomUUID(),
      conversationId: randomUUID(),
      channel: 'telegram',
      recipient: { platformUserId: 'u-9', threadId: 'u-9' },
      content: { type: 'text', text: 'x' },
      author: 'bot',
      kind: 'answer',
      replyToPlatformMessageId: null,
      attempt: 1,
    });
    const parts = ['một', 'hai', 'ba'].map((text) => ({ payload: text, text }));
    const deps = () => ({
      deliveries: createChannelDeliveryRepository(db()),
      throttle: createSendThrottle({ perRecipient: { capacity: 100, refillPerSecond: 100 }, global: { capacity: 100, refillPerSecond: 100 }, maxWaitMs: 0, clock }),
      clock,
    });

    it('never sends a part again once the platform accepted it', async () => {
      const outbound = message();
      const calls: string[] = [];
      let failSecond = true;
      const send = async (payload: string): Promise<PartOutcome> => {
        calls.push(payload);
        if (payload === 'hai' && failSecond) {
          failSecond = false;
          return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: 'HTTP 502' };
        }
        return { ok: true, platformMessageId: `id-${payload}-${randomUUID()}` };
      };
      expect(await deliverParts(deps(), outbound, parts, send)).toMatchObject({ ok: false, retryable: true, detail: 'part 2/3: HTTP 502' });
      const retried = await deliverParts(deps(), outbound, parts, send);
      expect(calls).toEqual(['một', 'hai', 'hai', 'ba']);
      expect(retried.ok && retried.platformMessageIds.map((id) => id.split('-')[1])).toEqual(['một', 'hai', 'ba']);
      const rows = await db().select().from(channelDeliveries).where(eq(channelDeliveries.outboundMessageId, outbound.id));
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    });

    it('keeps an unanswered part as sending, so that its echo completes it and a retry skips it', async () => {
      const outbound = message();
      const delivered = createChannelDeliveryRepository(db());
      const unanswered = await deliverParts(deps(), outbound, parts.slice(0, 1), async () => ({ ok: false, retryable: true, code: 'NETWORK', detail: 'timeout', outcomeUnknown: true }));
      expect(unanswered.ok).toBe(false);
      // The platform did deliver it: its echo arrives and is recognised by recipient and text.
      const claimed = await delivered.claimEcho({ channel: 'telegram', recipient: 'u-9', textHash: deliveryTextHash('một'), platformMessageId: `echo-${outbound.id}`, since: new Date(NOW.getTime() - 60_000), now: NOW });
      expect(claimed).toBe(true);
      expect(await delivered.isOurs('telegram', `echo-${outbound.id}`)).toBe(true);
      const calls: string[] = [];
      const retried = await deliverParts(deps(), outbound, parts.slice(0, 1), async (p) => {
        calls.push(p);
        return { ok: true, platformMessageId: 'never' };
      });
      expect(calls).toEqual([]);
      expect(retried).toEqual({ ok: true, platformMessageIds: [`echo-${outbound.id}`] });
    });

    /** The outbound message as stored, so that what delivery notes on it can be read back. */
    async function stored(outbound: OutboundMessage): Promise<OutboundMessage> {
      const { conversationId } = await memberOn('telegram');
      await db().insert(messages).values({ id: outbound.id, conversationId, direction: 'out', channel: 'telegram', author: 'bot', content: { type: 'text', text: 'một hai' }, text: 'một hai', status: 'sending', createdAt: NOW });
      return { ...outbound, conversationId };
    }
    const metaOf = async (id: string) => (await db().select({ meta: messages.meta }).from(messages).where(eq(messages.id, id)))[0]?.meta;

    it('sends again a part an earlier attempt left sending with no echo (a crash mid-call): a rare duplicate, never a lost reply — D-hardening-7', async () => {
      const outbound = await stored(message());
      const delivered = createChannelDeliveryRepository(db());
      // The worker died after noting part 1 as handed to the platform: no answer, no platform id, no echo since.
      await delivered.beginPart({ outboundMessageId: outbound.id, part: 0, channel: 'telegram', recipient: 'u-9', textHash: deliveryTextHash('một'), now: NOW });
      const warnings: unknown[] = [];
      const logger = { ...silentLogger, warn: (fields: unknown) => void warnings.push(fields) };
      const calls: string[] = [];
      const retried = await deliverParts({ ...deps(), logger }, outbound, parts.slice(0, 2), async (p) => {
        calls.push(p);
        return { ok: true, platformMessageId: `id-${p}` };
      });
      expect(calls).toEqual(['một', 'hai']);
      expect(retried).toEqual({ ok: true, platformMessageIds: ['id-một', 'id-hai'] });
      expect(warnings).toEqual([expect.objectContaining({ code: 'AMBIGUOUS_RESEND', messageId: outbound.id, part: 0, channel: 'telegram' })]);
      const rows = await db().select().from(channelDeliveries).where(eq(channelDeliveries.outboundMessageId, outbound.id));
      expect(rows.map((r) => [r.part, r.status, r.platformMessageId])).toEqual([
        [0, 'sent', 'id-một'],
        [1, 'sent', 'id-hai'],
      ]);
      // The message says so, once, for the officer's inbox.
      expect(await metaOf(outbound.id)).toEqual({ possibleDuplicateAt: NOW.toISOString() });
      const later = { now: () => new Date(NOW.getTime() + 60_000) };
      await createChannelDeliveryRepository(db()).markPossibleDuplicate(outbound.id, later.now());
      expect(await metaOf(outbound.id)).toEqual({ possibleDuplicateAt: NOW.toISOString() });
    });

    it('does not mark a message whose resend was refused, nor one sent once', async () => {
      const refusedAgain = await stored(message());
      const delivered = createChannelDeliveryRepository(db());
      await delivered.beginPart({ outboundMessageId: refusedAgain.id, part: 0, channel: 'telegram', recipient: 'u-9', textHash: deliveryTextHash('một'), now: NOW });
      const refused = await deliverParts(deps(), refusedAgain, parts.slice(0, 1), async () => ({ ok: false, retryable: false, code: 'USER_BLOCKED', detail: '403' }));
      expect(refused.ok).toBe(false);
      expect(await metaOf(refusedAgain.id)).toEqual({});
      const once = await stored(message());
      expect((await deliverParts(deps(), once, parts, async (p) => ({ ok: true, platformMessageId: `id-${p}-${randomUUID()}` }))).ok).toBe(true);
      expect(await metaOf(once.id)).toEqual({});
    });

    it('forgets a refused part, so its text cannot be taken for an echo of ours', async () => {
      const outbound = message();
      const refused = await deliverParts(deps(), outbound, parts.slice(0, 1), async () => ({ ok: false, retryable: false, code: 'USER_BLOCKED', detail: '403' }));
      expect(refused).toEqual({ ok: false, retryable: false, code: 'USER_BLOCKED', detail: '403' });
      expect(await db().select().from(channelDeliveries).where(eq(channelDeliveries.outboundMessageId, outbound.id))).toHaveLength(0);
    });
  });

  describe('officer echoes', () => {
    it('records a console reply once, puts the conversation in officer mode until the hold ends, ignores unknown threads', async () => {
      const events = createChannelEventRepository(db());
      const { user, conversationId } = await memberOn('zalo');
      const input = { channel: 'zalo' as const, threadKey: user, recipient: user, platformMessageId: randomUUID(), content: { type: 'text' as const, text: 'Cán bộ đây' }, sentAt: NOW, now: NOW, holdUntil: new Date(NOW.getTime() + 30 * 60_000) };
      const [first, second] = await Promise.all([events.recordOfficerEcho(input), events.recordOfficerEcho(input)]);
      expect([first, second].sort()).toEqual(['duplicate', 'recorded']);
      const [conversation] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation).toMatchObject({ state: 'officer', version: 1, echoTakeoverUntil: input.holdUntil });
      // A late echo of an earlier reply never shortens the hold.
      await events.recordOfficerEcho({ ...input, platformMessageId: randomUUID(), content: { type: 'text', text: 'Tin cũ' }, holdUntil: NOW });
      const [held] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
      expect(held?.echoTakeoverUntil).toEqual(input.holdUntil);
      expect(await events.recordOfficerEcho({ ...input, threadKey: 'nobody', platformMessageId: randomUUID() })).toBe('unknown_thread');
    });
  });
});
