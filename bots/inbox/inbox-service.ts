import type { ChannelAdapter } from '../../core/channels/channel-adapter.js';
import type {
  CloseResolution,
  ConversationDetailDto,
  InboxItemDto,
  InboxListQuery,
  InboxListResponse,
  InboxMessageDto,
  InboxNoteDto,
  SuggestionResponse,
  TransferBody,
  TransferTargetsResponse,
} from '../../core/contracts/inbox-api.js';
import { AppError } from '../../core/errors/app-error.js';
import { decodeListCursor, encodeListCursor } from '../../core/inbox/list-cursor.js';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { ChannelId } from '../../core/messages/channels.js';
import { isTopic } from '../../core/nlu/labels.js';
import { MOOD_CHECK_INTERVAL_DAYS, moodCheckDraft } from '../../core/pipeline/mood-check.vi.js';
import { isWithinScope } from '../../core/org/hierarchy.js';
import type { Clock } from '../../core/ports/clock.js';
import type { AuditRepository } from '../storage/repositories/audit-repository.js';
import type { InboxReadRepository, InboxRow, InboxViewer } from '../storage/repositories/inbox-read-repository.js';
import type { InboxWriteRepository } from '../storage/repositories/inbox-write-repository.js';
import type { UnitRepository } from '../storage/repositories/unit-repository.js';
import type { UserRepository, UserWithUnit } from '../storage/repositories/user-repository.js';
import { replyStatus, resolutionOf, type ChannelHealthView, toInboxItem, toInboxMessage } from './inbox-dto.js';
import type { InboxPublisher } from './inbox-events.js';
import type { InboxQueue } from './inbox-queue.js';
import type { ListReadAudit } from './list-read-audit.js';

export interface InboxServiceDeps {
  read: InboxReadRepository;
  write: InboxWriteRepository;
  units: UnitRepository;
  users: UserRepository;
  audit: AuditRepository;
  /** List reads are audited when they show an officer someone new (list-read-audit.ts); views and changes every time. */
  listReads: ListReadAudit;
  queue: JobQueue;
  inboxQueue: InboxQueue;
  publish: InboxPublisher;
  clock: Clock;
  adapters: (channel: ChannelId) => ChannelAdapter | undefined;
  /** The channel's last reported health in this process (an outage changes what the reply box says); absent = unknown. */
  channelHealth?: (channel: ChannelId) => ChannelHealthView;
  knowledge: KnowledgeService;
}

export type InboxService = ReturnType<typeof createInboxService>;

export function viewerOf(user: UserWithUnit): InboxViewer {
  return { userId: user.id, scopePath: user.unit.path, national: user.unit.level === 'national' };
}

/** Leaders and admins may act on conversations other officers hold (re-route, return, close). */
const mayOverride = (user: UserWithUnit) => user.role === 'admin' || user.role === 'leader';

const notFound = (id: string) => new AppError('NOT_FOUND', `conversation ${id} not found`);

/**
 * The officers' side of a conversation (issue #9 §3, §5, §8). Every method loads the conversation through
 * the viewer's subtree first (404 outside it, even for a guessed id), writes the audit log, and publishes an
 * inbox event after a change. State changes are single conditional UPDATEs (inbox-write-repository).
 */
export function createInboxService(deps: InboxServiceDeps) {
  async function scoped(user: UserWithUnit, id: string): Promise<InboxRow> {
    const row = await deps.read.find(viewerOf(user), id);
    if (!row) throw notFound(id);
    return row;
  }

  async function audit(user: UserWithUnit, action: string, row: InboxRow, details: Record<string, unknown> = {}): Promise<void> {
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action, targetType: 'conversation', targetId: row.id, unitId: row.unitId ?? row.queueUnitId, memberId: row.memberId, details });
  }

  async function reload(id: string): Promise<InboxRow> {
    const row = await deps.read.findAny(id);
    if (!row) throw notFound(id);
    return row;
  }

  /** A refused change: say why, with who holds it when that is the reason. */
  async function refusal(id: string, user: UserWithUnit): Promise<AppError> {
    const current = await deps.write.holding(id);
    if (current.state === 'officer' && current.holder && current.holder.id !== user.id) {
      return new AppError('CONVERSATION_CLAIMED', `${current.holder.displayName} đang xử lý cuộc trò chuyện này`, { details: { holder: current.holder }, publicDetails: true });
    }
    if (current.state === 'bot' || current.state === 'closed') {
      return new AppError('CONVERSATION_RETURNED_TO_BOT', 'cuộc trò chuyện đã được trả lại cho trợ lý ảo hoặc đã đóng', { details: { state: current.state }, publicDetails: true });
    }
    return new AppError('CONVERSATION_INVALID_TRANSITION', `không thể thực hiện khi cuộc trò chuyện ở trạng thái ${current.state}`, { details: { state: current.state }, publicDetails: true });
  }

  async function unitInScope(user: UserWithUnit, code: string): Promise<{ id: string; path: string }> {
    const unit = await deps.units.findByCode(code);
    // Out of scope looks the same as unknown: the caller learns nothing about other parts of the union.
    if (!unit || !isWithinScope(unit.path, user.unit.path)) throw new AppError('UNIT_NOT_FOUND', `unit ${code} not found`, { fields: [{ path: 'unitCode', message: 'không tìm thấy đơn vị trong phạm vi của bạn' }] });
    return unit;
  }

  return {
    async list(user: UserWithUnit, query: Required<Pick<InboxListQuery, 'view' | 'limit'>> & InboxListQuery): Promise<InboxListResponse> {
      const unitPath = query.unit ? (await unitInScope(user, query.unit)).path : undefined;
      const cursor = query.cursor ? decodeListCursor(query.cursor) : undefined;
      const rows = await deps.read.list(viewerOf(user), {
        view: query.view,
        limit: query.limit,
        ...(query.state ? { state: query.state } : {}),
        ...(unitPath ? { unitPath } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.topic ? { topic: query.topic } : {}),
        ...(query.urgent !== undefined ? { urgent: query.urgent } : {}),
        ...(cursor ? { after: { key: cursor.k, at: new Date(cursor.t), id: cursor.id } } : {}),
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const more = rows.length > query.limit && last;
      const nextCursor = more
        ? encodeListCursor(
            query.view === 'waiting'
              ? { k: last.urgent ? 0 : 1, t: (last.handedOffAt ?? last.lastMessageAt ?? new Date(0)).toISOString(), id: last.id }
              : { k: 0, t: (last.lastMessageAt ?? new Date(0)).toISOString(), id: last.id },
          )
        : null;
      await deps.listReads.record({ userId: user.id, actor: user.email, unitId: user.unit.id, view: query.view, memberIds: page.map((row) => row.memberId) });
      return { items: page.map(toInboxItem), nextCursor };
    },

    async view(user: UserWithUnit, id: string, options: { before?: string; limit: number }): Promise<ConversationDetailDto> {
      const row = await scoped(user, id);
      const [transcript, profile, notes, latest] = await Promise.all([
        deps.read.transcript(row.memberId, options.limit, options.before),
        deps.read.memberProfile(row.memberId),
        deps.read.notes(row.id),
        deps.read.latestInbound(row.id),
      ]);
      await audit(user, 'conversation_view', row);
      const reply = replyStatus(row, user.id, deps.adapters(row.channel), latest?.platformMessageId ?? null, deps.clock.now(), deps.channelHealth?.(row.channel));
      const holder = row.assignedOfficerId;
      const mine = holder === user.id;
      const open = row.state === 'waiting_officer' || row.state === 'officer';
      const mayAct = open && (mine || holder === null || mayOverride(user));
      return {
        ...toInboxItem(row),
        messages: transcript.rows.map(toInboxMessage),
        hasOlderMessages: transcript.hasOlder,
        member: {
          id: row.memberId,
          displayName: profile.displayName,
          unit: profile.unitCode ? { code: profile.unitCode, name: profile.unitName ?? profile.unitCode } : null,
          consent: profile.consent,
          channels: profile.channels.map((c) => ({ channel: c.channel, linkedAt: c.linkedAt.toISOString() })),
        },
        notes: notes.map((n) => ({ id: n.id, text: n.text, author: { id: n.authorId, displayName: n.authorName }, createdAt: n.createdAt.toISOString() })),
        reply,
        resolution: resolutionOf(row.resolution),
        claimedAt: row.claimedAt ? row.claimedAt.toISOString() : null,
        can: {
          claim: row.state !== 'officer',
          reply: reply.canSend,
          return: mayAct,
          transfer: mayAct,
          close: row.state !== 'closed' && (mine || holder === null || mayOverride(user)),
        },
      };
    },

    /** Exactly one of two simultaneous claims wins; the other is told who holds it. Claiming one's own is a no-op 200. */
    async claim(user: UserWithUnit, id: string): Promise<InboxItemDto> {
      const before = await scoped(user, id);
      if (before.state === 'officer' && before.assignedOfficerId === user.id) return toInboxItem(before);
      if (!(await deps.write.claim(id, user.id, deps.clock.now()))) {
        const current = await deps.write.holding(id);
        if (current.holder?.id === user.id) return toInboxItem(await reload(id));
        throw await refusal(id, user);
      }
      const row = await reload(id);
      await audit(user, 'conversation_claim', row, { from: before.state });
      await deps.publish('conversation.claimed', row);
      return toInboxItem(row);
    },

    /**
     * An officer's reply, delivered through the channel like the bot's (outbound worker, channel policy).
     * Replying to an unclaimed hand-off claims it; a conversation back with the bot is refused.
     */
    async reply(user: UserWithUnit, id: string, text: string, clientId: string | undefined): Promise<InboxMessageDto> {
      let row = await scoped(user, id);
      if (clientId) {
        const existing = await deps.write.replyByClientId(id, clientId);
        if (existing) return findMessage(row.memberId, existing);
      }
      if (row.state === 'bot' || row.state === 'closed') throw await refusal(id, user);
      if (row.state === 'waiting_officer') {
        if (!(await deps.write.claim(id, user.id, deps.clock.now()))) throw await refusal(id, user);
        row = await reload(id);
        await audit(user, 'conversation_claim', row, { from: 'waiting_officer', by: 'reply' });
        await deps.publish('conversation.claimed', row);
      } else if (row.assignedOfficerId !== user.id) throw await refusal(id, user);
      const latest = await deps.read.latestInbound(id);
      const now = deps.clock.now();
      const messageId = await deps.write.insertOfficerReply({ conversationId: id, channel: row.channel, officerId: user.id, text, clientId: clientId ?? null, replyToMessageId: latest?.id ?? null, now });
      await deps.write.markRead(id, now);
      await deps.queue.enqueue('outbound.send', { messageId, conversationId: id }, { jobId: messageId });
      await audit(user, 'conversation_reply', row, { messageId });
      await deps.publish('conversation.message', row);
      return findMessage(row.memberId, messageId);
    },

    /** Sends a held or failed reply again (as the officer when `asOfficer`: e.g. Messenger's HUMAN_AGENT tag after 24 h). */
    async retry(user: UserWithUnit, id: string, messageId: string, asOfficer: boolean): Promise<InboxMessageDto> {
      const row = await scoped(user, id);
      if (row.state !== 'officer' || row.assignedOfficerId !== user.id) throw await refusal(id, user);
      const message = await deps.write.outboundMessage(messageId, id);
      if (!message) throw new AppError('NOT_FOUND', `message ${messageId} not found in this conversation`);
      if (message.status !== 'held' && message.status !== 'failed') throw new AppError('CONVERSATION_NOT_ACTIONABLE', `tin nhắn đang ở trạng thái ${message.status}, không cần gửi lại`, { details: { status: message.status }, publicDetails: true });
      const latest = await deps.read.latestInbound(id);
      const status = replyStatus(row, user.id, deps.adapters(row.channel), latest?.platformMessageId ?? null, deps.clock.now());
      if (!status.canSend && (asOfficer || message.author === 'officer')) {
        throw new AppError('CONVERSATION_NOT_ACTIONABLE', status.reason ?? 'nền tảng chưa cho phép gửi lúc này', { details: { code: status.code }, publicDetails: true });
      }
      if (!(await deps.write.requeue(messageId, id, asOfficer ? user.id : null))) throw new AppError('CONVERSATION_NOT_ACTIONABLE', 'tin nhắn vừa được gửi lại', { publicDetails: true });
      await deps.queue.enqueue('outbound.send', { messageId, conversationId: id }, { jobId: `${messageId}-retry-${deps.clock.now().getTime()}` });
      await audit(user, 'conversation_retry', row, { messageId, asOfficer });
      await deps.publish('conversation.message', row);
      return findMessage(row.memberId, messageId);
    },

    async returnToBot(user: UserWithUnit, id: string): Promise<InboxItemDto> {
      const before = await scoped(user, id);
      if (!(await deps.write.returnToBot(id, user.id, mayOverride(user), deps.clock.now()))) throw await refusal(id, user);
      const row = await reload(id);
      await audit(user, 'conversation_return', row, { from: before.state });
      await deps.publish('conversation.returned', row);
      if (before.assignedOfficerId) await deps.inboxQueue.officerFreed(before.assignedOfficerId);
      return toInboxItem(row);
    },

    async close(user: UserWithUnit, id: string, resolution: CloseResolution): Promise<InboxItemDto> {
      const before = await scoped(user, id);
      if (before.state === 'closed' && before.resolution === resolution) return toInboxItem(before);
      if (!(await deps.write.close(id, resolution, user.id, mayOverride(user), deps.clock.now()))) throw await refusal(id, user);
      const row = await reload(id);
      await audit(user, 'conversation_close', row, { resolution, from: before.state });
      await deps.publish('conversation.closed', row);
      // A hand-off an officer closed: the member is asked how it went (never after a spam close).
      if ((before.state === 'officer' || before.state === 'waiting_officer') && resolution !== 'spam') {
        const check = moodCheckDraft('handoff', before.topic ?? 'other');
        const messageId = await deps.write.offerMoodCheck({ conversationId: id, content: check.content, intervalDays: MOOD_CHECK_INTERVAL_DAYS, now: deps.clock.now() });
        if (messageId) await deps.queue.enqueue('outbound.send', { messageId, conversationId: id }, { jobId: messageId });
      }
      if (before.assignedOfficerId) await deps.inboxQueue.officerFreed(before.assignedOfficerId);
      return toInboxItem(row);
    },

    async transfer(user: UserWithUnit, id: string, body: TransferBody): Promise<InboxItemDto> {
      const before = await scoped(user, id);
      const now = deps.clock.now();
      let changed: boolean;
      if (body.unitCode !== undefined) {
        const unit = await unitInScope(user, body.unitCode);
        const due = await deps.inboxQueue.dueAt(unit.id, before.urgent, now);
        changed = await deps.write.transferToUnit(id, unit.id, due, user.id, mayOverride(user), now);
        if (changed) {
          await deps.inboxQueue.scheduleSla(id, 0, due);
          await deps.inboxQueue.requestAssign(unit.id);
        }
      } else {
        const target = await deps.users.findById(body.officerId as string);
        const targetSees = target && !target.disabled && isWithinScope(target.unit.path, user.unit.path) && (await deps.read.find(viewerOf(target), id)) !== null;
        if (!target || !targetSees) throw new AppError('NOT_FOUND', 'officer not found in your units (or they could not see this conversation)', { fields: [{ path: 'officerId', message: 'không tìm thấy cán bộ phù hợp trong phạm vi của bạn' }] });
        changed = await deps.write.transferToOfficer(id, target.id, user.id, mayOverride(user), now);
      }
      if (!changed) throw await refusal(id, user);
      const row = await reload(id);
      await audit(user, 'conversation_transfer', row, { ...body, from: before.state, previousHolder: before.assignedOfficerId });
      await deps.publish('conversation.transferred', row);
      if (before.assignedOfficerId && before.assignedOfficerId !== row.assignedOfficerId) await deps.inboxQueue.officerFreed(before.assignedOfficerId);
      return toInboxItem(row);
    },

    async transferTargets(user: UserWithUnit, id: string): Promise<TransferTargetsResponse> {
      await scoped(user, id);
      const units = await deps.units.listSubtree(user.unit.path);
      const officers = await deps.write.officersInSubtree(user.unit.path);
      return {
        units: units.map((u) => ({ code: u.code, name: u.name })),
        officers: officers.map((o) => ({ id: o.id, displayName: o.displayName, unit: { code: o.unitCode, name: o.unitName }, availability: o.availability === 'available' ? 'available' : 'away' })),
      };
    },

    async addNote(user: UserWithUnit, id: string, text: string): Promise<InboxNoteDto> {
      const row = await scoped(user, id);
      const note = await deps.write.addNote(id, user.id, text, deps.clock.now());
      await audit(user, 'conversation_note', row, { noteId: note.id });
      return { id: note.id, text, author: { id: user.id, displayName: user.displayName }, createdAt: note.createdAt.toISOString() };
    },

    async markRead(user: UserWithUnit, id: string): Promise<InboxItemDto> {
      const row = await scoped(user, id);
      if (row.assignedOfficerId === null || row.assignedOfficerId === user.id) await deps.write.markRead(id, deps.clock.now());
      await audit(user, 'conversation_read', row);
      return toInboxItem(await reload(id));
    },

    /** A draft from the knowledge service for the member's latest question; returned to the officer, never sent. */
    async suggestion(user: UserWithUnit, id: string): Promise<SuggestionResponse> {
      const row = await scoped(user, id);
      const latest = await deps.read.latestInbound(id);
      await audit(user, 'conversation_suggestion', row);
      if (!latest || latest.text.trim() === '') return { text: '', citations: [], source: 'none' };
      const topic = latest.topic && isTopic(latest.topic) ? latest.topic : 'other';
      const answer = await deps.knowledge.answer({ text: latest.text, topic, entities: [], conversationId: id, unitPath: row.unitPath });
      if (answer.kind === 'not_covered') return { text: '', citations: [], source: 'none' };
      return {
        text: answer.text,
        citations: answer.citations.map((c) => ({ lawId: c.lawId, articleNo: c.articleNo, label: c.label })),
        source: answer.kind === 'faq' ? 'faq' : 'law',
      };
    },
  };

  async function findMessage(_memberId: string, messageId: string): Promise<InboxMessageDto> {
    const row = await deps.read.message(messageId);
    if (!row) throw new AppError('NOT_FOUND', `message ${messageId} not found`);
    return toInboxMessage(row);
  }
}
