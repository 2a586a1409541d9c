import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ChannelModule } from '../../platform.js';
import type { Db } from '../../storage/database.js';
import { createChannelWindowRepository } from '../../storage/repositories/channel-window-repository.js';
import { createBackgroundProbe } from '../shared/background-probe.js';
import { createDeliveryDeps, genericWebhook } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createMessengerAdapter } from './adapter.js';
import { createMessengerClient } from './client.js';
import type { MessengerConfig } from './config.js';

export const MESSENGER_WEBHOOK_PATH = '/webhooks/messenger';

/** Messenger as a platform module: GET/POST /webhooks/messenger, Send API with windows and rate limits. */
export function createMessengerModule(deps: { config: MessengerConfig; db: Db; clock: Clock; logger: Logger }): ChannelModule {
  const logger = deps.logger.child({ channel: 'messenger' });
  const client = createMessengerClient({ config: deps.config });
  const adapter = createMessengerAdapter({
    config: deps.config,
    client,
    windows: createChannelWindowRepository(deps.db),
    delivery: createDeliveryDeps(deps.db, deps.clock, SEND_LIMITS.messenger),
    clock: deps.clock,
  });
  const probe = createBackgroundProbe({ name: 'channel:messenger', probe: () => client.checkPage(), logger });
  probe.start();
  return { adapter, webhook: genericWebhook(MESSENGER_WEBHOOK_PATH, adapter), readiness: probe.readiness, close: () => probe.stop() };
}
