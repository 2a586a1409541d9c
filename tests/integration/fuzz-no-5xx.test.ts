import { createHash, createHmac, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { conversations, messages } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { listRoutes, type RouteEntry } from '../support/route-table.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue #13's general rule, property-based: no input anyone can send reaches a 5xx. Every route of the app (read
 * from its routers: webhooks with valid signatures over fuzzed bodies, Bot Framework, web chat and its stream, the
 * admin API with and without auth by cookie or bearer, the public pages) gets random JSON, strings with weird
 * Unicode, broken escapes, encodings, random header names and values, and garbage cookies; each answer is a
 * 2xx/3xx/4xx, a 4xx has the standard error shape, a refused write or delivery leaves the stored tables as they
 * were, and the server is healthy at the end. Twice per backend: the test settings and production-like ones
 * (privacy notice asked, flood limit on). Runs are seeded by fast-check (the seed is printed on failure).
 */
const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key' };
const META = { appSecret: 'meta-app-secret', pageId: '105301234567890' };
const TG = { token: '123456:TEST-token', secret: 'tg-webhook_secret-42' };
const RUNS = 40;
/** Tables a refused write must leave as they were (sessions and the audit log may record the refusal itself). */
const STORED_TABLES = [
  'messages', 'conversations', 'members', 'channel_identities', 'inbound_dedupe', 'faq_entries', 'faq_changes', 'faq_entry_versions', 'faq_proposals',
  'nlu_reviewed_labels', 'conversation_notes', 'handoffs', 'unanswered_questions', 'mood_alert_events', 'channel_link_codes', 'units', 'users',
] as const;
/** The default test settings, and production's: the privacy notice asked, the flood limit on, a public address. */
const PROFILES: { profile: string; env: Record<string, string>; runs: { webchat: number; webhooks: number; routes: number } }[] = [
  { profile: 'test settings', env: {}, runs: { webchat: RUNS, webhooks: RUNS, routes: RUNS * 5 } },
  { profile: 'production-like settings', env: { PRIVACY_CONSENT: 'ask', FLOOD_MAX_MESSAGES: '20', PUBLIC_BASE_URL: 'https://congdoan.example' }, runs: { webchat: RUNS / 2, webhooks: RUNS / 4, routes: RUNS * 2 } },
];

// Strings that break naive code: NUL, lone surrogates, broken % escapes, decomposed Vietnamese, huge numbers.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ud800', '\udc00x', '%E0%A4%A', '%', '%%', '%ZZ', '1e30', '-1', '0', 'NaN', '9'.repeat(40), 'Nguyê\u0302n', '../../etc/passwd', '<script>', '{"a":', 'null', '\u202e', '😀'.repeat(50)),
  fc.string({ maxLength: 20 }),
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(nasty, tie('value'), { maxKeys: 5 })),
})).value;
const body = fc.oneof(
  jsonish.map((v) => JSON.stringify(v) ?? 'null'),
  nasty,
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constant('{"sessionId":"' + '0'.repeat(70_000) + '"}'),
);
const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
// fetch itself refuses to send these (or they would break the framing): everything else is fair game.
const UNSENDABLE = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection', 'http2-settings']);
const headerName = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9!#$&'*+.^_`|~-]{1,24}$/),
    fc.constantFrom('accept', 'accept-encoding', 'accept-language', 'content-type', 'content-encoding', 'range', 'if-none-match', 'if-modified-since', 'origin', 'referer', 'sec-fetch-site', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-hub-signature-256', 'x-zevent-signature', 'x-telegram-bot-api-secret-token', 'last-event-id', 'x-junk'),
  )
  .filter((name) => !UNSENDABLE.has(name.toLowerCase()));

/** A URL component: escapes-looking strings go in raw (so `%E0%A4%A` arrives malformed), the rest escaped. */
function encode(value: string): string {
  if (/^[%0-9A-Za-z]+$/.test(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return '%E0%A4%A';
  }
}

/** A route template with its parameters filled: a real id, a fresh UUID or a fuzzed string (escaped, or raw if it looks like an escape). */
function fillPath(template: string, params: string[], known: (name: string, before: string) => string): string {
  let i = 0;
  const next = () => params[i++ % params.length] ?? 'known';
  const fill = (name: string, before: string) => {
    const value = next();
    if (value === 'known') return known(name, before);
    if (value === 'uuid') return randomUUID();
    return encode(value) || 'x';
  };
  return template
    .replace(/\{\.:format\}/, () => (next() === 'known' ? '' : `.${fill('format', '')}`))
    .replace(/\*splat/, () => fill('splat', ''))
    .replace(/:([A-Za-z]+)/g, (_match, name: string, offset: number) => fill(name, template.slice(0, offset).split('/').filter(Boolean).at(-1) ?? ''));
}

const backendsAndProfiles = testBackends().flatMap((backend) => PROFILES.map((profile) => ({ ...backend, ...profile })));

describe.each(backendsAndProfiles)('no input reaches a 5xx on $name with $profile', ({ env: profileEnv, runs, ...backend }) => {
  let t: TestPlatform;
  let token: string;
  let spareTokens: string[] = [];
  const statuses: number[] = [];

  beforeAll(async () => {
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({}),
      knowledge: createEchoKnowledge(),
      env: {
        ZALO_APP_ID: ZALO.appId, ZALO_OA_ID: ZALO.oaId, ZALO_OA_SECRET_KEY: ZALO.oaSecretKey, ZALO_APP_SECRET: 'app-secret', ZALO_REFRESH_TOKEN: 'rt',
        ZALO_API_BASE_URL: 'http://127.0.0.1:9', ZALO_OAUTH_BASE_URL: 'http://127.0.0.1:9',
        MESSENGER_APP_SECRET: META.appSecret, MESSENGER_VERIFY_TOKEN: 'verify-me-123', MESSENGER_PAGE_ACCESS_TOKEN: 'EAAG', MESSENGER_API_BASE_URL: 'http://127.0.0.1:9',
        TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        // Bot Framework's SDK checks the caller's token itself: without one it refuses before any network call.
        MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'bf-password',
        MAX_BODY_BYTES: '65536',
        // The sends go nowhere: the fuzz is about the edge, not the replies.
        OUTBOUND_MAX_ATTEMPTS: '1',
        ...profileEnv,
      },
      startWorkers: false,
    });
    const tokens = await createAccounts(t, [['fuzz@tld.vn', 'TLD', 'admin'], ['spare1@tld.vn', 'TLD', 'admin'], ['spare2@tld.vn', 'TLD', 'leader']]);
    token = tokens['fuzz@tld.vn'] as string;
    spareTokens = [tokens['spare1@tld.vn'] as string, tokens['spare2@tld.vn'] as string];
  });
  afterAll(async () => t?.close());

  async function expectNo5xx(response: Response, what: string): Promise<void> {
    statuses.push(response.status);
    // A stream (the SSE routes) answered 200 with its headers: that is the answer; the stream itself never ends.
    if (response.status < 300 && response.headers.get('content-type')?.includes('text/event-stream')) {
      await response.body?.cancel();
      return;
    }
    const text = await response.text();
    // A 503 DEPENDENCY_UNAVAILABLE says how the process is configured (this platform starts without a law corpus),
    // whatever the input: it is the honest answer, not a crash. Any other 5xx is a bug the input found.
    const unconfigured = response.status === 503 && text.includes('"DEPENDENCY_UNAVAILABLE"');
    if (response.status >= 500 && !unconfigured) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 300)}`);
    if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') throw new Error(`${what}: ${response.status} without the standard error shape: ${text.slice(0, 200)}`);
    }
  }
  const storedCounts = async () => {
    const columns = sql.join(STORED_TABLES.map((table) => sql`(select count(*) from ${sql.identifier(table)})::int as ${sql.identifier(table)}`), sql`, `);
    return (await executeRows<Record<string, number>>(t.database.db, sql`select ${columns}`))[0];
  };

  /** Real ids for the parameters, so that some requests get past "not found" into the handlers' checks. */
  async function seedKnownIds(): Promise<(name: string, before: string) => string> {
    const sessionId = randomUUID();
    await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: 'lương tháng này chậm' }) });
    const [inbound] = await t.database.db.select().from(messages).where(and(eq(messages.channel, 'web'), eq(messages.direction, 'in'))).limit(1);
    const [conversation] = inbound ? await t.database.db.select().from(conversations).where(eq(conversations.id, inbound.conversationId)) : [];
    const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${t.baseUrl}/api/admin/faq`, { method: 'POST', headers: bearer, body: JSON.stringify({ id: 'fuzz-luong-cham', topic: 'wages', question: 'Lương trả chậm thì sao?', variants: [], answer: 'Người lao động được trả lãi.', citations: [], status: 'draft' }) });
    const faq = created.ok ? ((await created.json()) as { id: string; changeId: string }) : null;
    const proposed = await fetch(`${t.baseUrl}/api/admin/faq/proposals`, { method: 'POST', headers: bearer, body: JSON.stringify({ kind: 'retire', entryId: faq?.id ?? 'x', note: 'thử' }) });
    const proposal = proposed.ok ? ((await proposed.json()) as { id: string }) : null;
    const byCollection: Record<string, string | undefined> = {
      conversations: inbound?.conversationId, faq: faq?.id, members: conversation?.memberId ?? undefined, proposals: proposal?.id,
    };
    const byName: Record<string, string | undefined> = {
      messageId: inbound?.id, changeId: faq?.changeId, code: 'TLD', unit: 'TLD', file: '2026-11.csv', action: 'acknowledge', channel: 'telegram', format: 'csv', splat: 'faq',
    };
    return (name, before) => (name === 'id' ? byCollection[before] : byName[name]) ?? randomUUID();
  }

  const inboundCount = async () => ((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.direction, 'in')))[0]?.n ?? 0);

  it('web chat: fuzzed bodies, content types and encodings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(body, fc.record({ sessionId: fc.oneof(fc.uuid(), nasty), clientMessageId: fc.oneof(fc.uuid(), nasty), text: nasty, unitCode: fc.option(nasty), displayName: fc.option(nasty) }).map((v) => JSON.stringify(v))),
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', ''),
        fc.constantFrom(undefined, 'gzip', 'br', 'deflate', 'x-unknown'),
        async (raw, type, encoding) => {
          const before = await inboundCount();
          const headers: Record<string, string> = { ...(type ? { 'content-type': type } : {}), ...(encoding ? { 'content-encoding': encoding } : {}) };
          const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers, body: raw });
          const status = response.status;
          await expectNo5xx(response, 'POST /api/webchat/messages');
          if (status >= 400) expect(await inboundCount()).toBe(before);
        },
      ),
      { numRuns: runs.webchat },
    );
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (sessionId, after) => {
        await expectNo5xx(await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${encode(sessionId)}&after=${encode(after)}`), 'GET /api/webchat/history');
      }),
      { numRuns: runs.webchat / 2 },
    );
  });

  it('webhooks: valid signatures over fuzzed bodies, and bad signatures; a refusal stores nothing', async () => {
    // A refused delivery (a 4xx) leaves every table as it was; a 429 flood refusal may queue its one kind notice.
    const check = async (url: string, init: RequestInit, what: string) => {
      const before = await storedCounts();
      const response = await fetch(url, init);
      const status = response.status;
      await expectNo5xx(response, what);
      if (status >= 400 && status !== 429) expect({ what, counts: await storedCounts() }).toEqual({ what, counts: before });
    };
    await fc.assert(
      fc.asyncProperty(body, jsonish, nasty, fc.boolean(), async (raw, event, timestamp, validSignature) => {
        // Zalo signs app_id + body + timestamp: a fuzzed event around a real app id and a fuzzed timestamp.
        const zaloRaw = JSON.stringify({ app_id: ZALO.appId, timestamp, event_name: 'user_send_text', sender: event, message: event });
        const mac = createHash('sha256').update(ZALO.appId + zaloRaw + timestamp + (validSignature ? ZALO.oaSecretKey : 'x')).digest('hex');
        await check(`${t.baseUrl}/webhooks/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` }, body: zaloRaw }, 'zalo');
        await check(`${t.baseUrl}/webhooks/zalo`, { method: 'POST', headers: { 'x-zevent-signature': 'mac=00' }, body: raw }, 'zalo raw');
        // Messenger signs the raw bytes: any body can carry a valid signature.
        const hub = `sha256=${createHmac('sha256', validSignature ? META.appSecret : 'x').update(raw).digest('hex')}`;
        await check(`${t.baseUrl}/webhooks/messenger`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hub }, body: raw }, 'messenger');
        const page = JSON.stringify({ object: 'page', entry: [{ id: META.pageId, time: Date.now(), messaging: [{ sender: { id: event }, recipient: { id: META.pageId }, timestamp, message: { mid: event, text: event } }] }] });
        const pageSig = `sha256=${createHmac('sha256', META.appSecret).update(page).digest('hex')}`;
        await check(`${t.baseUrl}/webhooks/messenger`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': pageSig }, body: page }, 'messenger event');
        // Telegram: the secret header, then any update.
        const update = JSON.stringify({ update_id: 1, message: { message_id: event, date: timestamp, chat: { id: event, type: 'private' }, from: { id: event, is_bot: false, first_name: event }, text: event } });
        await check(`${t.baseUrl}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': validSignature ? TG.secret : 'nope' }, body: update }, 'telegram update');
        await check(`${t.baseUrl}/webhooks/telegram`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': TG.secret }, body: raw }, 'telegram raw');
        await check(`${t.baseUrl}/webhooks/messenger?hub.mode=${encode(String(timestamp))}&hub.verify_token=${encode(String(timestamp))}&hub.challenge=1`, {}, 'messenger handshake');
        // Bot Framework: the SDK authenticates the caller; an unsigned or forged activity is refused, nothing stored.
        await check(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(validSignature ? {} : { authorization: `Bearer ${encode(String(timestamp))}` }) }, body: raw }, 'bot framework');
      }),
      { numRuns: runs.webhooks },
    );
  });

  /**
   * Every route of the app, read from its routers (tests/support/route-table.ts): a route added later is fuzzed
   * without touching this file, and `the route table` below fails if the reading itself ever misses the routes
   * issue #13's audit named. Parameters get a real id (so that requests reach the handlers' deeper branches), a
   * fresh UUID or a nasty string; each request carries random headers (names too), a fuzzed body and one of the
   * ways to (not) be logged in.
   */
  it('every route: fuzzed parameters, bodies, queries, header names and values, cookies and tokens, logged in or not', async () => {
    const routes = listRoutes(t.platform.createHttpApp());
    const known = await seedKnownIds();
    const requested = new Set<string>();
    const answered = new Set<string>();
    const param = fc.oneof(fc.constant('known'), fc.constant('uuid'), nasty);
    const auth = fc.constantFrom('bearer', 'cookie', 'cookie-foreign-origin', 'cookie-extra', 'none', 'forged', 'garbage-cookie', 'expired-shape');
    const request = fc.record({
      params: fc.array(param, { minLength: 4, maxLength: 4 }),
      query: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'limit', 'cursor', 'from', 'to', 'status', 'unit', 'unitCode', 'mode', 'text', 'k', 'topic', 'owner', 'after', 'token', 'period', 'sessionId', 'lawId', 'articleNo', 'format', 'year', 'month'), nasty, { maxKeys: 4 })),
      body,
      auth,
      headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
    });
    const hit = async (route: RouteEntry, r: typeof request extends fc.Arbitrary<infer T> ? T : never) => {
      const path = fillPath(route.path, r.params, known);
      requested.add(`${route.method} ${route.path}`);
      const search = new URLSearchParams(r.query).toString();
      const headers: Record<string, string> = { 'content-type': 'application/json', ...r.headers };
      // Logout with a working token would end the session the rest of the run uses: it gets a spare one.
      const valid = route.path === '/api/admin/logout' ? (spareTokens.pop() ?? 'spent') : token;
      if (r.auth === 'bearer') headers.authorization = `Bearer ${valid}`;
      if (r.auth === 'cookie') headers.cookie = `cd_session=${valid}`;
      if (r.auth === 'cookie-foreign-origin') Object.assign(headers, { cookie: `cd_session=${valid}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
      if (r.auth === 'cookie-extra') headers.cookie = `a=%E0%A4%A; cd_session=${valid}; cd_session=junk; ${encode(r.params[0] ?? '')}=${encode(r.params[1] ?? '')}`;
      if (r.auth === 'forged') headers.authorization = `Bearer ${encode(r.params[2] ?? 'x')}`;
      if (r.auth === 'garbage-cookie') headers.cookie = `cd_session=${encode(r.params[3] ?? '')}%E0%A4%A; other=${r.headers['x-junk'] ?? 'x'}`;
      if (r.auth === 'expired-shape') headers.authorization = `Bearer ${token.split('.').slice(0, 2).join('.')}.AAAA`;
      const before = route.method === 'GET' ? null : await storedCounts();
      const response = await fetch(`${t.baseUrl}${path}${search ? `?${search}` : ''}`, { method: route.method, headers, ...(route.method === 'GET' ? {} : { body: r.body }), signal: AbortSignal.timeout(20_000) });
      const status = response.status;
      if (status < 300) answered.add(`${route.method} ${route.path}`);
      await expectNo5xx(response, `${route.method} ${path}`);
      // A refused write stores nothing (a flood refusal's one kind notice to the member is the exception, by design).
      if (before !== null && status >= 400 && status !== 429) expect({ route: `${route.method} ${route.path}`, counts: await storedCounts() }).toEqual({ route: `${route.method} ${route.path}`, counts: before });
    };
    // First every route once per way of being (not) logged in, so that none is left to chance; then at random.
    // The plain request too (real ids, no query, an empty object): it gets past validation into the handler.
    const plain = { params: ['known', 'known', 'known', 'known'], query: {}, body: '{}', headers: {} };
    for (const route of routes) {
      for (const way of ['bearer', 'cookie', 'none'] as const) await hit(route, { ...fc.sample(request, 1)[0]!, auth: way });
      await hit(route, { ...plain, auth: 'bearer' });
    }
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), request, hit), { numRuns: runs.routes });
    expect(routes.filter((route) => !requested.has(`${route.method} ${route.path}`))).toEqual([]);
    // The logged-in plain requests got through to real answers on a good part of the routes (38 of 84 when written):
    // the run exercised handlers, not only the auth and validation in front of them.
    expect(answered.size).toBeGreaterThanOrEqual(30);
  });

  it('the route table is read from the routers and holds every route the audit named', () => {
    const listed = new Set(listRoutes(t.platform.createHttpApp()).map((route) => `${route.method} ${route.path}`));
    const named = [
      'POST /api/admin/conversations/:id/claim', 'POST /api/admin/conversations/:id/close', 'POST /api/admin/conversations/:id/notes', 'POST /api/admin/conversations/:id/read',
      'POST /api/admin/conversations/:id/return', 'POST /api/admin/conversations/:id/transfer', 'GET /api/admin/conversations/:id/transfer-targets',
      'GET /api/admin/conversations/:id/suggestion', 'POST /api/admin/conversations/:id/messages/:messageId/retry', 'DELETE /api/admin/members/:id',
      'GET /api/admin/members/:id/access-log', 'GET /api/admin/mood/alerts', 'GET /api/admin/mood/alerts/:id/history', 'POST /api/admin/mood/alerts/:id/:action',
      'GET /api/admin/mood/examples', 'GET /api/admin/mood/report.:format', 'GET /api/admin/mood/reports', 'GET /api/admin/units/:code/office-hours',
      'PUT /api/admin/units/:code/office-hours', 'DELETE /api/admin/units/:code/office-hours', 'POST /api/admin/learning-queue/:id/dismiss',
      'POST /api/admin/learning-queue/:id/faq', 'POST /api/admin/learning-queue/:id/reopen', 'GET /api/admin/faq/export', 'POST /api/admin/faq/proposals/:id/reject',
      'POST /api/admin/me/notify-link', 'GET /api/admin/me/availability', 'GET /api/admin/events', 'GET /api/privacy/export', 'GET /quyen-rieng-tu', 'GET /luat',
      'GET /api/webchat/events', 'POST /api/messages', 'POST /webhooks/zalo', 'POST /webhooks/messenger', 'POST /webhooks/telegram', 'POST /api/webchat/messages',
    ];
    expect(named.filter((route) => !listed.has(route))).toEqual([]);
  });

  it('is still healthy and answering afterwards', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBeLessThan(500);
    const ok = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: 'xin chào' }) });
    expect(ok.status).toBe(202);
    expect(statuses.some((s) => s < 300)).toBe(true);
    expect(statuses.some((s) => s >= 400)).toBe(true);
  });
});
