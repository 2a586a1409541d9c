import type { ChannelAdapter, PolicyDecision } from '../../../core/channels/channel-adapter.js';
import type { Clock } from '../../../core/ports/clock.js';
import { deliverParts, type DeliverPartsDeps, type RenderedPart } from '../shared/deliver-parts.js';
import type { ZaloClient, ZaloEndpoint, ZaloRecipient } from './client.js';
import type { ZaloConfig } from './config.js';
import { decodeZaloWebhook } from './decode.js';
import { planZaloDelivery, type ZaloDeliveryPlan } from './policy.js';
import { renderZaloParts, ZALO_CAPABILITIES, zaloTransactionBody, type ZaloMessageBody } from './render.js';
import { verifyZaloWebhook } from './verify.js';

export interface ZaloAdapterDeps {
  config: ZaloConfig;
  client: ZaloClient;
  delivery: DeliverPartsDeps;
  clock: Clock;
}

/** How an allowed reply goes out: endpoint, addressing and the parts, rendered once when the policy counted them. */
export interface ZaloSendPlan {
  endpoint: ZaloEndpoint;
  recipient: ZaloRecipient;
  parts: RenderedPart<ZaloMessageBody>[];
}

/** Zalo Official Account through the official OA Open API v3 (README.md: why not zca-js). */
export function createZaloAdapter(deps: ZaloAdapterDeps): ChannelAdapter<ZaloSendPlan> {
  const { config } = deps;
  return {
    channel: 'zalo',
    capabilities: ZALO_CAPABILITIES,
    verify: (request) => verifyZaloWebhook(request, config, deps.clock.now()),
    decode: decodeZaloWebhook,

    checkPolicy(message, context): PolicyDecision<ZaloSendPlan> {
      // Each rendered part is one Zalo message and uses one free reply: render first, then count.
      const parts = renderZaloParts(message.content);
      const plan = planZaloDelivery({
        author: message.author,
        lastInboundAt: context.lastInboundAt,
        channelState: context.channelState,
        parts: parts.length,
        now: context.now,
        transactionTemplate: config.transactionTemplate,
        quotable: isQuotable(context.lastInboundPlatformMessageId),
      });
      if (plan.mode === 'hold') return { allow: false, code: plan.code, reason: plan.reason };
      const send: ZaloSendPlan = {
        ...addressing(plan, message.recipient.platformUserId, context.lastInboundPlatformMessageId),
        parts: plan.mode === 'transaction' ? parts.map((part) => ({ ...part, payload: zaloTransactionBody(plan.templateType, part.text) })) : parts,
      };
      return plan.mode === 'free_reply' || plan.mode === 'proactive' ? { allow: true, plan: send, channelState: { ...context.channelState, zalo: plan.quota } } : { allow: true, plan: send };
    },

    async send(message, { plan }) {
      if (!plan) return { ok: false, retryable: false, code: 'INVALID_PAYLOAD', detail: 'no delivery plan: Zalo replies go through checkPolicy' };
      return deliverParts(deps.delivery, message, plan.parts, (payload) => deps.client.send(plan.endpoint, plan.recipient, payload));
    },
  };
}

/**
 * Free replies must quote the member's latest message id; a synthesised id (a sticker without msg_id)
 * cannot be quoted, so that reply goes to the user id.
 */
function addressing(plan: Exclude<ZaloDeliveryPlan, { mode: 'hold' }>, userId: string, lastInboundId: string | null): { endpoint: ZaloEndpoint; recipient: ZaloRecipient } {
  if (plan.mode === 'transaction') return { endpoint: 'transaction', recipient: { user_id: userId } };
  if (plan.mode === 'free_reply' && lastInboundId && isQuotable(lastInboundId)) {
    return { endpoint: 'cs', recipient: { message_id: lastInboundId } };
  }
  return { endpoint: 'cs', recipient: { user_id: userId } };
}

/** Our synthesised ids (`zsyn-…`, a sticker without msg_id) are unknown to Zalo and cannot be quoted. */
function isQuotable(platformMessageId: string | null): boolean {
  return platformMessageId === null || !platformMessageId.startsWith('zsyn-');
}
