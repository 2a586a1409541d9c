import type { PolicyDecision } from '../../../core/channels/channel-adapter.js';

/**
 * Teams and Direct Line have no messaging window: a bot may write into a conversation it has a
 * reference for (stored on each inbound activity). Pacing is the send throttle's job.
 */
export function checkBotFrameworkPolicy(): PolicyDecision {
  return { allow: true };
}
