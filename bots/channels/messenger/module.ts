import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import { createBackgroundProbe } from '../shared/background-probe.js';
import type { ChannelDefinition, ChannelModule, ChannelRepositories } from '../shared/channel-module.js';
import { sendAccountKey, type SendBudget } from '../shared/send-budget.js';
import { createDeliveryDeps, genericWebhook } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createMessengerAdapter } from './adapter.js';
import { createMessengerClient } from './client.js';
import { messengerConfigFromEnv, type MessengerConfig } from './config.js';

export const MESSENGER_WEBHOOK_PATH = '/webhooks/messenger';

/** Facebook Messenger, switched on by its environment variables (README.md). */
export const messengerChannel: ChannelDefinition = {
  channel: 'messenger',
  create: (deps) => {
    const config = messengerConfigFromEnv(deps.env);
    return config ? createMessengerModule({ config, repositories: deps.repositories, clock: deps.clock, logger: deps.logger, sendBudget: deps.sendBudget }) : null;
  },
};

/** Messenger as a platform module: GET/POST /webhooks/messenger, Send API with windows and rate limits. */
export function createMessengerModule(deps: { config: MessengerConfig; repositories: Pick<ChannelRepositories, 'deliveries'>; clock: Clock; logger: Logger; sendBudget?: SendBudget | undefined }): ChannelModule {
  const logger = deps.logger.child({ channel: 'messenger' });
  const client = createMessengerClient({ config: deps.config });
  const adapter = createMessengerAdapter({
    config: deps.config,
    client,
    delivery: createDeliveryDeps(deps.repositories.deliveries, deps.clock, SEND_LIMITS.messenger, { budget: deps.sendBudget, account: sendAccountKey('messenger', deps.config.pageAccessToken) }, deps.logger),
  });
  const probe = createBackgroundProbe({ name: 'channel:messenger', probe: () => client.checkPage(), logger });
  probe.start();
  return { adapter, webhook: genericWebhook(MESSENGER_WEBHOOK_PATH, adapter), readiness: probe.readiness, close: () => probe.stop() };
}
