import { safeDeep } from '../text/safe-text.js';
import type { InboundEvent } from './inbound.js';

// PostgreSQL's timestamp range is wider, but a message dated outside these years is a platform's junk.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST_AHEAD_MS = 24 * 3_600_000;

/**
 * The one cleaning step every channel's decoded events pass before they are stored (the ingest service runs
 * it, so no channel can forget it): every string made storable (`safeText`: no NUL, no control characters,
 * no lone surrogates) and a timestamp that is not a date or far outside now replaced by the receive time.
 * Cleaning rather than refusing: a refused delivery is redelivered forever and the member is never heard.
 */
export function cleanInboundEvent(event: InboundEvent, receivedAt: Date): InboundEvent {
  const cleaned = safeDeep(event);
  if (!('sentAt' in cleaned)) return cleaned;
  const time = cleaned.sentAt instanceof Date ? cleaned.sentAt.getTime() : Number.NaN;
  const plausible = Number.isFinite(time) && time >= EARLIEST && time <= receivedAt.getTime() + LATEST_AHEAD_MS;
  return plausible ? cleaned : { ...cleaned, sentAt: receivedAt };
}
