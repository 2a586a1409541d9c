/**
 * Postback payloads that adapters produce themselves (not from a button we rendered): the platform's own
 * "Get started" button, a referral link opened in an existing thread. The member-commands step answers them.
 */
export const STANDARD_PAYLOADS = {
  /** The member opened the conversation (Messenger Get Started, a join link): greet and confirm the unit. */
  start: 'member:start',
} as const;
