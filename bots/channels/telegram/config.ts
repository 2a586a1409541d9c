import type { Env } from '../../../core/config/env-schema.js';
import { AppError } from '../../../core/errors/app-error.js';

export interface TelegramConfig {
  token: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token (set with setWebhook's `secret_token`). */
  webhookSecret: string;
  apiRoot: string;
  username: string | null;
}

// setWebhook accepts 1–256 characters of A-Z, a-z, 0-9, _ and -.
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

export function telegramConfigFromEnv(env: Env): TelegramConfig | null {
  if (!env.TELEGRAM_BOT_TOKEN) return null;
  if (!env.TELEGRAM_WEBHOOK_SECRET || !SECRET.test(env.TELEGRAM_WEBHOOK_SECRET)) {
    throw new AppError('CONFIG_INVALID', 'Telegram is enabled (TELEGRAM_BOT_TOKEN is set) but TELEGRAM_WEBHOOK_SECRET is missing or not 1–256 characters of A-Z a-z 0-9 _ -', {
      fields: [{ path: 'TELEGRAM_WEBHOOK_SECRET', message: 'required: 1–256 characters of A-Z a-z 0-9 _ -' }],
    });
  }
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    apiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    username: env.TELEGRAM_BOT_USERNAME?.replace(/^@/, '') ?? null,
  };
}
