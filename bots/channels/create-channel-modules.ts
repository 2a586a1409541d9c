import { botFrameworkChannel } from './botframework/module.js';
import { cliChannel } from './cli/module.js';
import { messengerChannel } from './messenger/module.js';
import type { ChannelDefinition, ChannelModule, ChannelModuleDeps } from './shared/channel-module.js';
import { telegramChannel } from './telegram/module.js';
import { webchatChannel } from './web/module.js';
import { zaloChannel } from './zalo/module.js';

/**
 * Every channel the platform knows. Adding a channel is copying a channel folder (same file names: adapter,
 * config, decode, render, policy, client, module, README) and adding its definition here.
 */
export const CHANNELS: readonly ChannelDefinition[] = [webchatChannel, cliChannel, zaloChannel, messengerChannel, telegramChannel, botFrameworkChannel];

/**
 * One module per channel that is switched on: web chat and the CLI channel always, the platforms whose
 * environment variables are set (README.md of each channel). A half-configured channel stops the boot with
 * CONFIG_INVALID naming the missing variables; an unreachable platform does not (its readiness check
 * reports it).
 */
export function createChannelModules(deps: ChannelModuleDeps, definitions: readonly ChannelDefinition[] = CHANNELS): ChannelModule[] {
  const modules = definitions.flatMap((definition) => {
    const module = definition.create(deps);
    return module ? [module] : [];
  });
  deps.logger.info({ channels: modules.map((m) => m.adapter.channel) }, 'channels enabled');
  return modules;
}
