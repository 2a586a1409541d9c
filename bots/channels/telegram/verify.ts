import type { WebhookRequest, WebhookVerdict } from '../../../core/channels/channel-adapter.js';
import { safeEqual } from '../shared/secure-compare.js';

/** Telegram proves a webhook call with the secret we gave setWebhook, in X-Telegram-Bot-Api-Secret-Token. */
export function verifyTelegramWebhook(request: WebhookRequest, secret: string): WebhookVerdict {
  const header = request.headers['x-telegram-bot-api-secret-token'];
  if (request.method !== 'POST' || !header || !safeEqual(header, secret)) {
    return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'bad or missing X-Telegram-Bot-Api-Secret-Token' };
  }
  return { kind: 'accepted' };
}
