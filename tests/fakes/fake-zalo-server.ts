import { createHash, randomBytes } from 'node:crypto';
import { FakePlatformServer, postWebhook, type PlatformAnswer, type PlatformCall } from './fake-platform-server.js';

export interface FakeZaloOptions {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  appSecret: string;
  /** The refresh token the fake accepts first (single use, like Zalo's). */
  refreshToken: string;
  /** Where to send `oa_send_*` echoes of every accepted message; null = no echoes. */
  echoTo?: string | null;
  /** Send the echo before answering the send call (Zalo's echo often beats the send's answer). */
  echoBeforeAnswer?: boolean;
}

export interface ZaloSentMessage {
  endpoint: 'cs' | 'transaction';
  messageId: string;
  recipient: Record<string, string>;
  message: Record<string, unknown>;
}

/**
 * A fake Zalo Official Account platform on 127.0.0.1: OA Open API v3 send endpoints (`/v3.0/oa/message/cs`,
 * `/transaction`), OAuth v4 token refresh with single-use refresh tokens, Zalo's error shape
 * (`{ error: -230, message }` with HTTP 200), and signed webhooks (`X-ZEvent-Signature`) to our server.
 */
export class FakeZaloServer extends FakePlatformServer {
  readonly sent: ZaloSentMessage[] = [];
  readonly refreshCalls: PlatformCall[] = [];
  private accessToken: string | null = null;
  private refreshToken: string;
  private counter = 0;
  /** While set, every token refresh gets this answer (a Zalo outage, a rate limit, a refused token). */
  private refreshOverride: PlatformAnswer | null = null;
  /** Which member wrote each message id: a free reply quotes it (`recipient.message_id`). */
  private readonly messageOwners = new Map<string, string>();

  constructor(private readonly options: FakeZaloOptions) {
    super((call) => this.answer(call));
    this.refreshToken = options.refreshToken;
  }

  static async start(options: FakeZaloOptions): Promise<FakeZaloServer> {
    return new FakeZaloServer(options).start();
  }

  /** The settings that point our server's Zalo channel at this fake: the OA's credentials and both base URLs. */
  platformEnv(): Record<string, string> {
    return {
      ZALO_APP_ID: this.options.appId,
      ZALO_OA_ID: this.options.oaId,
      ZALO_OA_SECRET_KEY: this.options.oaSecretKey,
      ZALO_APP_SECRET: this.options.appSecret,
      ZALO_REFRESH_TOKEN: this.options.refreshToken,
      ZALO_API_BASE_URL: this.url,
      ZALO_OAUTH_BASE_URL: this.url,
    };
  }

  get currentAccessToken(): string | null {
    return this.accessToken;
  }

  get currentRefreshToken(): string {
    return this.refreshToken;
  }

  /** Zalo revokes the access token (our next send gets -216 and must refresh once). */
  expireAccessToken(): void {
    this.accessToken = `revoked-${randomBytes(4).toString('hex')}`;
  }

  /** The next `count` send calls fail with a Zalo error code (HTTP 200, like Zalo). */
  failSends(count: number, error: number, message = 'fake failure'): void {
    this.failNext('/v3.0/oa/message/cs', count, { status: 200, json: { error, message } });
  }

  /** The next `count` send calls fail at the HTTP level (a Zalo outage). */
  failSendsHttp(count: number, status: number): void {
    this.failNext('/v3.0/oa/message/cs', count, { status, json: { message: 'upstream error' } });
  }

  /** Until `restoreTokenEndpoint`, every refresh call gets `answer` and rotates nothing. */
  breakTokenEndpoint(answer: PlatformAnswer): void {
    this.refreshOverride = answer;
  }

  restoreTokenEndpoint(): void {
    this.refreshOverride = null;
  }

  /** A member's sticker as Zalo sometimes sends it: no `msg_id`, so nothing a reply could quote. */
  userSticker(userId: string): Record<string, unknown> {
    return this.event('user_send_sticker', {
      sender: { id: userId },
      recipient: { id: this.options.oaId },
      message: { attachments: [{ type: 'sticker', payload: { id: 'bfe458bf64fa8da4d4eb', url: 'https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1' } }] },
    });
  }

  setEchoTarget(url: string | null): void {
    this.options.echoTo = url;
  }

  signature(rawBody: string, timestamp: string, secret = this.options.oaSecretKey, appId = this.options.appId): string {
    return `mac=${createHash('sha256').update(appId + rawBody + timestamp + secret).digest('hex')}`;
  }

  /** A webhook event body as Zalo sends it (ids as strings, timestamp in ms as a string). */
  event(eventName: string, fields: Record<string, unknown>, timestamp = Date.now()): Record<string, unknown> {
    return { app_id: this.options.appId, user_id_by_app: '5519440049420185012', event_name: eventName, timestamp: String(timestamp), ...fields };
  }

  userText(userId: string, text: string, msgId = this.nextMessageId()): Record<string, unknown> {
    return this.event('user_send_text', { sender: { id: userId }, recipient: { id: this.options.oaId }, message: { msg_id: msgId, text } });
  }

  /** POSTs a signed event to our webhook; `tamper` signs with the wrong key. */
  async deliver(url: string, event: Record<string, unknown>, options: { tamper?: boolean } = {}): Promise<{ status: number; body: string }> {
    const message = event.message as { msg_id?: string } | undefined;
    const sender = event.sender as { id?: string } | undefined;
    if (String(event.event_name).startsWith('user_send_') && message?.msg_id && sender?.id) this.messageOwners.set(message.msg_id, sender.id);
    const raw = JSON.stringify(event);
    const signature = this.signature(raw, String(event.timestamp), options.tamper ? 'wrong-secret' : this.options.oaSecretKey);
    return postWebhook(url, raw, { 'x-zevent-signature': signature });
  }

  /** A reply typed by staff in Zalo's OA manager: Zalo only tells us through an `oa_send_text` echo. */
  async officerTypes(url: string, userId: string, text: string): Promise<{ status: number; msgId: string }> {
    const msgId = this.nextMessageId();
    const result = await this.deliver(url, this.event('oa_send_text', { sender: { id: this.options.oaId }, recipient: { id: userId }, message: { msg_id: msgId, text } }));
    return { status: result.status, msgId };
  }

  /** Makes a member message id known without delivering a webhook (tests that call the client directly). */
  rememberUserMessage(msgId: string, userId: string): void {
    this.messageOwners.set(msgId, userId);
  }

  nextMessageId(): string {
    this.counter++;
    return `${randomBytes(8).toString('hex')}${String(this.counter).padStart(4, '0')}`;
  }

  private async answer(call: PlatformCall): Promise<PlatformAnswer> {
    if (call.path === '/v4/oa/access_token') return this.refresh(call);
    const endpoint = call.path.match(/^\/v3\.0\/oa\/message\/(cs|transaction)$/)?.[1] as 'cs' | 'transaction' | undefined;
    if (endpoint) return this.send(endpoint, call);
    return { status: 404, json: { error: -404, message: `no such endpoint ${call.path}` } };
  }

  private refresh(call: PlatformCall): PlatformAnswer {
    this.refreshCalls.push(call);
    if (this.refreshOverride) return this.refreshOverride;
    const form = call.body ?? {};
    if (call.headers.secret_key !== this.options.appSecret || form.app_id !== this.options.appId) {
      return { status: 200, json: { error: -14002, error_name: 'Invalid app', error_description: 'app_id or secret_key is wrong' } };
    }
    if (form.grant_type !== 'refresh_token' || form.refresh_token !== this.refreshToken) {
      return { status: 200, json: { error: -14014, error_name: 'Invalid refresh token', error_description: 'refresh token is invalid or already used' } };
    }
    this.accessToken = `at-${randomBytes(12).toString('hex')}`;
    this.refreshToken = `rt-${randomBytes(12).toString('hex')}`;
    return { status: 200, json: { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' } };
  }

  private send(endpoint: 'cs' | 'transaction', call: PlatformCall): PlatformAnswer {
    if (!this.accessToken || call.headers.access_token !== this.accessToken) {
      return { status: 200, json: { error: -216, message: 'Access token is invalid' } };
    }
    const body = call.body as { recipient?: Record<string, string>; message?: Record<string, unknown> } | null;
    if (!body?.recipient || !body.message) return { status: 200, json: { error: -201, message: 'Parameters are invalid' } };
    const userId = body.recipient.user_id ?? this.messageOwners.get(body.recipient.message_id ?? '');
    if (!userId) return { status: 200, json: { error: -201, message: 'message_id is invalid' } };
    const messageId = this.nextMessageId();
    this.sent.push({ endpoint, messageId, recipient: body.recipient, message: body.message });
    const answer: PlatformAnswer = { status: 200, json: { error: 0, message: 'Success', data: { message_id: messageId, user_id: userId } } };
    const echoTo = this.options.echoTo;
    if (echoTo && typeof body.message.text === 'string') {
      const echo = this.event('oa_send_text', { sender: { id: this.options.oaId }, recipient: { id: userId }, message: { msg_id: messageId, text: body.message.text } });
      const sendEcho = async () => {
        await this.deliver(echoTo, echo);
      };
      if (this.options.echoBeforeAnswer) answer.before = sendEcho;
      else setTimeout(() => void sendEcho().catch(() => undefined), 0);
    }
    return answer;
  }
}
