import type { Command } from 'commander';
import { AppError } from '../../../core/errors/app-error.js';
import { generateSecretKeyText } from '../../secrets/secret-box.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';
import { storedSecretsOf } from '../cli-secrets.js';


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
