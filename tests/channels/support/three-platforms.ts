import { FakeMessengerServer } from '../../fakes/fake-messenger-server.js';
import { FakeTelegramServer } from '../../fakes/fake-telegram-server.js';
import { FakeZaloServer } from '../../fakes/fake-zalo-server.js';

export const ZALO_TEST_APP = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
export const META_TEST_APP = { appSecret: 'meta-app-secret', pageAccessToken: 'EAAG-page-token', pageId: '105301234567890', appId: '9007199254740993' };

/** Fake Zalo, Telegram and Messenger servers, started together, and the environment that points the platform at them. */
export interface ThreePlatforms {
  zalo: FakeZaloServer;
  telegram: FakeTelegramServer;
  meta: FakeMessengerServer;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Each suite passes its own Telegram bot token and secret, so parallel suites never share a bot. */
export async function startThreePlatforms(telegramBot: { token: string; secret: string }): Promise<ThreePlatforms> {
  const zalo = await FakeZaloServer.start(ZALO_TEST_APP);
  const telegram = await FakeTelegramServer.start({ token: telegramBot.token });
  const meta = await FakeMessengerServer.start(META_TEST_APP);
  const env = {
    ...zalo.platformEnv(),
    TELEGRAM_BOT_TOKEN: telegramBot.token,
    TELEGRAM_WEBHOOK_SECRET: telegramBot.secret,
    TELEGRAM_API_ROOT: telegram.url,
    MESSENGER_APP_SECRET: META_TEST_APP.appSecret,
    MESSENGER_VERIFY_TOKEN: 'verify-me-123',
    MESSENGER_PAGE_ACCESS_TOKEN: META_TEST_APP.pageAccessToken,
    MESSENGER_APP_ID: META_TEST_APP.appId,
    MESSENGER_API_BASE_URL: meta.url,
  };
  return {
    zalo,
    telegram,
    meta,
    env,
    close: async () => {
      await zalo.close();
      await telegram.close();
      await meta.close();
    },
  };
}
