import type { Env } from '../../../core/config/env-schema.js';
import { AppError } from '../../../core/errors/app-error.js';

export interface ZaloConfig {
  appId: string;
  /** The OA Secret Key of the OA ↔ app link: signs webhooks. Not the app secret. */
  oaSecretKey: string;
  /** The app secret: authenticates OAuth token refreshes (`secret_key` header). */
  appSecret: string;
  /** The account the token belongs to (the OA id; the app id when the OA id is not configured). */
  accountId: string;
  /** The first refresh token of the chain (from the OAuth v4 authorisation); the database keeps the newer ones. */
  refreshToken: string;
  apiBaseUrl: string;
  oauthBaseUrl: string;
  /** ZBS template type for officer replies after the 7-day window; null = those replies are held. */
  transactionTemplate: string | null;
}

/** Zalo is on when ZALO_APP_ID is set; then every variable it needs must be set too (a half configuration is an error). */
export function zaloConfigFromEnv(env: Env): ZaloConfig | null {
  if (!env.ZALO_APP_ID) return null;
  const missing = (['ZALO_OA_SECRET_KEY', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN'] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new AppError('CONFIG_INVALID', `Zalo is enabled (ZALO_APP_ID is set) but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`, {
      fields: missing.map((path) => ({ path, message: 'required when ZALO_APP_ID is set' })),
    });
  }
  return {
    appId: env.ZALO_APP_ID,
    oaSecretKey: env.ZALO_OA_SECRET_KEY as string,
    appSecret: env.ZALO_APP_SECRET as string,
    accountId: env.ZALO_OA_ID ?? env.ZALO_APP_ID,
    refreshToken: env.ZALO_REFRESH_TOKEN as string,
    apiBaseUrl: env.ZALO_API_BASE_URL.replace(/\/+$/, ''),
    oauthBaseUrl: env.ZALO_OAUTH_BASE_URL.replace(/\/+$/, ''),
    transactionTemplate: env.ZALO_TRANSACTION_TEMPLATE ?? null,
  };
}
