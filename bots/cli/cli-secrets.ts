import { createMemberPseudonyms, type MemberPseudonyms } from '../privacy/member-pseudonyms.js';
import { fromProjectRoot } from '../project-root.js';
import { loadSecretBox } from '../secrets/secrets-key.js';
import { createStoredSecrets } from '../secrets/stored-secrets.js';
import { createChannelTokenRepository } from '../storage/repositories/channel-token-repository.js';
import { createSettingsRepository } from '../storage/repositories/settings-repository.js';
import type { CliBase } from './cli-context.js';

/** The secrets key of this CLI run (SECRETS_KEY or DATA_DIR's key file) and the secrets it opens in the database. */
export function storedSecretsOf(base: CliBase) {
  const box = loadSecretBox(base.env, { dataDir: fromProjectRoot(base.env.DATA_DIR), logger: base.logger });
  const db = base.database.db;
  return { box, secrets: createStoredSecrets({ settings: createSettingsRepository(db), channelTokens: createChannelTokenRepository(db, box), box, logger: base.logger }) };
}

/** What commands that write mood rows or erase members need: the members' pseudonyms (D-privacy-6). */
export async function memberPseudonymsOf(base: CliBase): Promise<MemberPseudonyms> {
  return createMemberPseudonyms(await storedSecretsOf(base).secrets.moodPseudonymKey());
}
