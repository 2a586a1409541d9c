import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../core/ports/logger.js';
import { silentLogger } from '../../core/ports/logger.js';
import { parseSecretKeyText } from './secret-box.js';
import { loadSecretKeyRing, SECRETS_KEY_FILE } from './secrets-key.js';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (_obj, msg) => void warnings.push(msg ?? ''), child: () => logger };
  return { logger, warnings };
}

describe('secrets key ring', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without SECRETS_KEY generates a private key file in DATA_DIR once, with a warning, and reuses it', () => {
    const first = recordingLogger();
    const ring = loadSecretKeyRing({}, { dataDir: join(dir, 'data'), logger: first.logger });
    const file = join(dir, 'data', SECRETS_KEY_FILE);
    expect(ring.source).toBe('file');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKeyText(readFileSync(file, 'utf8')).id).toBe(ring.current.id);
    expect(first.warnings.join(' ')).toContain('SECRETS_KEY is not set');
    const again = recordingLogger();
    expect(loadSecretKeyRing({}, { dataDir: join(dir, 'data'), logger: again.logger }).current.id).toBe(ring.current.id);
    expect(again.warnings).toEqual([]);
  });

  it('with SECRETS_KEY seals with it and keeps the old key file and SECRETS_KEY_PREVIOUS for opening', () => {
    const fileRing = loadSecretKeyRing({}, { dataDir: dir, logger: silentLogger });
    const current = randomBytes(32).toString('base64');
    const previous = randomBytes(32).toString('hex');
    const ring = loadSecretKeyRing({ SECRETS_KEY: current, SECRETS_KEY_PREVIOUS: `${previous}, ${current}` }, { dataDir: dir, logger: silentLogger });
    expect(ring.source).toBe('env');
    expect(ring.current.id).toBe(parseSecretKeyText(current).id);
    expect(ring.previous.map((key) => key.id)).toEqual([parseSecretKeyText(previous).id, fileRing.current.id]);
  });

  it('refuses a malformed key file instead of generating a new key over it', () => {
    writeFileSync(join(dir, SECRETS_KEY_FILE), 'not a key\n');
    expect(() => loadSecretKeyRing({}, { dataDir: dir, logger: silentLogger })).toThrow(/32 random bytes/);
    expect(readFileSync(join(dir, SECRETS_KEY_FILE), 'utf8')).toBe('not a key\n');
  });

  it('needs SECRETS_KEY where there is no folder to keep a generated key', () => {
    expect(() => loadSecretKeyRing({}, { dataDir: null, logger: silentLogger })).toThrow(/SECRETS_KEY is required/);
  });
});
