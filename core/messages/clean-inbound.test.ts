import { cleanInboundEvent } from './clean-inbound.js';
import type { InboundEvent } from './inbound.js';

const now = new Date('2026-12-03T10:00:00Z');

describe('cleanInboundEvent', () => {
  it('makes every string of a message storable: text, ids, names, payloads', () => {
    const event: InboundEvent = {
      kind: 'message',
      channel: 'zalo',
      platformMessageId: 'm\u00001',
      sender: { platformUserId: 'u\ud800', threadId: 'u\ud800', displayName: 'An\u0000' },
      content: { type: 'postback', payload: 'p\u0000', text: 'Có\ud800' },
      sentAt: new Date('2026-12-03T09:59:00Z'),
      joinCode: 'CD\u0000CS',
    };
    expect(cleanInboundEvent(event, now)).toEqual({
      kind: 'message',
      channel: 'zalo',
      platformMessageId: 'm1',
      sender: { platformUserId: 'u\ufffd', threadId: 'u\ufffd', displayName: 'An' },
      content: { type: 'postback', payload: 'p', text: 'Có\ufffd' },
      sentAt: new Date('2026-12-03T09:59:00Z'),
      joinCode: 'CDCS',
    });
  });

  it('replaces a timestamp that is not a date, or implausibly old or ahead, by the receive time', () => {
    for (const sentAt of [new Date(Number.NaN), new Date(0), new Date(-1), new Date('2100-01-01T00:00:00Z')]) {
      const event: InboundEvent = { kind: 'follow', channel: 'zalo', sender: { platformUserId: 'u', threadId: 'u' }, sentAt };
      expect(cleanInboundEvent(event, now)).toMatchObject({ sentAt: now });
    }
    const ignored: InboundEvent = { kind: 'ignored', channel: 'web', reason: 'x\u0000' };
    expect(cleanInboundEvent(ignored, now)).toEqual({ kind: 'ignored', channel: 'web', reason: 'x' });
  });
});
