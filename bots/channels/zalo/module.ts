import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ChannelModule } from '../../platform.js';
import type { Db } from '../../storage/database.js';
import { createChannelTokenRepository } from '../../storage/repositories/channel-token-repository.js';
import { createChannelWindowRepository } from '../../storage/repositories/channel-window-repository.js';
import { createBackgroundProbe } from '../shared/background-probe.js';
import { createDeliveryDeps, genericWebhook } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createZaloAdapter } from './adapter.js';
import { createZaloClient } from './client.js';
import type { ZaloConfig } from './config.js';
import { createZaloTokenProvider } from './tokens.js';

export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';

/**
 * Zalo OA as a platform module: webhook at /webhooks/zalo, sends through the OA API with tokens rotated
 * in the database. The token is fetched in the background (an unreachable Zalo does not stop the server)
 * and re-checked every 15 minutes, which also refreshes it proactively before it expires.
 */
export function createZaloModule(deps: { config: ZaloConfig; db: Db; clock: Clock; logger: Logger }): ChannelModule {
  const logger = deps.logger.child({ channel: 'zalo' });
  const tokens = createZaloTokenProvider({ config: deps.config, tokens: createChannelTokenRepository(deps.db), clock: deps.clock, logger });
  const adapter = createZaloAdapter({
    config: deps.config,
    client: createZaloClient({ config: deps.config, tokens }),
    windows: createChannelWindowRepository(deps.db),
    delivery: createDeliveryDeps(deps.db, deps.clock, SEND_LIMITS.zalo),
    clock: deps.clock,
  });
  const probe = createBackgroundProbe({ name: 'channel:zalo', probe: () => tokens.check(), logger });
  probe.start();
  return { adapter, webhook: genericWebhook(ZALO_WEBHOOK_PATH, adapter), readiness: probe.readiness, close: () => probe.stop() };
}
