import type { Command } from 'commander';
import { AppError } from '../../../core/errors/app-error.js';
import { fromProjectRoot } from '../../project-root.js';
import { generateSecretKeyText } from '../../secrets/secret-box.js';
import { loadSecretBox } from '../../secrets/secrets-key.js';
import { createStoredSecrets } from '../../secrets/stored-secrets.js';
import { createChannelTokenRepository } from '../../storage/repositories/channel-token-repository.js';
import { createSettingsRepository } from '../../storage/repositories/settings-repository.js';
import { reportCommandErrors, withBase, type CliBase, type CliIo } from '../cli-context.js';

function storedSecretsOf(base: CliBase) {
  const box = loadSecretBox(base.env, { dataDir: fromProjectRoot(base.env.DATA_DIR), logger: base.logger });
  const db = base.database.db;
  return { box, secrets: createStoredSecrets({ settings: createSettingsRepository(db), channelTokens: createChannelTokenRepository(db, box), box, logger: base.logger }) };
}

/**
 * `secrets status | rotate | generate-key`: the key that encrypts the secrets kept in the database (session
 * signing key, OAuth tokens), which values it seals, and re-encryption after a key change.
 */
export function registerSecretsCommands(program: Command, io: CliIo): void {
  const secrets = program.command('secrets').description('the encryption of secrets stored in the database (SECRETS_KEY)');

  secrets
    .command('generate-key')
    .description('print a new random key for SECRETS_KEY (32 bytes, base64)')
    .action(() => io.stdout(generateSecretKeyText()));

  secrets
    .command('status')
    .description('which key is in use and how each stored secret is sealed (current key, previous key, plain, unknown key)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format: string }) =>
      reportCommandErrors(io.stderr, options, () =>
        withBase(io, async (base) => {
          const { box, secrets: stored } = storedSecretsOf(base);
          const items = await stored.inventory();
          const status = { key: { id: box.keyId, source: box.source }, previousKeys: box.previousKeyIds, secrets: items };
          if (options.format === 'json') io.stdout(JSON.stringify(status));
          else {
            io.stdout(`key ${box.keyId} (${box.source === 'env' ? 'SECRETS_KEY' : `${base.env.DATA_DIR}/secrets.key`})${box.previousKeyIds.length ? `; previous ${box.previousKeyIds.join(', ')}` : ''}`);
            for (const item of items) io.stdout(`${item.state.padEnd(12)} ${item.place}`);
          }
        }),
      ),
    );

  secrets
    .command('rotate')
    .description('seal every stored secret with the current SECRETS_KEY, opening old values with SECRETS_KEY_PREVIOUS (or the old key file)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format: string }) =>
      reportCommandErrors(io.stderr, options, () =>
        withBase(io, async (base) => {
          const { box, secrets: stored } = storedSecretsOf(base);
          const report = await stored.sealAll();
          if (options.format === 'json') io.stdout(JSON.stringify({ keyId: box.keyId, ...report }));
          else io.stdout(`key ${box.keyId}: ${report.sealed} plain value(s) sealed, ${report.resealed} resealed from a previous key, ${report.current} already current, ${report.unreadable.length} unreadable`);
          if (report.unreadable.length > 0) {
            throw new AppError('SECRETS_KEY_MISMATCH', `sealed with a key this process does not have: ${report.unreadable.join(', ')}; add that key to SECRETS_KEY_PREVIOUS`, {
              details: { unreadable: report.unreadable },
            });
          }
        }),
      ),
    );
}
