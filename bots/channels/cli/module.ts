import type { ChannelDefinition } from '../shared/channel-module.js';
import { createCliAdapter } from './adapter.js';

/**
 * The CLI channel (`congdoan chat`): always on in every process, so that whichever process runs the
 * workers (the CLI itself, the server, `npm run worker`) can deliver a CLI conversation's replies.
 */
export const cliChannel: ChannelDefinition = {
  channel: 'cli',
  create: () => ({ adapter: createCliAdapter() }),
};
