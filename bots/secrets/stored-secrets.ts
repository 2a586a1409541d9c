import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';
import type { Logger } from '../../core/ports/logger.js';
import type { ChannelTokenRepository } from '../storage/repositories/channel-token-repository.js';
import type { SettingsRepository } from '../storage/repositories/settings-repository.js';
import type { SecretBox, SecretState } from './secret-box.js';

const JWT_SECRET_SETTING = 'jwt_secret';
/** The key of the mood rows' member pseudonyms (bots/privacy/member-pseudonyms.ts, D-privacy-6). */
const MOOD_PSEUDONYM_KEY_SETTING = 'mood_pseudonym_key';
/** Secrets generated on first use and kept in app_settings, each with how it is made. */
const GENERATED_SETTINGS: Record<string, () => string> = {
  [JWT_SECRET_SETTING]: () => randomBytes(48).toString('base64url'),
  [MOOD_PSEUDONYM_KEY_SETTING]: () => randomBytes(32).toString('base64'),
};
const placeOf = (setting: string) => `app_settings:${setting}`;

export interface SecretInventoryItem {
  place: string;
  state: SecretState;
}

export interface SealReport {
  /** Plain values found and sealed. */
  sealed: number;
  /** Values sealed with a previous key, sealed again with the current one. */
  resealed: number;
  /** Already sealed with the current key. */
  current: number;
  /** Places whose value was sealed with a key this process does not have (left untouched). */
  unreadable: string[];
}

/**
 * Every secret the platform keeps in its database, in one place: the session signing key and the mood pseudonym
 * key (app_settings), and the channels' OAuth tokens (channel_oauth_tokens). `sealAll` is the start-up migration and `congdoan
 * secrets rotate`: it seals plain values and reseals values of previous keys, each with compare-and-set so
 * that processes starting together, or a token rotated meanwhile, never lose a value.
 */
export function createStoredSecrets(deps: { settings: SettingsRepository; channelTokens: ChannelTokenRepository; box: SecretBox; logger: Logger }) {
  const { box } = deps;

  async function places(): Promise<{ place: string; stored: string; replace(expected: string, replacement: string): Promise<boolean> }[]> {
    const settings = [];
    for (const setting of Object.keys(GENERATED_SETTINGS)) {
      const stored = await deps.settings.get<unknown>(setting);
      if (typeof stored === 'string') settings.push({ place: placeOf(setting), stored, replace: (expected: string, replacement: string) => deps.settings.compareAndSet(setting, expected, replacement) });
    }
    const tokens = await deps.channelTokens.listStoredValues();
    return [
      ...settings,
      ...tokens.map((token) => ({ place: token.place, stored: token.stored, replace: (expected: string, replacement: string) => deps.channelTokens.replaceStoredValue(token.ref, expected, replacement) })),
    ];
  }

  async function generatedSecret(setting: string): Promise<string> {
    const generate = GENERATED_SETTINGS[setting] as () => string;
    const stored = await deps.settings.getOrCreate<unknown>(setting, () => box.seal(generate(), placeOf(setting)));
    if (typeof stored !== 'string') throw new AppError('SECRET_UNREADABLE', `${placeOf(setting)} is not a string`);
    return box.open(stored, placeOf(setting));
  }

  return {
    /** The session signing key: generated (sealed) on first use, shared by every process through the database. */
    async jwtSecret(): Promise<string> {
      return generatedSecret(JWT_SECRET_SETTING);
    },

    /** The key of the mood rows' member pseudonyms: generated (sealed) on first use, shared through the database. */
    async moodPseudonymKey(): Promise<Buffer> {
      return Buffer.from(await generatedSecret(MOOD_PSEUDONYM_KEY_SETTING), 'base64');
    },

    async inventory(): Promise<SecretInventoryItem[]> {
      return (await places()).map(({ place, stored }) => ({ place, state: box.stateOf(stored) }));
    },

    async sealAll(): Promise<SealReport> {
      const report: SealReport = { sealed: 0, resealed: 0, current: 0, unreadable: [] };
      for (const item of await places()) {
        const state = box.stateOf(item.stored);
        if (state === 'current') report.current++;
        else if (state === 'unknown_key') report.unreadable.push(item.place);
        else if (await item.replace(item.stored, box.seal(box.open(item.stored, item.place), item.place))) report[state === 'plain' ? 'sealed' : 'resealed']++;
        // Not replaced: another process sealed it (or a worker rotated the token) in the meantime: already current.
        else report.current++;
      }
      if (report.sealed + report.resealed > 0) deps.logger.info({ ...report, keyId: box.keyId }, 'stored secrets sealed with the current secrets key');
      if (report.unreadable.length > 0) deps.logger.error({ unreadable: report.unreadable, keyId: box.keyId }, 'stored secrets sealed with a key this process does not have');
      return report;
    },
  };
}

export type StoredSecrets = ReturnType<typeof createStoredSecrets>;
