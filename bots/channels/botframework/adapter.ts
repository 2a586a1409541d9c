import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import type { ChannelThreadRefRepository } from '../../storage/repositories/channel-thread-ref-repository.js';
import { deliverParts, type DeliverPartsDeps } from '../shared/deliver-parts.js';
import type { BotFrameworkClient } from './client.js';
import { decodeBotFrameworkRequest } from './decode.js';
import { checkBotFrameworkPolicy } from './policy.js';
import { BOTFRAMEWORK_CAPABILITIES, renderBotFrameworkParts } from './render.js';
import { verifyBotFrameworkRequest } from './verify.js';

export interface BotFrameworkAdapterDeps {
  client: Pick<BotFrameworkClient, 'send'>;
  threadRefs: Pick<ChannelThreadRefRepository, 'find'>;
  delivery: DeliverPartsDeps;
}

/** Teams / Direct Line through botbuilder's CloudAdapter (optional channel, README.md). */
export function createBotFrameworkAdapter(deps: BotFrameworkAdapterDeps): ChannelAdapter {
  return {
    channel: 'botframework',
    capabilities: BOTFRAMEWORK_CAPABILITIES,
    verify: verifyBotFrameworkRequest,
    decode: decodeBotFrameworkRequest,
    checkPolicy: checkBotFrameworkPolicy,
    async send(message) {
      const reference = await deps.threadRefs.find('botframework', message.recipient.threadId);
      if (!reference) return { ok: false, retryable: false, code: 'INVALID_RECIPIENT', detail: 'no conversation reference stored for this thread' };
      return deliverParts(deps.delivery, message, renderBotFrameworkParts(message.content), (activity) => deps.client.send(reference, activity));
    },
  };
}
