import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { AppError } from '../../../core/errors/app-error.js';

/** What the terminal shows well: long text, numbered choices (the command prints them), links. */
export const CLI_CAPABILITIES = { maxTextLength: 100_000, choices: { max: 10, maxTitleLength: 100 }, card: true, media: ['image', 'file'] } as const;

/**
 * The command-line channel of `congdoan chat`. It has no webhook: the command itself hands the member's
 * message to the ingest service. Its "platform" is the database: a reply is delivered when the worker marks
 * it sent, and the command reads the delivered replies from there, so `congdoan chat` works whichever
 * process runs the workers.
 */
export function createCliAdapter(): ChannelAdapter {
  return {
    channel: 'cli',
    capabilities: { ...CLI_CAPABILITIES, media: [...CLI_CAPABILITIES.media] },
    verify: () => ({ kind: 'accepted' }),
    decode: () => {
      throw new AppError('CHANNEL_NOT_CONFIGURED', 'the CLI channel has no webhook');
    },
    async send(message) {
      return { ok: true, platformMessageIds: [message.id] };
    },
  };
}
