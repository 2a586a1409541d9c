import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import { createBackgroundProbe } from '../shared/background-probe.js';
import { createChannelHealth, type ChannelHealthListener } from '../shared/channel-health.js';
import type { ChannelDefinition, ChannelModule, ChannelRepositories } from '../shared/channel-module.js';
import { sendAccountKey, type SendBudget } from '../shared/send-budget.js';
import { createDeliveryDeps, genericWebhook } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createZaloAdapter } from './adapter.js';
import { createZaloClient } from './client.js';
import { zaloConfigFromEnv, type ZaloConfig } from './config.js';
import { createZaloTokenProvider } from './tokens.js';

export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';

/** Zalo OA, switched on by its environment variables (README.md). */
export const zaloChannel: ChannelDefinition = {
  channel: 'zalo',
  create: (deps) => {
    const config = zaloConfigFromEnv(deps.env);
    return config ? createZaloModule({ config, repositories: deps.repositories, clock: deps.clock, logger: deps.logger, onHealth: deps.onChannelHealth, sendBudget: deps.sendBudget }) : null;
  },
};

/**
 * Zalo OA as a platform module: webhook at /webhooks/zalo, sends through the OA API with tokens rotated
 * in the database. The token is fetched in the background (an unreachable Zalo does not stop the server)
 * and re-checked every 15 minutes, which also refreshes it proactively before it expires.
 */
export function createZaloModule(deps: {
  config: ZaloConfig;
  repositories: Pick<ChannelRepositories, 'deliveries' | 'tokens'>;
  clock: Clock;
  logger: Logger;
  onHealth?: ChannelHealthListener | undefined;
  sendBudget?: SendBudget | undefined;
}): ChannelModule {
  const logger = deps.logger.child({ channel: 'zalo' });
  const health = createChannelHealth({ channel: 'zalo', clock: deps.clock, logger, listener: deps.onHealth });
  const tokens = createZaloTokenProvider({ config: deps.config, tokens: deps.repositories.tokens, clock: deps.clock, logger, health });
  const adapter = createZaloAdapter({
    config: deps.config,
    client: createZaloClient({ config: deps.config, tokens, health }),
    delivery: createDeliveryDeps(deps.repositories.deliveries, deps.clock, SEND_LIMITS.zalo, { budget: deps.sendBudget, account: sendAccountKey('zalo', deps.config.accountId) }, deps.logger),
    clock: deps.clock,
  });
  const probe = createBackgroundProbe({
    name: 'channel:zalo',
    probe: async () => {
      await tokens.check();
      health.confirm();
    },
    logger,
  });
  // A failing send or refresh: check again within seconds (with backoff), not at the next 15-minute check.
  health.onTrouble(() => probe.kick());
  probe.start();
  return {
    adapter,
    webhook: genericWebhook(ZALO_WEBHOOK_PATH, adapter),
    // The live state (token row shared by every process + what this process saw), not the last periodic check.
    readiness: { name: 'channel:zalo', optional: true, check: () => tokens.status() },
    close: () => probe.stop(),
  };
}
