import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Env } from '../../core/config/env-schema.js';
import { AppError } from '../../core/errors/app-error.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import type { PrivacyNotice } from '../../core/privacy/consent.js';
import { DEFAULT_PRIVACY_NOTICE_VI } from './default-privacy-notice.vi.js';

export const PRIVACY_NOTICE_PATH = '/quyen-rieng-tu';

/** The deployment's full notice: its text (page), version (stored with each consent) and what the chat needs. */
export interface LoadedPrivacyNotice {
  text: string;
  version: string;
  /** The pipeline's view; null when the deployment does not ask (PRIVACY_CONSENT=off). */
  forPipeline: PrivacyNotice | null;
}

function retentionWords(months: number): string {
  return months > 0 ? `tối đa ${months} tháng` : 'cho đến khi bạn yêu cầu xoá';
}

/**
 * Reads PRIVACY_NOTICE_FILE (or the shipped text) once at start. A file that cannot be read stops the start with a
 * clear error: serving no notice, or the wrong one, while asking members to consent to it would be worse. Asking
 * without PUBLIC_BASE_URL starts (a test or a local run) but warns: the chat notice then has no link to the full one.
 */
export function loadPrivacyNotice(
  env: Pick<Env, 'PRIVACY_CONSENT' | 'PRIVACY_NOTICE_FILE' | 'PRIVACY_NOTICE_VERSION' | 'PUBLIC_BASE_URL' | 'RETENTION_MESSAGE_MONTHS'>,
  logger: Logger = silentLogger,
): LoadedPrivacyNotice {
  let raw = DEFAULT_PRIVACY_NOTICE_VI;
  if (env.PRIVACY_NOTICE_FILE) {
    try {
      raw = readFileSync(env.PRIVACY_NOTICE_FILE, 'utf8');
    } catch (error) {
      throw new AppError('CONFIG_INVALID', `PRIVACY_NOTICE_FILE cannot be read: ${env.PRIVACY_NOTICE_FILE} (${(error as Error).message})`);
    }
    if (raw.trim() === '') throw new AppError('CONFIG_INVALID', `PRIVACY_NOTICE_FILE is empty: ${env.PRIVACY_NOTICE_FILE}`);
  }
  const text = raw.replaceAll('{retention}', retentionWords(env.RETENTION_MESSAGE_MONTHS)).trim();
  const version = env.PRIVACY_NOTICE_VERSION ?? createHash('sha256').update(text).digest('hex').slice(0, 12);
  const url = env.PUBLIC_BASE_URL ? `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}${PRIVACY_NOTICE_PATH}` : null;
  if (env.PRIVACY_CONSENT === 'ask' && url === null) {
    logger.warn({ code: 'PRIVACY_NOTICE_NO_LINK' }, `PRIVACY_CONSENT=ask without PUBLIC_BASE_URL: the chat's privacy notice will carry no link to the full notice (${PRIVACY_NOTICE_PATH}); set PUBLIC_BASE_URL to the address members reach`);
  }
  return { text, version, forPipeline: env.PRIVACY_CONSENT === 'ask' ? { version, url, retentionMonths: env.RETENTION_MESSAGE_MONTHS } : null };
}
