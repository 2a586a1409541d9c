import { verifyZaloWebhook, zaloSignature } from './verify.js';

const config = { appId: '2553928453557884079', oaSecretKey: 'oa-secret' };
const NOW = new Date('2026-03-02T08:00:00Z');

function signed(body: Record<string, unknown>, secret = config.oaSecretKey, appId = String(body.app_id)) {
  const raw = JSON.stringify(body);
  return { method: 'POST', query: {}, rawBody: Buffer.from(raw), headers: { 'x-zevent-signature': `mac=${zaloSignature(appId, raw, String(body.timestamp), secret)}` } };
}

/**
 * A vector computed outside this module, from Zalo's documented formula written out:
 *   mac = hex(sha256( app_id + raw_body + timestamp + OA_secret_key ))   (UTF-8 bytes, plain SHA-256, no HMAC)
 * with app_id = 2553928453557884079, timestamp = 1772438400000 (2026-03-02T08:00:00Z), OA secret key = oa-secret
 * and the raw body below, byte for byte. Computed with coreutils, not with our code:
 *   printf '%s' '2553928453557884079<RAW_BODY>1772438400000oa-secret' | sha256sum
 */
const VECTOR = {
  rawBody:
    '{"app_id":"2553928453557884079","event_name":"user_send_text","timestamp":"1772438400000","sender":{"id":"6142494823456789012"},' +
    '"recipient":{"id":"3662729599332560487"},"message":{"msg_id":"a1b2c3d4e5f6","text":"Xin chào công đoàn"}}',
  mac: 'a467c99c593a4a4f4cdc969e5ef0cf5f097954947a59c74b842bf25b819b62cc',
};

describe('the Zalo signature against an independently computed vector', () => {
  const request = (mac: string) => ({ method: 'POST', query: {}, rawBody: Buffer.from(VECTOR.rawBody, 'utf8'), headers: { 'x-zevent-signature': `mac=${mac}` } });

  it('accepts the vector and computes the same mac', () => {
    expect(verifyZaloWebhook(request(VECTOR.mac), config, NOW)).toEqual({ kind: 'accepted' });
    expect(zaloSignature(config.appId, VECTOR.rawBody, '1772438400000', config.oaSecretKey)).toBe(VECTOR.mac);
  });

  it('refuses the vector with one hex digit changed, or the body with one byte changed', () => {
    const flipped = `${VECTOR.mac.slice(0, -1)}${VECTOR.mac.endsWith('c') ? 'd' : 'c'}`;
    expect(verifyZaloWebhook(request(flipped), config, NOW)).toMatchObject({ kind: 'rejected', status: 401 });
    const tampered = { ...request(VECTOR.mac), rawBody: Buffer.from(VECTOR.rawBody.replace('công đoàn', 'cong doan'), 'utf8') };
    expect(verifyZaloWebhook(tampered, config, NOW)).toMatchObject({ kind: 'rejected', status: 401 });
  });
});

describe('verifyZaloWebhook', () => {
  const event = { app_id: config.appId, event_name: 'user_send_text', timestamp: String(NOW.getTime()) };

  it('accepts sha256(app_id + raw body + timestamp + OA secret key), upper or lower case, with or without mac=', () => {
    expect(verifyZaloWebhook(signed(event), config, NOW)).toEqual({ kind: 'accepted' });
    const request = signed(event);
    request.headers['x-zevent-signature'] = request.headers['x-zevent-signature'].replace('mac=', '').toUpperCase();
    expect(verifyZaloWebhook(request, config, NOW)).toEqual({ kind: 'accepted' });
  });

  it('is a plain hash, not an HMAC: an HMAC of the same parts is refused', async () => {
    const { createHmac } = await import('node:crypto');
    const raw = JSON.stringify(event);
    const hmac = createHmac('sha256', config.oaSecretKey).update(config.appId + raw + event.timestamp).digest('hex');
    expect(verifyZaloWebhook({ method: 'POST', query: {}, rawBody: Buffer.from(raw), headers: { 'x-zevent-signature': `mac=${hmac}` } }, config, NOW)).toMatchObject({ status: 401 });
  });

  it('answers 403 to a correctly signed event of another app', () => {
    const other = { ...event, app_id: '1111111111' };
    expect(verifyZaloWebhook(signed(other), config, NOW)).toMatchObject({ kind: 'rejected', status: 403, code: 'CHANNEL_FORBIDDEN' });
  });

  it('refuses a replay older than a day', () => {
    const old = { ...event, timestamp: String(NOW.getTime() - 25 * 3_600_000) };
    expect(verifyZaloWebhook(signed(old), config, NOW)).toMatchObject({ status: 401, message: expect.stringContaining('timestamp') });
  });

  it('refuses validly signed junk timestamps instead of taking them for now (issue #13)', () => {
    for (const timestamp of ['0', '-1', 'abc', '1e30', '', '99999999999999999999', String(NOW.getTime() / 1000 + 0.5)]) {
      expect(verifyZaloWebhook(signed({ ...event, timestamp }), config, NOW)).toMatchObject({ kind: 'rejected', status: 401 });
    }
    expect(verifyZaloWebhook(signed({ ...event, timestamp: 1e30 }), config, NOW)).toMatchObject({ kind: 'rejected', status: 401 });
    // Seconds are still accepted.
    expect(verifyZaloWebhook(signed({ ...event, timestamp: String(NOW.getTime() / 1000) }), config, NOW)).toEqual({ kind: 'accepted' });
  });

  it('refuses a body that cannot be verified', () => {
    const request = { method: 'POST', query: {}, rawBody: Buffer.from('not json'), headers: { 'x-zevent-signature': 'mac=00' } };
    expect(verifyZaloWebhook(request, config, NOW)).toMatchObject({ status: 401 });
  });
});
