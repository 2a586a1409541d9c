import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import type { Logger } from '../../core/ports/logger.js';
import { createSecretBox, parseSecretKeyText, toSecretKey, type SecretBox, type SecretKey, type SecretKeyRing } from './secret-box.js';

export const SECRETS_KEY_FILE = 'secrets.key';

export interface SecretKeySettings {
  SECRETS_KEY?: string | undefined;
  /** Comma-separated older keys that still open stored values while they are resealed (rotation). */
  SECRETS_KEY_PREVIOUS?: string | undefined;
}

/**
 * The key ring of this process. With SECRETS_KEY set, that key seals; the previous keys and a key file left
 * in DATA_DIR by an earlier embedded start still open old values (so moving from the generated key to an
 * environment key is only "set SECRETS_KEY"). Without it, the key is read from `DATA_DIR/secrets.key`, or
 * generated there (mode 0600) with a warning: the platform still starts with zero configuration, and a copy
 * of the database alone (a dump, a backup, SQL access) does not reveal the secrets.
 */
export function loadSecretKeyRing(settings: SecretKeySettings, options: { dataDir: string | null; logger: Logger }): SecretKeyRing {
  const previous = (settings.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text, index) => parseSecretKeyText(text, `SECRETS_KEY_PREVIOUS[${index}]`));
  const filePath = options.dataDir === null ? null : join(options.dataDir, SECRETS_KEY_FILE);
  if (settings.SECRETS_KEY) {
    const current = parseSecretKeyText(settings.SECRETS_KEY);
    const fileKey = filePath === null ? null : readKeyFile(filePath);
    return { current, previous: unique([...previous, ...(fileKey ? [fileKey] : [])], current), source: 'env' };
  }
  if (filePath === null || options.dataDir === null) throw new AppError('CONFIG_INVALID', 'SECRETS_KEY is required where there is no DATA_DIR to keep a generated key in');
  let current = readKeyFile(filePath);
  if (!current) {
    current = createKeyFile(filePath, options.dataDir);
    options.logger.warn(
      { keyFile: filePath, keyId: current.id },
      'SECRETS_KEY is not set: generated the key that encrypts stored secrets into DATA_DIR. Back it up apart from the database (without it the stored secrets cannot be read); in production set SECRETS_KEY instead',
    );
  }
  return { current, previous: unique(previous, current), source: 'file' };
}

function unique(keys: SecretKey[], current: SecretKey): SecretKey[] {
  const seen = new Set([current.id]);
  return keys.filter((key) => !seen.has(key.id) && seen.add(key.id));
}

function readKeyFile(path: string): SecretKey | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('CONFIG_INVALID', `cannot read the secrets key file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseSecretKeyText(text, path);
}

/**
 * Writes a new key file without ever exposing a half-written one: the key goes to a private temporary file
 * that is then hard-linked into place, which fails if another process (a worker starting beside the server
 * on the same DATA_DIR) got there first; then that process's key is used.
 */
function createKeyFile(path: string, dataDir: string): SecretKey {
  mkdirSync(dataDir, { recursive: true });
  const bytes = randomBytes(32);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return toSecretKey(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(path) as SecretKey;
  } finally {
    unlinkSync(temporary);
  }
}

/** The box of this process's key ring (what every entry point passes to the platform). */
export function loadSecretBox(settings: SecretKeySettings, options: { dataDir: string | null; logger: Logger }): SecretBox {
  return createSecretBox(loadSecretKeyRing(settings, options));
}
