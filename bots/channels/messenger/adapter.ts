import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { deliverParts, type DeliverPartsDeps } from '../shared/deliver-parts.js';
import type { MessengerClient } from './client.js';
import type { MessengerConfig } from './config.js';
import { decodeMessengerWebhook } from './decode.js';
import { planMessengerDelivery, type MessengerDeliveryPlan } from './policy.js';
import { MESSENGER_CAPABILITIES, MESSENGER_METADATA_PREFIX, renderMessengerParts } from './render.js';
import { verifyMessengerWebhook } from './verify.js';

export interface MessengerAdapterDeps {
  config: MessengerConfig;
  client: MessengerClient;
  delivery: DeliverPartsDeps;
}

/** How an allowed reply goes out: the messaging type (and tag) the window decided. */
export type MessengerSendPlan = Exclude<MessengerDeliveryPlan, { hold: true }>;

/** Facebook Messenger through our own thin Graph API client (README.md). */
export function createMessengerAdapter(deps: MessengerAdapterDeps): ChannelAdapter<MessengerSendPlan> {
  return {
    channel: 'messenger',
    capabilities: MESSENGER_CAPABILITIES,
    verify: (request) => verifyMessengerWebhook(request, deps.config),
    decode: (request, receivedAt) => decodeMessengerWebhook(request, receivedAt, deps.config.appId),

    checkPolicy(message, context) {
      const plan = planMessengerDelivery(message.author, context.lastInboundAt, context.now);
      return 'hold' in plan ? { allow: false, code: plan.code, reason: plan.reason } : { allow: true, plan };
    },

    async send(message, { plan }) {
      if (!plan) return { ok: false, retryable: false, code: 'INVALID_PAYLOAD', detail: 'no delivery plan: Messenger replies go through checkPolicy' };
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
