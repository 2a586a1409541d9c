import type { TranscriptRow } from '../storage/repositories/inbox-read-repository.js';
import { toInboxMessage } from './inbox-dto.js';

const row = (patch: Partial<TranscriptRow>): TranscriptRow => ({
  id: 'm1', conversationId: 'c1', channel: 'zalo', direction: 'out', author: 'bot', text: 'Chào bạn', route: null, topic: null, sentiment: null,
  routeConfidence: null, topicConfidence: null, sentimentConfidence: null, status: 'sent', lastError: null, meta: {},
  createdAt: new Date('2026-03-02T08:00:00Z'), officerId: null, officerName: null, platformMessageId: null, ...patch,
});

describe('toInboxMessage', () => {
  it('flags a reply that delivery resent after a send with no known outcome (D-hardening-7)', () => {
    expect(toInboxMessage(row({ meta: { possibleDuplicateAt: '2026-03-02T08:00:01Z' } })).possibleDuplicate).toBe(true);
    expect(toInboxMessage(row({})).possibleDuplicate).toBe(false);
    // Only our replies are sent; a member message never carries the flag, whatever its meta says.
    expect(toInboxMessage(row({ direction: 'in', author: 'member', meta: { possibleDuplicateAt: 'x' } })).possibleDuplicate).toBe(false);
  });
});
