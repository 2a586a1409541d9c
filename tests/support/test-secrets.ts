import { createSecretBox, parseSecretKeyText, type SecretBox } from '../../bots/secrets/secret-box.js';

/** The secrets key of test platforms (a fixed test value: nothing real is sealed with it). */
export const TEST_SECRETS_KEY = 'dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=';

/** The secret box every test process and platform shares, so they open each other's stored secrets. */
export function testSecretBox(): SecretBox {
  return createSecretBox({ current: parseSecretKeyText(TEST_SECRETS_KEY), previous: [], source: 'test' });
}
