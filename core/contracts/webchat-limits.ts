/** Limits of the web chat channel, in a zod-free file so the member's page stays small. */
export const WEBCHAT_MAX_TEXT = 2000;
