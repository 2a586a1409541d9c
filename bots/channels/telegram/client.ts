import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError, HttpError } from 'grammy';
import type { Logger } from '../../../core/ports/logger.js';
import type { PartOutcome } from '../shared/deliver-parts.js';
import type { TelegramConfig } from './config.js';
import { mapTelegramError } from './errors.js';
import type { TelegramCall } from './render.js';

export interface TelegramClientDeps {
  config: Pick<TelegramConfig, 'token' | 'apiRoot'>;
  logger: Logger;
  /** 429s with a retry_after up to this are waited out in place by @grammyjs/auto-retry; longer ones go back to the queue. */
  maxInlineRetrySeconds?: number;
}

/**
 * The Bot API through grammY's `Api` (no `Bot`: updates arrive through our own webhook route, so there is
 * no getMe at start and no polling). `TELEGRAM_API_ROOT` is grammY's apiRoot, so tests talk to a fake.
 * auto-retry handles short flood waits; 5xx and network errors are left to our queue's backoff, which
 * also survives a restart.
 */
export function createTelegramClient(deps: TelegramClientDeps) {
  const api = new Api(deps.config.token, { apiRoot: deps.config.apiRoot, timeoutSeconds: 30 });
  api.config.use(
    autoRetry({ maxDelaySeconds: deps.maxInlineRetrySeconds ?? 5, maxRetryAttempts: 2, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );

  async function call(chatId: string, part: TelegramCall) {
    switch (part.method) {
      case 'sendMessage':
        return api.sendMessage(chatId, part.text, part.replyMarkup ? { reply_markup: part.replyMarkup } : {});
      case 'sendPhoto':
        return api.sendPhoto(chatId, part.url, part.caption ? { caption: part.caption } : {});
      case 'sendDocument':
        return api.sendDocument(chatId, part.url, part.caption ? { caption: part.caption } : {});
    }
  }

  return {
    api,
    async send(chatId: string, part: TelegramCall): Promise<PartOutcome> {
      try {
        const sent = await call(chatId, part);
        return { ok: true, platformMessageId: `${sent.chat.id}-${sent.message_id}` };
      } catch (error) {
        if (error instanceof GrammyError) {
          const mapped = mapTelegramError(error.error_code, error.description, error.parameters.retry_after);
          const detail = `Telegram ${error.error_code}: ${error.description}`;
          return mapped.retryable
            ? { ok: false, retryable: true, code: mapped.code, detail, ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}) }
            : { ok: false, retryable: false, code: mapped.code, detail };
        }
        const detail = error instanceof HttpError ? error.message : String(error);
        return { ok: false, retryable: true, code: 'NETWORK', detail, outcomeUnknown: true };
      }
    },
    /** Stops the spinner on the member's button; best effort (the press is already recorded). */
    async answerCallback(callbackQueryId: string): Promise<void> {
      await api.answerCallbackQuery(callbackQueryId).catch((error: unknown) => deps.logger.warn({ err: error }, 'answerCallbackQuery failed'));
    },
    async checkBot(): Promise<void> {
      await api.getMe();
    },
    /** Registers our webhook with its secret (README.md); used by operators, not at start. */
    async registerWebhook(url: string, secret: string): Promise<void> {
      await api.setWebhook(url, { secret_token: secret, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
    },
  };
}

export type TelegramClient = ReturnType<typeof createTelegramClient>;
