import { FakePlatformServer, postWebhook, type PlatformAnswer, type PlatformCall } from './fake-platform-server.js';

export interface FakeTelegramOptions {
  token: string;
  botId?: number;
  username?: string;
}

export interface TelegramSentCall {
  method: string;
  params: Record<string, unknown>;
  messageId: number | null;
}

/**
 * A fake Telegram Bot API on 127.0.0.1 (`POST /bot<token>/<method>`, the URL grammY builds from its apiRoot):
 * sendMessage, sendPhoto, sendDocument, answerCallbackQuery, getMe, setWebhook; Telegram's error shape
 * `{ ok:false, error_code, description, parameters:{ retry_after } }`; and updates POSTed to our webhook with
 * the X-Telegram-Bot-Api-Secret-Token header.
 */
export class FakeTelegramServer extends FakePlatformServer {
  readonly sent: TelegramSentCall[] = [];
  private messageCounter = 1000;
  private updateCounter = 500_000;

  constructor(private readonly options: FakeTelegramOptions) {
    super((call) => this.answer(call));
  }

  static async start(options: FakeTelegramOptions): Promise<FakeTelegramServer> {
    return new FakeTelegramServer(options).start();
  }

  /** The next `count` calls of `method` fail with a Bot API error. */
  failMethod(method: string, count: number, errorCode: number, description: string, retryAfterSeconds?: number): void {
    this.failNext(`/${method}`, count, {
      status: errorCode,
      json: { ok: false, error_code: errorCode, description, ...(retryAfterSeconds !== undefined ? { parameters: { retry_after: retryAfterSeconds } } : {}) },
    });
  }

  sentMessages(): TelegramSentCall[] {
    return this.sent.filter((call) => call.method.startsWith('send'));
  }

  textUpdate(userId: number, text: string, options: { firstName?: string; messageId?: number; chatType?: string } = {}): Record<string, unknown> {
    const messageId = options.messageId ?? this.messageCounter++;
    const isCommand = text.startsWith('/');
    return {
      update_id: this.updateCounter++,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: userId, type: options.chatType ?? 'private', first_name: options.firstName ?? 'An' },
        from: { id: userId, is_bot: false, first_name: options.firstName ?? 'An', language_code: 'vi' },
        text,
        ...(isCommand ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }] } : {}),
      },
    };
  }

  callbackUpdate(userId: number, data: string, queryId = `q${this.updateCounter}`): Record<string, unknown> {
    return {
      update_id: this.updateCounter++,
      callback_query: {
        id: queryId,
        from: { id: userId, is_bot: false, first_name: 'An' },
        chat_instance: '-1234',
        data,
        message: { message_id: this.messageCounter - 1, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private' } },
      },
    };
  }

  async deliver(url: string, update: Record<string, unknown>, secret: string): Promise<{ status: number; body: string }> {
    return postWebhook(url, JSON.stringify(update), { 'x-telegram-bot-api-secret-token': secret });
  }

  private answer(call: PlatformCall): PlatformAnswer {
    const match = call.path.match(/^\/bot([^/]+)\/([A-Za-z]+)$/);
    if (!match || match[1] !== this.options.token) return { status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const method = match[2] as string;
    const params = call.body ?? {};
    switch (method) {
      case 'getMe':
        return ok({ id: this.options.botId ?? 7_000_001, is_bot: true, first_name: 'Trợ lý Công đoàn', username: this.options.username ?? 'congdoan_test_bot' });
      case 'setWebhook':
      case 'answerCallbackQuery':
        this.sent.push({ method, params, messageId: null });
        return ok(true);
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        const chatId = Number(params.chat_id);
        if (!Number.isFinite(chatId)) return { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } };
        if (method === 'sendMessage' && String(params.text ?? '').length > 4096) {
          return { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: message is too long' } };
        }
        const messageId = this.messageCounter++;
        this.sent.push({ method, params, messageId });
        return ok({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, ...(params.text ? { text: params.text } : {}) });
      }
      default:
        return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  }
}

function ok(result: unknown): PlatformAnswer {
  return { status: 200, json: { ok: true, result } };
}
