import type { ChannelAdapter, PolicyDecision } from '../../../core/channels/channel-adapter.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { ConversationWindow } from '../../storage/repositories/channel-window-repository.js';
import { deliverParts, type DeliverPartsDeps } from '../shared/deliver-parts.js';
import type { ZaloClient, ZaloEndpoint, ZaloRecipient } from './client.js';
import type { ZaloConfig } from './config.js';
import { decodeZaloWebhook } from './decode.js';
import { planZaloDelivery, type ZaloDeliveryPlan } from './policy.js';
import { renderZaloParts, ZALO_CAPABILITIES, zaloTransactionBody } from './render.js';
import { verifyZaloWebhook } from './verify.js';

export interface ZaloAdapterDeps {
  config: ZaloConfig;
  client: ZaloClient;
  windows: { windowOf(conversationId: string): Promise<ConversationWindow> };
  delivery: DeliverPartsDeps;
  clock: Clock;
}

/** Zalo Official Account through the official OA Open API v3 (README.md: why not zca-js). */
export function createZaloAdapter(deps: ZaloAdapterDeps): ChannelAdapter {
  const { config } = deps;
  return {
    channel: 'zalo',
    capabilities: ZALO_CAPABILITIES,
    verify: (request) => verifyZaloWebhook(request, config, deps.clock.now()),
    decode: decodeZaloWebhook,

    checkPolicy(message, context): PolicyDecision {
      const plan = planZaloDelivery({
        author: message.author,
        lastInboundAt: context.lastInboundAt,
        channelState: context.channelState,
        parts: renderZaloParts(message.content).length,
        now: context.now,
        transactionTemplate: config.transactionTemplate,
      });
      if (plan.mode === 'hold') return { allow: false, code: plan.code, reason: plan.reason };
      return plan.mode === 'free_reply' ? { allow: true, channelState: { ...context.channelState, zalo: plan.quota } } : { allow: true };
    },

    async send(message) {
      const window = await deps.windows.windowOf(message.conversationId);
      const parts = renderZaloParts(message.content);
      const plan = planZaloDelivery({
        author: message.author,
        lastInboundAt: window.lastInboundAt,
        channelState: window.channelState,
        parts: parts.length,
        now: deps.clock.now(),
        transactionTemplate: config.transactionTemplate,
      });
      if (plan.mode === 'hold') return { ok: false, retryable: false, code: plan.code, detail: plan.reason };
      const { endpoint, recipient } = addressing(plan, message.recipient.platformUserId, window.lastInboundPlatformMessageId);
      const rendered = plan.mode === 'transaction' ? parts.map((part) => ({ ...part, payload: zaloTransactionBody(plan.templateType, part.text) })) : parts;
      return deliverParts(deps.delivery, message, rendered, (payload) => deps.client.send(endpoint, recipient, payload));
    },
  };
}

/**
 * Free replies must quote the member's latest message id; a synthesised id (a sticker without msg_id)
 * cannot be quoted, so that reply goes to the user id.
 */
function addressing(plan: Exclude<ZaloDeliveryPlan, { mode: 'hold' }>, userId: string, lastInboundId: string | null): { endpoint: ZaloEndpoint; recipient: ZaloRecipient } {
  if (plan.mode === 'transaction') return { endpoint: 'transaction', recipient: { user_id: userId } };
  if (plan.mode === 'free_reply' && lastInboundId && !lastInboundId.startsWith('zsyn-')) {
    return { endpoint: 'cs', recipient: { message_id: lastInboundId } };
  }
  return { endpoint: 'cs', recipient: { user_id: userId } };
}
