import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';
import { createSecretBox, generateSecretKeyText, parseSecretKeyText, toSecretKey } from './secret-box.js';

const keyA = toSecretKey(randomBytes(32));
const keyB = toSecretKey(randomBytes(32));
const PLACE = 'app_settings:jwt_secret';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox({ current: keyA, previous: [], source: 'test' });

  it('seals to text that holds neither the secret nor its bytes, and opens it again', () => {
    const secret = 'zalo-refresh-token-ABCDEFGHIJKLMNOP';
    const sealed = box.seal(secret, PLACE);
    expect(sealed.startsWith(`enc:v1:${keyA.id}:`)).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 12));
    expect(box.open(sealed, PLACE)).toBe(secret);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(box.seal(secret, PLACE)).not.toBe(sealed);
    expect(box.open(box.seal('Mật khẩu có dấu ✓', PLACE), PLACE)).toBe('Mật khẩu có dấu ✓');
  });

  it('refuses a value sealed with another key with a clear typed error naming both keys', () => {
    const other = createSecretBox({ current: keyB, previous: [], source: 'test' });
    const sealed = other.seal('secret', PLACE);
    let error: unknown;
    try {
      box.open(sealed, PLACE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SECRETS_KEY_MISMATCH');
    expect((error as AppError).message).toContain(keyB.id);
    expect((error as AppError).message).toContain(keyA.id);
    expect((error as AppError).message).toContain('SECRETS_KEY');
    expect(box.stateOf(sealed)).toBe('unknown_key');
  });

  it('refuses an altered value and a value moved to another place', () => {
    const sealed = box.seal('secret-value', PLACE);
    const parts = sealed.split(':');
    const ciphertext = Buffer.from(parts[4] as string, 'base64url');
    ciphertext[0] = (ciphertext[0] as number) ^ 1;
    parts[4] = ciphertext.toString('base64url');
    expect(codeOf(() => box.open(parts.join(':'), PLACE))).toBe('SECRET_UNREADABLE');
    expect(codeOf(() => box.open(sealed, 'channel_oauth_tokens:zalo:1:refresh_token'))).toBe('SECRET_UNREADABLE');
    expect(codeOf(() => box.open('enc:v1:garbage', PLACE))).toBe('SECRET_UNREADABLE');
  });

  it('opens values of a previous key and tells them apart from current and plain ones', () => {
    const old = createSecretBox({ current: keyB, previous: [], source: 'test' });
    const rotated = createSecretBox({ current: keyA, previous: [keyB], source: 'test' });
    const sealedOld = old.seal('s', PLACE);
    expect(rotated.open(sealedOld, PLACE)).toBe('s');
    expect(rotated.stateOf(sealedOld)).toBe('previous');
    expect(rotated.stateOf(rotated.seal('s', PLACE))).toBe('current');
    expect(rotated.stateOf('plain-legacy-value')).toBe('plain');
    // A value stored before encryption existed still reads until the start-up migration seals it.
    expect(rotated.open('plain-legacy-value', PLACE)).toBe('plain-legacy-value');
  });

  it('takes keys as base64, base64url or hex of exactly 32 bytes and nothing else', () => {
    const raw = randomBytes(32);
    const id = toSecretKey(raw).id;
    expect(parseSecretKeyText(raw.toString('base64')).id).toBe(id);
    expect(parseSecretKeyText(raw.toString('base64url')).id).toBe(id);
    expect(parseSecretKeyText(raw.toString('hex')).id).toBe(id);
    expect(parseSecretKeyText(generateSecretKeyText()).key).toHaveLength(32);
    for (const bad of ['', 'short', 'correct horse battery staple correct horse', randomBytes(16).toString('base64'), randomBytes(48).toString('base64')]) {
      expect(codeOf(() => parseSecretKeyText(bad))).toBe('CONFIG_INVALID');
    }
  });
});
