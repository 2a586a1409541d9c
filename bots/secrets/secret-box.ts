import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';

/** One AES-256 key and its public id (a hash, so logs and errors can name a key without revealing it). */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The key that seals new values, and the older keys that may still open stored ones (rotation). */
export interface SecretKeyRing {
  current: SecretKey;
  previous: SecretKey[];
  /** Where the current key came from: the environment (SECRETS_KEY) or the generated file in DATA_DIR. */
  source: 'env' | 'file' | 'test';
}

export type SecretState = 'current' | 'previous' | 'plain' | 'unknown_key';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('congdoan-secrets-key-id\0').update(key).digest('hex').slice(0, 12);
}

export function toSecretKey(key: Buffer): SecretKey {
  if (key.length !== 32) throw new AppError('CONFIG_INVALID', `a secrets key is 32 bytes, got ${key.length}`);
  return { id: secretKeyId(key), key };
}

/** A fresh random key in the text form SECRETS_KEY takes (base64 of 32 bytes). */
export function generateSecretKeyText(): string {
  return randomBytes(32).toString('base64');
}

/** SECRETS_KEY text (base64, base64url or hex of exactly 32 bytes) to a key. */
export function parseSecretKeyText(text: string, name = 'SECRETS_KEY'): SecretKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
  if (!bytes || bytes.length !== 32) {
    throw new AppError('CONFIG_INVALID', `${name} must be 32 random bytes in base64 (44 characters) or hex (64); generate one with \`npx congdoan secrets generate-key\``, {
      fields: [{ path: name, message: 'not 32 bytes of base64 or hex' }],
    });
  }
  return toSecretKey(bytes);
}

/**
 * Seals small secrets (signing keys, OAuth tokens) for storage with AES-256-GCM. A sealed value is text,
 * `enc:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url), so it fits the existing text and jsonb columns.
 * `context` names where the value lives (`app_settings:jwt_secret`) and is bound as associated data: a
 * sealed value copied into another row does not open there.
 */
export function createSecretBox(ring: SecretKeyRing) {
  const byId = new Map<string, SecretKey>([ring.current, ...ring.previous].map((key) => [key.id, key]));

  function parse(stored: string): { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer } | null {
    if (!stored.startsWith(PREFIX)) return null;
    const parts = stored.slice(PREFIX.length).split(':');
    if (parts.length !== 4) return null;
    const [keyId, iv, ciphertext, tag] = parts as [string, string, string, string];
    return { keyId, iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  }

  return {
    keyId: ring.current.id,
    source: ring.source,
    previousKeyIds: ring.previous.map((key) => key.id),

    seal(plain: string, context: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}${ring.current.id}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}:${tag.toString('base64url')}`;
    },

    /**
     * The plain value. A value stored before encryption existed (no `enc:` prefix) is returned as it is, so
     * that processes keep working until the start-up migration has sealed it.
     */
    open(stored: string, context: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      const parsed = parse(stored);
      if (!parsed || parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
        throw new AppError('SECRET_UNREADABLE', `the stored secret ${context} is not a well-formed sealed value`, { details: { context } });
      }
      const key = byId.get(parsed.keyId);
      if (!key) {
        throw new AppError(
          'SECRETS_KEY_MISMATCH',
          `the stored secret ${context} was sealed with key ${parsed.keyId}, which this process does not have (its key is ${ring.current.id}` +
            `${ring.previous.length ? `, previous ${ring.previous.map((k) => k.id).join(', ')}` : ''}); ` +
            'set SECRETS_KEY (and SECRETS_KEY_PREVIOUS while rotating) as on the process that stored it',
          { details: { context, storedKeyId: parsed.keyId, keyId: ring.current.id } },
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, parsed.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(parsed.tag);
        return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString('utf8');
      } catch (cause) {
        // Same key id, failed authentication: the bytes were changed, or the value was moved from another row.
        throw new AppError('SECRET_UNREADABLE', `the stored secret ${context} failed authentication (altered, or copied from another place)`, { cause, details: { context } });
      }
    },

    /** What a stored value is: sealed with the current key, with a previous one, plain, or with a key not in the ring. */
    stateOf(stored: string): SecretState {
      const parsed = parse(stored);
      if (!stored.startsWith(PREFIX)) return 'plain';
      if (!parsed || !byId.has(parsed.keyId)) return 'unknown_key';
      return parsed.keyId === ring.current.id ? 'current' : 'previous';
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
