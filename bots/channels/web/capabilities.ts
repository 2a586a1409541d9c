import type { ChannelCapabilities } from '../../../core/channels/channel-adapter.js';

/** The /chat page renders buttons and long text itself. */
export const WEB_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 4000,
  choices: { max: 6, maxTitleLength: 40 },
  card: false,
  media: ['image', 'file'],
};
