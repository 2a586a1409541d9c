import { createHash } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../../../core/channels/channel-adapter.js';
import { parseJsonKeepingBigIntegers } from '../shared/lossless-json.js';
import { safeEqual } from '../shared/secure-compare.js';
import { platformTime } from '../shared/webhook-json.js';

/** Zalo retries a failed delivery for up to about 12 hours with the original body; older events are replays. */
export const ZALO_MAX_EVENT_AGE_MS = 24 * 3_600_000;

/** `mac = sha256(app_id + raw_body + timestamp + OA_SECRET_KEY)`: a plain hash of the concatenation, not an HMAC. */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId + rawBody + timestamp + oaSecretKey, 'utf8').digest('hex');
}

/**
 * Checks `X-ZEvent-Signature: mac=<hex>` over the exact bytes received, then that the event is for our app
 * and not a replay of an old delivery. app_id and timestamp are read from the body itself (the formula
 * uses them), keeping big numbers exact.
 */
export function verifyZaloWebhook(request: WebhookRequest, config: { appId: string; oaSecretKey: string }, now: Date): WebhookVerdict {
  const header = request.headers['x-zevent-signature'];
  if (request.method !== 'POST' || !header) {
    return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'missing X-ZEvent-Signature' };
  }
  const raw = request.rawBody.toString('utf8');
  const fields = readSignedFields(raw);
  if (!fields) return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'the body has no app_id/timestamp to verify' };
  const received = header.replace(/^mac=/i, '').trim().toLowerCase();
  if (!safeEqual(received, zaloSignature(fields.appId, raw, fields.timestamp, config.oaSecretKey))) {
    return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'bad X-ZEvent-Signature' };
  }
  if (fields.appId !== config.appId) {
    return { kind: 'rejected', status: 403, code: 'CHANNEL_FORBIDDEN', message: 'event for another Zalo app' };
  }
  // Only a real timestamp (seconds or milliseconds, digits only) can be inside the window: `0`, `-1`, `abc`
  // or `1e30` must not fall back to "now" and pass as fresh (issue #13).
  const sentAt = /^\d{9,13}$/.test(fields.timestamp) ? platformTime(fields.timestamp, new Date(Number.NaN)) : new Date(Number.NaN);
  if (!Number.isFinite(sentAt.getTime()) || Math.abs(now.getTime() - sentAt.getTime()) > ZALO_MAX_EVENT_AGE_MS) {
    return { kind: 'rejected', status: 401, code: 'CHANNEL_SIGNATURE_INVALID', message: 'event timestamp outside the accepted window' };
  }
  return { kind: 'accepted' };
}

function readSignedFields(raw: string): { appId: string; timestamp: string } | null {
  try {
    const body = parseJsonKeepingBigIntegers(raw) as { app_id?: unknown; timestamp?: unknown } | null;
    const appId = body?.app_id;
    const timestamp = body?.timestamp;
    if ((typeof appId !== 'string' && typeof appId !== 'number') || (typeof timestamp !== 'string' && typeof timestamp !== 'number')) return null;
    return { appId: String(appId), timestamp: String(timestamp) };
  } catch {
    return null;
  }
}
