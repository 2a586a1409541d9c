import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { channelDeliveries, messages } from '../../bots/storage/schema/index.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { testBackends, type TestBackend } from '../support/backends.js';
import { expectStable } from '../support/settle.js';
import { prepareRestartableCluster } from '../support/restartable-cluster.js';
import type { SpawnedProcess } from '../support/spawned-process.js';
import { waitUntil } from '../support/test-platform.js';

const TG = { token: '7000001:test-token', secret: 'crash_send_secret' };

/**
 * Issue #13 finding 7 (D-hardening-7): the worker is killed (SIGKILL) while Telegram holds its sendMessage call — the
 * platform got the reply, the worker never heard back. Nothing can tell whether the member saw it (Telegram takes no
 * idempotency key), so the rule is explicit: the restarted worker sends it again, once (a rare duplicate, never a
 * lost reply); the reply is stored once and marked sent once; no third send follows.
 */
describe.each(testBackends())('a worker killed during a Telegram send on $name', (backend: TestBackend) => {
  let telegram: FakeTelegramServer;
  let dir: string;
  const children: SpawnedProcess[] = [];

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: TG.token });
    dir = mkdtempSync(join(tmpdir(), 'cd-crash-send-'));
  });
  afterAll(async () => {
    for (const child of children) await child.kill('SIGKILL');
    await telegram.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the ambiguous reply once more after the restart, and stores it once', async () => {
    const cluster = await prepareRestartableCluster(backend, {
      dir,
      children,
      queuePrefix: 'crashsend',
      env: {
        INBOUND_LEASE_MS: '3000',
        SWEEP_INTERVAL_MS: '300',
        FAQ_STARTER_PACK: 'true',
        LAW_CORPUS_PATH: 'tests/.tmp/no-corpus-here.jsonl',
        PRIVACY_CONSENT: 'off',
        TELEGRAM_BOT_TOKEN: TG.token,
        TELEGRAM_WEBHOOK_SECRET: TG.secret,
        TELEGRAM_API_ROOT: telegram.url,
      },
    });
    const { port, split, start, ready } = cluster;

    // The first sendMessage reaches Telegram and is never answered.
    telegram.failNext('/sendMessage', 1, { status: 200, json: null, before: () => new Promise<void>(() => undefined) });
    let processes = start();
    await ready();
    const delivered = await telegram.deliver(`http://127.0.0.1:${port}/webhooks/telegram`, telegram.textUpdate(424242, 'xin chào'), TG.secret);
    expect(delivered.status).toBe(200);
    await waitUntil(async () => telegram.callsTo('/sendMessage').length >= 1, 90_000, 'the reply to reach Telegram');
    await processes.at(-1)!.kill('SIGKILL');
    if (split) await processes[0]!.kill('SIGTERM');

    processes = start();
    await ready();
    await waitUntil(async () => telegram.sentMessages().length >= 1, 90_000, 'the reply sent again after the restart');
    // Exactly one resend: watch the calls stay as they are.
    const calls = await expectStable(async () => telegram.callsTo('/sendMessage').length, 'the sendMessage calls', 2000);
    for (const child of processes) await child.kill('SIGTERM');

    expect(calls).toBe(2);
    const [ambiguous, resent] = telegram.callsTo('/sendMessage');
    expect(resent?.body?.text).toBe(ambiguous?.body?.text);
    const database = await cluster.openDatabase();
    try {
      const outbound = await database.db.select().from(messages).where(eq(messages.direction, 'out'));
      expect(outbound).toHaveLength(1);
      expect(outbound[0]?.status).toBe('sent');
      const parts = await database.db.select().from(channelDeliveries).where(eq(channelDeliveries.outboundMessageId, outbound[0]!.id));
      expect(parts.map((p) => p.status)).toEqual(['sent']);
    } finally {
      await database.close();
    }
  }, 300_000);
});
