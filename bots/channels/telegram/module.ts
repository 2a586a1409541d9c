import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import { createBackgroundProbe } from '../shared/background-probe.js';
import type { ChannelDefinition, ChannelModule, ChannelRepositories } from '../shared/channel-module.js';
import { sendAccountKey, type SendBudget } from '../shared/send-budget.js';
import { createDeliveryDeps, genericWebhook } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createTelegramAdapter } from './adapter.js';
import { createTelegramClient, type TelegramClient } from './client.js';
import { telegramConfigFromEnv, type TelegramConfig } from './config.js';
import { CALLBACK_ID_PREFIX } from './decode.js';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** Telegram, switched on by its environment variables (README.md). */
export const telegramChannel: ChannelDefinition = {
  channel: 'telegram',
  create: (deps) => {
    const config = telegramConfigFromEnv(deps.env);
    return config ? createTelegramModule({ config, repositories: deps.repositories, clock: deps.clock, logger: deps.logger, sendBudget: deps.sendBudget }) : null;
  },
};

/** Telegram as a platform module: POST /webhooks/telegram, sends through grammY's Api with auto-retry. */
export function createTelegramModule(deps: { config: TelegramConfig; repositories: Pick<ChannelRepositories, 'deliveries'>; clock: Clock; logger: Logger; sendBudget?: SendBudget | undefined }): ChannelModule {
  const logger = deps.logger.child({ channel: 'telegram' });
  const client = createTelegramClient({ config: deps.config, logger });
  const adapter = createTelegramAdapter({
    config: deps.config,
    client,
    delivery: createDeliveryDeps(deps.repositories.deliveries, deps.clock, SEND_LIMITS.telegram, { budget: deps.sendBudget, account: sendAccountKey('telegram', deps.config.token) }, deps.logger),
  });
  const probe = createBackgroundProbe({ name: 'channel:telegram', probe: () => client.checkBot(), logger });
  probe.start();
  return {
    adapter,
    webhook: genericWebhook(TELEGRAM_WEBHOOK_PATH, adapter, (ingest) => answeringCallbacks(ingest, client)),
    readiness: probe.readiness,
    close: () => probe.stop(),
  };
}

/**
 * Button presses must be answered (answerCallbackQuery) or the member's button keeps spinning. It is done
 * after the durable write, without delaying Telegram's 200; a redelivered press is answered again, harmlessly.
 */
function answeringCallbacks(ingest: IngestService, client: Pick<TelegramClient, 'answerCallback'>): IngestService {
  return {
    async ingest(events) {
      const outcomes = await ingest.ingest(events);
      for (const event of events) {
        if (event.kind === 'message' && event.platformMessageId.startsWith(CALLBACK_ID_PREFIX)) {
          void client.answerCallback(event.platformMessageId.slice(CALLBACK_ID_PREFIX.length));
        }
      }
      return outcomes;
    },
  };
}
