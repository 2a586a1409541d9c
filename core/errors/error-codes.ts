/**
 * Stable error codes. They appear in API responses, logs and CLI output, so they never change meaning.
 * `kind` is what the edge (HTTP, CLI) maps to a status; core never knows about HTTP itself.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'invalid_input',
  MALFORMED_BODY: 'bad_request',
  /** A malformed URL, path parameter, header or cookie (e.g. a `%` that is not an escape). */
  MALFORMED_REQUEST: 'bad_request',
  PAYLOAD_TOO_LARGE: 'too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media',
  NOT_FOUND: 'not_found',
  AUTH_REQUIRED: 'unauthenticated',
  AUTH_INVALID_CREDENTIALS: 'unauthenticated',
  AUTH_RATE_LIMITED: 'rate_limited',
  RATE_LIMITED: 'rate_limited',
  FORBIDDEN: 'forbidden',
  /** A cookie-authenticated write from another site (Origin / Sec-Fetch-Site). */
  CROSS_SITE_REQUEST: 'forbidden',
  UNIT_OUT_OF_SCOPE: 'forbidden',
  VERSION_CONFLICT: 'conflict',
  DUPLICATE: 'conflict',
  UNIT_NOT_FOUND: 'not_found',
  UNIT_CODE_TAKEN: 'conflict',
  UNIT_INVALID_PARENT: 'invalid_input',
  USER_EMAIL_TAKEN: 'conflict',
  CONVERSATION_INVALID_TRANSITION: 'conflict',
  CONVERSATION_BUSY: 'unavailable',
  /** Another officer holds the conversation; `details.holder` says who. */
  CONVERSATION_CLAIMED: 'conflict',
  /** The conversation went back to the bot (or was closed): claim it again before replying. */
  CONVERSATION_RETURNED_TO_BOT: 'conflict',
  /** The action needs the conversation to be in another state (e.g. retrying a message that was sent). */
  CONVERSATION_NOT_ACTIONABLE: 'conflict',
  CHANNEL_SIGNATURE_INVALID: 'unauthenticated',
  CHANNEL_FORBIDDEN: 'forbidden',
  CHANNEL_DECODE_FAILED: 'bad_request',
  CHANNEL_NOT_CONFIGURED: 'not_found',
  CHANNEL_SEND_FAILED: 'unavailable',
  DEPENDENCY_UNAVAILABLE: 'unavailable',
  LLM_TIMEOUT: 'unavailable',
  LLM_FAILED: 'unavailable',
  KNOWLEDGE_IMPORT_INVALID: 'invalid_input',
  NLU_MODEL_INVALID: 'internal',
  CONFIG_INVALID: 'internal',
  /** A stored secret was sealed with a key this process does not have (SECRETS_KEY differs between processes). */
  SECRETS_KEY_MISMATCH: 'internal',
  /** A stored secret failed authentication (altered, or copied from another row). */
  SECRET_UNREADABLE: 'internal',
  INTERNAL: 'internal',
} as const;

export type AppErrorCode = keyof typeof ERROR_CODES;
export type AppErrorKind = (typeof ERROR_CODES)[AppErrorCode];
