import type { Env } from '../../../core/config/env-schema.js';
import { AppError } from '../../../core/errors/app-error.js';

export interface BotFrameworkConfig {
  appId: string;
  appPassword: string;
  /** Null = a multi-tenant registration. */
  tenantId: string | null;
}

/** Off unless both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are set; one without the other is a mistake. */
export function botFrameworkConfigFromEnv(env: Env): BotFrameworkConfig | null {
  if (!env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD) return null;
  if (!env.MICROSOFT_APP_ID || !env.MICROSOFT_APP_PASSWORD) {
    const missing = env.MICROSOFT_APP_ID ? 'MICROSOFT_APP_PASSWORD' : 'MICROSOFT_APP_ID';
    throw new AppError('CONFIG_INVALID', `Bot Framework is partly configured: ${missing} is missing`, { fields: [{ path: missing, message: 'required with its pair' }] });
  }
  return { appId: env.MICROSOFT_APP_ID, appPassword: env.MICROSOFT_APP_PASSWORD, tenantId: env.MICROSOFT_APP_TENANT_ID ?? null };
}
