import { createHmac, randomBytes } from 'node:crypto';
import { FakePlatformServer, postWebhook, type PlatformAnswer, type PlatformCall } from './fake-platform-server.js';

export interface FakeMessengerOptions {
  appSecret: string;
  pageAccessToken: string;
  pageId: string;
  /** Our app's id: echoes of our sends carry it (as a JSON number, like Meta's). */
  appId: string;
  /** Where to POST echoes of every accepted send (Meta echoes messages when `message_echoes` is subscribed). */
  echoTo?: string | null;
}

export interface MessengerSent {
  messageId: string;
  body: Record<string, unknown>;
}

/** Page Inbox's app id: echoes of replies typed by staff in Meta's inbox carry it (or no app id at all). */
export const PAGE_INBOX_APP_ID = '263902037430900';

/**
 * A fake Meta Graph API on 127.0.0.1: `POST /{version}/{page}/messages` (Send API) and `GET /{version}/{page}`,
 * with Graph's error shape `{ error: { message, type, code, error_subcode, fbtrace_id } }` and 400/403/429/500
 * statuses, plus signed (`X-Hub-Signature-256`) batched webhooks to our server.
 */
export class FakeMessengerServer extends FakePlatformServer {
  /** Echoes of our sends that our webhook has answered: tests wait on this instead of sleeping. */
  readonly echoesAcknowledged: { messageId: string; status: number }[] = [];
  readonly sent: MessengerSent[] = [];
  private counter = 0;

  constructor(private readonly options: FakeMessengerOptions) {
    super((call) => this.answer(call));
  }

  static async start(options: FakeMessengerOptions): Promise<FakeMessengerServer> {
    return new FakeMessengerServer(options).start();
  }

  setEchoTarget(url: string | null): void {
    this.options.echoTo = url;
  }

  /** The next `count` sends fail with a Graph error. */
  failSends(count: number, status: number, code: number, subcode?: number, message = 'fake Graph failure'): void {
    this.failNext('/messages', count, { status, json: graphError(code, subcode, message) });
  }

  signature(rawBody: string, secret = this.options.appSecret): string {
    return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  }

  /** Meta's envelope: one entry per Page, events batched in `messaging[]`. */
  envelope(events: Record<string, unknown>[]): Record<string, unknown> {
    return { object: 'page', entry: [{ id: this.options.pageId, time: Date.now(), messaging: events }] };
  }

  text(psid: string, text: string, mid = this.nextMid()): Record<string, unknown> {
    return { sender: { id: psid }, recipient: { id: this.options.pageId }, timestamp: Date.now(), message: { mid, text } };
  }

  /** A reply typed by staff in Meta's Page inbox, echoed to us. */
  officerEcho(psid: string, text: string, mid = this.nextMid()): Record<string, unknown> {
    return {
      sender: { id: this.options.pageId },
      recipient: { id: psid },
      timestamp: Date.now(),
      message: { is_echo: true, app_id: jsonNumber(PAGE_INBOX_APP_ID), mid, text },
    };
  }

  async deliver(url: string, body: Record<string, unknown>, options: { tamper?: boolean; rawOverride?: string } = {}): Promise<{ status: number; body: string }> {
    // Meta writes app ids as JSON numbers, some beyond 2^53: write them digit for digit.
    const raw = options.rawOverride ?? JSON.stringify(body).replace(/"@num:(\d+)"/g, '$1');
    return postWebhook(url, raw, { 'x-hub-signature-256': this.signature(raw, options.tamper ? 'wrong-secret' : this.options.appSecret) });
  }

  nextMid(): string {
    this.counter++;
    return `m_${randomBytes(10).toString('base64url')}${this.counter}`;
  }

  private answer(call: PlatformCall): PlatformAnswer {
    if (call.query.access_token !== this.options.pageAccessToken) {
      return { status: 400, json: graphError(190, 463, 'Error validating access token: Session has expired.', 'OAuthException') };
    }
    const page = call.path.match(/^\/v\d+\.\d+\/([^/]+)(\/messages)?$/);
    if (!page) return { status: 400, json: graphError(100, 33, `Unsupported request: ${call.path}`) };
    if (!page[2]) return { status: 200, json: { id: this.options.pageId, name: 'Công đoàn (fake)' } };
    return this.send(call);
  }

  private send(call: PlatformCall): PlatformAnswer {
    const body = call.body as { recipient?: { id?: string }; messaging_type?: string; tag?: string; message?: Record<string, unknown> } | null;
    const psid = body?.recipient?.id;
    if (!psid || !body?.message || !body.messaging_type) return { status: 400, json: graphError(100, undefined, '(#100) Param recipient, message and messaging_type are required') };
    if (body.messaging_type === 'MESSAGE_TAG' && body.tag !== 'HUMAN_AGENT') return { status: 400, json: graphError(100, 2018265, 'Invalid tag') };
    const messageId = this.nextMid();
    this.sent.push({ messageId, body });
    const answer: PlatformAnswer = { status: 200, json: { recipient_id: psid, message_id: messageId } };
    const echoTo = this.options.echoTo;
    if (echoTo) {
      const echo = {
        sender: { id: this.options.pageId },
        recipient: { id: psid },
        timestamp: Date.now(),
        message: { is_echo: true, app_id: jsonNumber(this.options.appId), mid: messageId, ...body.message },
      };
      setTimeout(() => void this.deliver(echoTo, this.envelope([echo])).then((ack) => this.echoesAcknowledged.push({ messageId, status: ack.status }), () => undefined), 0);
    }
    return answer;
  }
}

/** A placeholder that `deliver` writes as a bare JSON number, exactly. */
export function jsonNumber(digits: string): string {
  return `@num:${digits}`;
}

export function graphError(code: number, subcode: number | undefined, message: string, type = 'OAuthException'): Record<string, unknown> {
  return { error: { message, type, code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: `A${randomBytes(6).toString('hex')}` } };
}
