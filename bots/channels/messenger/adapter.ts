import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { ConversationWindow } from '../../storage/repositories/channel-window-repository.js';
import { deliverParts, type DeliverPartsDeps } from '../shared/deliver-parts.js';
import type { MessengerClient } from './client.js';
import type { MessengerConfig } from './config.js';
import { decodeMessengerWebhook } from './decode.js';
import { planMessengerDelivery } from './policy.js';
import { MESSENGER_CAPABILITIES, MESSENGER_METADATA_PREFIX, renderMessengerParts } from './render.js';
import { verifyMessengerWebhook } from './verify.js';

export interface MessengerAdapterDeps {
  config: MessengerConfig;
  client: MessengerClient;
  windows: { windowOf(conversationId: string): Promise<ConversationWindow> };
  delivery: DeliverPartsDeps;
  clock: Clock;
}

/** Facebook Messenger through our own thin Graph API client (README.md). */
export function createMessengerAdapter(deps: MessengerAdapterDeps): ChannelAdapter {
  return {
    channel: 'messenger',
    capabilities: MESSENGER_CAPABILITIES,
    verify: (request) => verifyMessengerWebhook(request, deps.config),
    decode: (request, receivedAt) => decodeMessengerWebhook(request, receivedAt, deps.config.appId),

    checkPolicy(message, context) {
      const plan = planMessengerDelivery(message.author, context.lastInboundAt, context.now);
      return 'hold' in plan ? { allow: false, code: plan.code, reason: plan.reason } : { allow: true };
    },

    async send(message) {
      const window = await deps.windows.windowOf(message.conversationId);
      const plan = planMessengerDelivery(message.author, window.lastInboundAt, deps.clock.now());
      if ('hold' in plan) return { ok: false, retryable: false, code: plan.code, detail: plan.reason };
      const parts = renderMessengerParts(message.content);
      return deliverParts(deps.delivery, message, parts, (body, index) =>
        deps.client.send({
          recipient: { id: message.recipient.platformUserId },
          messaging_type: plan.messagingType,
          ...('tag' in plan ? { tag: plan.tag } : {}),
          message: { ...body, metadata: `${MESSENGER_METADATA_PREFIX}${message.id}:${index}` },
        }),
      );
    },
  };
}
