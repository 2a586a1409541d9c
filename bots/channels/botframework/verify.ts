import type { WebhookRequest, WebhookVerdict } from '../../../core/channels/channel-adapter.js';

/**
 * Bot Framework requests carry a JWT signed by Microsoft (Authorization: Bearer …), validated against
 * Microsoft's OpenID keys by botbuilder's CloudAdapter in the /api/messages route (module.ts). That needs
 * the network, so it cannot be a synchronous check here: the generic webhook flow must never accept a
 * Bot Framework request, and this verify refuses everything.
 */
export function verifyBotFrameworkRequest(_request: WebhookRequest): WebhookVerdict {
  return {
    kind: 'rejected',
    status: 401,
    code: 'CHANNEL_SIGNATURE_INVALID',
    message: 'Bot Framework requests are authenticated by botbuilder CloudAdapter at /api/messages',
  };
}
