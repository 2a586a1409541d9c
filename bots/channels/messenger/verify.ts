import { createHmac } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../../../core/channels/channel-adapter.js';
import { safeEqual } from '../shared/secure-compare.js';

export function messengerSignature(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * GET: Meta's subscription handshake (`hub.mode=subscribe`, our verify token → echo `hub.challenge`, else 403).
 * POST: `X-Hub-Signature-256: sha256=<HMAC-SHA256(app secret, raw body)>`, compared in constant time.
 */
export function verifyMessengerWebhook(request: WebhookRequest, config: { appSecret: string; verifyToken: string }): WebhookVerdict {
  if (request.method === 'GET') {
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
    if (mode === 'subscribe' && token !== undefined && challenge !== undefined && safeEqual(token, config.verifyToken)) {
      return { kind: 'handshake', status: 200, body: challenge };
    }
    return { kind: 'rejected', status: 403, code: 'CHANNEL_FORBIDDEN', message: 'webhook verification failed' };
  }
  const header = request.headers['x-hub-signature-256'];
  if (!header) return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'missing X-Hub-Signature-256' };
  if (!safeEqual(header.trim().toLowerCase(), messengerSignature(config.appSecret, request.rawBody))) {
    return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'bad X-Hub-Signature-256' };
  }
  return { kind: 'accepted' };
}
