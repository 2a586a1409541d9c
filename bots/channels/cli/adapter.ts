import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';

/**
 * The command-line channel of `congdoan chat`: it has no webhook (the CLI records the message itself) and
 * "sends" by keeping the rendered replies for the command to print.
 */
export function createCliAdapter(): ChannelAdapter & { delivered: OutboundMessage[] } {
  const delivered: OutboundMessage[] = [];
  return {
    channel: 'cli',
    capabilities: { maxTextLength: 100_000, choices: { max: 10, maxTitleLength: 100 }, card: true, media: ['image', 'file'] },
    delivered,
    verify: () => ({ kind: 'accepted' }),
    decode: () => {
      throw new AppError('CHANNEL_NOT_CONFIGURED', 'the CLI channel has no webhook');
    },
    async send(message) {
      delivered.push(message);
      return { ok: true, platformMessageIds: [message.id] };
    },
  };
}
