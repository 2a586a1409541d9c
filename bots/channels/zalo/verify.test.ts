import { verifyZaloWebhook, zaloSignature } from './verify.js';

const config = { appId: '2553928453557884079', oaSecretKey: 'oa-secret' };
const NOW = new Date('2026-03-02T08:00:00Z');

function signed(body: Record<string, unknown>, secret = config.oaSecretKey, appId = String(body.app_id)) {
  const raw = JSON.stringify(body);
  return { method: 'POST', query: {}, rawBody: Buffer.from(raw), headers: { 'x-zevent-signature': `mac=${zaloSignature(appId, raw, String(body.timestamp), secret)}` } };
}

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

  it('refuses a body that cannot be verified', () => {
    const request = { method: 'POST', query: {}, rawBody: Buffer.from('not json'), headers: { 'x-zevent-signature': 'mac=00' } };
    expect(verifyZaloWebhook(request, config, NOW)).toMatchObject({ status: 401 });
  });
});
