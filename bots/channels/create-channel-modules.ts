import type { Env } from '../../core/config/env-schema.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { ChannelModule } from '../platform.js';
import type { Database } from '../storage/database.js';
import { botFrameworkConfigFromEnv } from './botframework/config.js';
import { createBotFrameworkModule } from './botframework/module.js';
import { messengerConfigFromEnv } from './messenger/config.js';
import { createMessengerModule } from './messenger/module.js';
import { telegramConfigFromEnv } from './telegram/config.js';
import { createTelegramModule } from './telegram/module.js';
import { zaloConfigFromEnv } from './zalo/config.js';
import { createZaloModule } from './zalo/module.js';

export interface ChannelModulesDeps {
  env: Env;
  database: Database;
  logger: Logger;
  clock: Clock;
}

/**
 * One module per platform whose environment variables are set (README.md of each channel). Web chat is
 * built by the platform itself. A half-configured channel stops the boot with CONFIG_INVALID naming the
 * missing variables; an unreachable platform does not (its readiness check reports it).
 */
export function createChannelModules(deps: ChannelModulesDeps): ChannelModule[] {
  const { env, logger, clock } = deps;
  const db = deps.database.db;
  const modules: ChannelModule[] = [];
  const zalo = zaloConfigFromEnv(env);
  if (zalo) modules.push(createZaloModule({ config: zalo, db, clock, logger }));
  const messenger = messengerConfigFromEnv(env);
  if (messenger) modules.push(createMessengerModule({ config: messenger, db, clock, logger }));
  const telegram = telegramConfigFromEnv(env);
  if (telegram) modules.push(createTelegramModule({ config: telegram, db, clock, logger }));
  const botFramework = botFrameworkConfigFromEnv(env);
  if (botFramework) modules.push(createBotFrameworkModule({ config: botFramework, db, clock }));
  logger.info({ channels: modules.map((m) => m.adapter.channel) }, 'channels enabled');
  return modules;
}
