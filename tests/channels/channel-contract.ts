import type { ChannelAdapter, WebhookRequest } from '../../core/channels/channel-adapter.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { OutboundContent } from '../../core/messages/content.js';
import type { InboundEvent } from '../../core/messages/inbound.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';

/** What a member would see of one rendered part, whatever the platform's wire format. */
export interface RenderedSummary {
  text: string;
  buttons: string[];
  imageUrl?: string;
  fileUrl?: string;
  card?: boolean;
}

export interface InboundFixture {
  name: string;
  raw: string;
  /** Matched with toMatchObject, in order. */
  expected: Partial<InboundEvent>[];
}

export interface ChannelContractSubject {
  name: string;
  adapter: () => ChannelAdapter;
  /** Signed the way the platform signs; absent for channels without a platform signature (web chat, Bot Framework). */
  signing?: {
    sign(raw: string): WebhookRequest;
    tamper(raw: string): WebhookRequest;
    unsigned(raw: string): WebhookRequest;
    /** False for a shared secret header (Telegram): it proves the sender, not the body. */
    coversBody: boolean;
  };
  /** A verification handshake (Messenger `hub.challenge`). */
  handshake?: { good: WebhookRequest; challenge: string; bad: WebhookRequest };
  /** Why there is no platform signature, and what verify answers to any request then. */
  noSignature?: { reason: string; verdict: 'accepted' | 'rejected' };
  /** Every supported inbound event type. */
  fixtures: InboundFixture[];
  /** Well-formed deliveries of events the channel does not handle. */
  unknownEvents: string[];
  malformed: string[];
  /** The member-facing view of what `send` would put on the wire for this content. */
  render(content: OutboundContent): RenderedSummary[];
}

const request = (raw: string): WebhookRequest => ({ method: 'POST', headers: {}, query: {}, rawBody: Buffer.from(raw, 'utf8') });
const RECEIVED_AT = new Date('2026-03-02T08:00:00Z');

function outbound(content: OutboundContent, author: OutboundMessage['author'] = 'bot'): OutboundMessage {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    conversationId: '00000000-0000-4000-8000-000000000002',
    channel: 'web',
    recipient: { platformUserId: 'user-1', threadId: 'user-1' },
    content,
    author,
    kind: 'answer',
    replyToPlatformMessageId: 'm-1',
    attempt: 1,
  };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The one contract every channel adapter passes (architecture-anchors §3.6 habit 3): webhook handshake and
 * signatures, every supported event type, duplicates, unknown and malformed deliveries, and rendering of
 * every outbound content type within the channel's capabilities, degrading what it lacks.
 */
export function describeChannelContract(subject: ChannelContractSubject): void {
  describe(`channel contract: ${subject.name}`, () => {
    let adapter: ChannelAdapter;
    beforeAll(() => {
      adapter = subject.adapter();
    });

    describe('webhook verification', () => {
      if (subject.handshake) {
        const handshake = subject.handshake;
        it('answers the subscription handshake with the challenge, and refuses a wrong token with 403', () => {
          expect(adapter.verify(handshake.good)).toEqual({ kind: 'handshake', status: 200, body: handshake.challenge });
          expect(adapter.verify(handshake.bad)).toMatchObject({ kind: 'rejected', status: 403 });
        });
      }
      if (subject.signing) {
        const signing = subject.signing;
        const raw = subject.fixtures[0]?.raw ?? '{}';
        it('accepts a correctly signed delivery', () => {
          expect(adapter.verify(signing.sign(raw))).toEqual({ kind: 'accepted' });
        });
        it('rejects a bad signature, a missing one, and a body changed after signing', () => {
          expect(adapter.verify(signing.tamper(raw))).toMatchObject({ kind: 'rejected', status: expect.any(Number) });
          expect(adapter.verify(signing.unsigned(raw))).toMatchObject({ kind: 'rejected' });
          if (!signing.coversBody) return;
          const signed = signing.sign(raw);
          const altered = { ...signed, rawBody: Buffer.from(raw.replace(/.$/, ' }'), 'utf8') };
          const verdict = adapter.verify(altered);
          expect(verdict.kind).toBe('rejected');
          if (verdict.kind === 'rejected') expect([401, 403]).toContain(verdict.status);
        });
      } else {
        const noSignature = subject.noSignature ?? { reason: 'undeclared', verdict: 'rejected' as const };
        it(`has no platform signature: ${noSignature.reason}`, () => {
          const raw = subject.fixtures[0]?.raw ?? '{}';
          expect(adapter.verify(request(raw)).kind).toBe(noSignature.verdict);
        });
      }
    });

    describe('decoding', () => {
      it.each(subject.fixtures.map((f) => [f.name, f] as const))('decodes %s', (_name, fixture) => {
        const events = adapter.decode(request(fixture.raw), RECEIVED_AT);
        expect(events).toHaveLength(fixture.expected.length);
        fixture.expected.forEach((expected, index) => expect(events[index]).toMatchObject(expected));
        for (const event of events) expect(event.channel).toBe(adapter.channel);
      });

      it('decodes a redelivery to the same platform ids (the dedupe key of the durable record)', () => {
        for (const fixture of subject.fixtures) {
          const ids = (events: InboundEvent[]) => events.map((e) => ('platformMessageId' in e ? e.platformMessageId : e.kind));
          expect(ids(adapter.decode(request(fixture.raw), RECEIVED_AT))).toEqual(ids(adapter.decode(request(fixture.raw), new Date(RECEIVED_AT.getTime() + 60_000))));
        }
      });

      it('acknowledges unknown events as ignored, without failing', () => {
        for (const raw of subject.unknownEvents) {
          const events = adapter.decode(request(raw), RECEIVED_AT);
          expect(events.length).toBeGreaterThan(0);
          expect(events.every((e) => e.kind === 'ignored')).toBe(true);
        }
      });

      it('refuses malformed bodies with a 400-class error', () => {
        for (const raw of subject.malformed) {
          let caught: unknown;
          try {
            adapter.decode(request(raw), RECEIVED_AT);
          } catch (error) {
            caught = error;
          }
          expect(isAppError(caught) && caught.kind === 'bad_request').toBe(true);
        }
      });

      it('keeps member text NFC-normalised', () => {
        for (const fixture of subject.fixtures) {
          for (const event of adapter.decode(request(fixture.raw), RECEIVED_AT)) {
            if (event.kind === 'message' && event.content.type === 'text') expect(event.content.text).toBe(event.content.text.normalize('NFC'));
          }
        }
      });
    });

    describe('rendering', () => {
      const caps = () => adapter.capabilities;
      const withinLimit = (parts: RenderedSummary[]) => parts.every((p) => p.text.length <= caps().maxTextLength);

      it('renders text as is', () => {
        const parts = subject.render({ type: 'text', text: 'Chào bạn! Lương tối thiểu vùng I năm 2026 là bao nhiêu?' });
        expect(parts.map((p) => p.text)).toEqual(['Chào bạn! Lương tối thiểu vùng I năm 2026 là bao nhiêu?']);
      });

      it('splits text longer than the channel allows into parts, losing nothing', () => {
        const sentence = 'Người lao động được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương theo hợp đồng. ';
        const text = sentence.repeat(Math.ceil((caps().maxTextLength * 2.5) / sentence.length)).trim();
        const parts = subject.render({ type: 'text', text });
        expect(parts.length).toBeGreaterThanOrEqual(3);
        expect(withinLimit(parts)).toBe(true);
        expect(normalize(parts.map((p) => p.text).join(' '))).toBe(normalize(text));
      });

      it('renders choices as buttons when supported, else as a numbered list', () => {
        const content: OutboundContent = { type: 'choices', text: 'Bạn muốn làm gì tiếp?', choices: [{ title: 'Gặp cán bộ', payload: 'handoff:accept' }, { title: 'Không, cảm ơn', payload: 'handoff:decline' }] };
        const parts = subject.render(content);
        if (caps().choices) {
          expect(parts).toHaveLength(1);
          expect(parts[0]?.buttons).toEqual(['Gặp cán bộ', 'Không, cảm ơn']);
        } else {
          expect(parts.map((p) => p.text).join('\n')).toContain('1. Gặp cán bộ');
        }
      });

      it('degrades more choices than the channel shows to a numbered list', () => {
        const choices = Array.from({ length: 20 }, (_, i) => ({ title: `Lựa chọn ${i + 1}`, payload: `p${i + 1}` }));
        const parts = subject.render({ type: 'choices', text: 'Chọn một mục:', choices });
        expect(parts.every((p) => p.buttons.length === 0)).toBe(true);
        expect(parts.map((p) => p.text).join('\n')).toContain('20. Lựa chọn 20');
      });

      it('renders a card natively when supported, else as text with its link', () => {
        const parts = subject.render({ type: 'card', title: 'Điều 113 Bộ luật Lao động', subtitle: 'Nghỉ hằng năm', url: 'https://example.vn/dieu-113' });
        if (caps().card) {
          expect(parts.some((p) => p.card)).toBe(true);
        } else {
          const text = parts.map((p) => p.text).join('\n');
          expect(text).toContain('Điều 113 Bộ luật Lao động');
          expect(text).toContain('https://example.vn/dieu-113');
        }
      });

      it.each(['image', 'file'] as const)('sends %s media natively when supported, else its link as text', (kind) => {
        const url = `https://example.vn/tai-lieu.${kind === 'image' ? 'png' : 'pdf'}`;
        const parts = subject.render({ type: 'media', kind, url });
        if (caps().media.includes(kind)) {
          expect(parts.some((p) => (kind === 'image' ? p.imageUrl : p.fileUrl) === url)).toBe(true);
        } else {
          expect(parts.map((p) => p.text).join('\n')).toContain(url);
        }
      });

      it('shows the caption of media', () => {
        const parts = subject.render({ type: 'media', kind: 'image', url: 'https://example.vn/mau-don.png', caption: 'Mẫu đơn đề nghị' });
        expect(parts.map((p) => p.text).join('\n')).toContain('Mẫu đơn đề nghị');
      });
    });

    describe('policy', () => {
      it('allows a bot reply right after the member wrote', () => {
        const now = new Date('2026-03-02T08:00:00Z');
        const decision = adapter.checkPolicy?.(outbound({ type: 'text', text: 'Trả lời' }), { now, lastInboundAt: new Date(now.getTime() - 5000), lastInboundPlatformMessageId: 'm-1', channelState: {} }) ?? { allow: true };
        expect(decision.allow).toBe(true);
      });
    });
  });
}
