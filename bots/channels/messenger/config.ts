import type { Env } from '../../../core/config/env-schema.js';
import { AppError } from '../../../core/errors/app-error.js';

export interface MessengerConfig {
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  /** Our app id: echoes with it are our own sends. Null = recognised by the metadata we attach. */
  appId: string | null;
  /** `me` resolves to the Page of the access token. */
  pageId: string;
  apiBaseUrl: string;
  apiVersion: string;
}

const REQUIRED = ['MESSENGER_APP_SECRET', 'MESSENGER_VERIFY_TOKEN', 'MESSENGER_PAGE_ACCESS_TOKEN'] as const;

/** Messenger is on when any of its three secrets is set; then all three are required. */
export function messengerConfigFromEnv(env: Env): MessengerConfig | null {
  if (!REQUIRED.some((name) => env[name])) return null;
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new AppError('CONFIG_INVALID', `Messenger is partly configured: ${missing.join(', ')} missing`, {
      fields: missing.map((path) => ({ path, message: 'required to enable Messenger' })),
    });
  }
  return {
    appSecret: env.MESSENGER_APP_SECRET as string,
    verifyToken: env.MESSENGER_VERIFY_TOKEN as string,
    pageAccessToken: env.MESSENGER_PAGE_ACCESS_TOKEN as string,
    appId: env.MESSENGER_APP_ID ?? null,
    pageId: env.MESSENGER_PAGE_ID ?? 'me',
    apiBaseUrl: env.MESSENGER_API_BASE_URL.replace(/\/+$/, ''),
    apiVersion: env.MESSENGER_API_VERSION,
  };
}
