import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { deliverParts, type DeliverPartsDeps } from '../shared/deliver-parts.js';
import type { TelegramClient } from './client.js';
import type { TelegramConfig } from './config.js';
import { decodeTelegramUpdate } from './decode.js';
import { checkTelegramPolicy } from './policy.js';
import { renderTelegramParts, TELEGRAM_CAPABILITIES } from './render.js';
import { verifyTelegramWebhook } from './verify.js';

export interface TelegramAdapterDeps {
  config: TelegramConfig;
  client: Pick<TelegramClient, 'send'>;
  delivery: DeliverPartsDeps;
}

/**
 * Telegram through grammY. No messaging window: a bot may write to anyone who started it, until they
 * block it (403). Pacing (about 1 message per second per chat, 30 per second overall) is the throttle's job.
 */
export function createTelegramAdapter(deps: TelegramAdapterDeps): ChannelAdapter {
  return {
    channel: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    verify: (request) => verifyTelegramWebhook(request, deps.config.webhookSecret),
    decode: decodeTelegramUpdate,
    checkPolicy: checkTelegramPolicy,
    async send(message) {
      const parts = renderTelegramParts(message.content);
      return deliverParts(deps.delivery, message, parts, (call) => deps.client.send(message.recipient.threadId, call));
    },
  };
}
