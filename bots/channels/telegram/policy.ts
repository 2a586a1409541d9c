import type { PolicyDecision } from '../../../core/channels/channel-adapter.js';

/**
 * Telegram has no messaging window or quota: a bot may write to anyone who started it until they block it
 * (then the send fails with 403 → USER_BLOCKED, visible to officers). Pacing is not a policy decision but
 * the send throttle's (shared/send-limits.ts: 1 message per second per chat, 30 per second overall).
 */
export function checkTelegramPolicy(): PolicyDecision {
  return { allow: true };
}
