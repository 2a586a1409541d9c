import type { InboxRow, TranscriptRow } from '../storage/repositories/inbox-read-repository.js';
import { toInboxItem, toInboxMessage } from './inbox-dto.js';

const row = (patch: Partial<InboxRow>): InboxRow => ({
  id: 'c1', state: 'waiting_officer', urgent: false, overdue: false, escalationLevel: 0, channel: 'zalo', version: 1, memberId: 'm1',
  unitId: 'u1', unitCode: 'A1', unitName: 'CĐCS A1', unitPath: '/t/a1/', queueUnitId: 'u1', queueUnitCode: 'A1', queueUnitName: 'CĐCS A1', queueUnitPath: '/t/a1/',
  handedOffAt: null, slaDueAt: null, claimedAt: null, lastMessageAt: null, lastInboundAt: null, memberName: null, assignedOfficerId: null, assignedOfficerName: null,
  topic: null, sentiment: null, preview: null, previewKind: null, unread: 0, replyStatus: null, resolution: null, channelState: {}, platformUserId: 'p1', threadKey: 't1',
  ...patch,
});

describe('inbox row preview', () => {
  it("is the member's latest words", () => {
    expect(toInboxItem(row({ preview: 'Công ty nợ lương em', previewKind: 'text' })).preview).toBe('Công ty nợ lương em');
    expect(toInboxItem(row({ preview: 'Ảnh bảng lương tháng 11', previewKind: 'image' })).preview).toBe('Ảnh bảng lương tháng 11');
  });

  it('names what a message without words was, in Vietnamese', () => {
    expect(toInboxItem(row({ preview: '', previewKind: 'image' })).preview).toBe('[Ảnh]');
    expect(toInboxItem(row({ preview: '', previewKind: 'location' })).preview).toBe('[Vị trí]');
    expect(toInboxItem(row({ preview: '', previewKind: 'audio' })).preview).toBe('[Tin nhắn thoại]');
    expect(toInboxItem(row({ preview: '', previewKind: 'something-new' })).preview).toBe('[Tin nhắn không có chữ]');
  });

  it('is empty when the member has written nothing yet', () => {
    expect(toInboxItem(row({ preview: null, previewKind: null })).preview).toBeNull();
    expect(toInboxItem(row({ preview: ' ', previewKind: 'text' })).preview).toBeNull();
  });
});

const message = (patch: Partial<TranscriptRow>): TranscriptRow => ({
  id: 'm1', conversationId: 'c1', channel: 'zalo', direction: 'out', author: 'bot', text: 'Chào bạn', route: null, topic: null, sentiment: null,
  routeConfidence: null, topicConfidence: null, sentimentConfidence: null, status: 'sent', lastError: null, meta: {},
  createdAt: new Date('2026-03-02T08:00:00Z'), officerId: null, officerName: null, platformMessageId: null, ...patch,
});

describe('transcript message', () => {
  it('flags a reply that delivery resent after a send with no known outcome (D-hardening-9)', () => {
    expect(toInboxMessage(message({ meta: { possibleDuplicateAt: '2026-03-02T08:00:01Z' } })).possibleDuplicate).toBe(true);
    expect(toInboxMessage(message({})).possibleDuplicate).toBe(false);
    // Only our replies are sent; a member message never carries the flag, whatever its meta says.
    expect(toInboxMessage(message({ direction: 'in', author: 'member', meta: { possibleDuplicateAt: 'x' } })).possibleDuplicate).toBe(false);
  });
});
