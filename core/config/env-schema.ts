import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { fieldIssuesFromZod } from '../errors/zod-issues.js';
import { DEFAULT_NLU_THRESHOLDS } from '../nlu/thresholds.js';
import { CrisisHotlinesSchema } from './crisis-hotlines.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : ['true', '1', 'yes'].includes(value)));
const integer = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
// 32 bytes: 43 base64/base64url characters (+ one `=`), or 64 hex digits.
const SECRETS_KEY_TEXT = /^(?:[A-Za-z0-9+/_-]{43}=?|[0-9a-fA-F]{64})$/;
const ratio = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

/**
 * Every environment variable the platform reads, validated once at boot (nothing else reads process.env).
 * Defaults give the embedded platform: PGlite under ./data, in-process queue, web chat, demo organisation.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000, 0).refine((port) => port <= 65_535, 'PORT must be at most 65535'),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  /** Connections per process; each in-flight webhook write holds one until its commit. */
  DATABASE_POOL_SIZE: integer(20, 1),
  /** How long a request waits for a PostgreSQL connection; past it (server down, unreachable, pool exhausted) it gets 503 + Retry-After. */
  DATABASE_CONNECT_TIMEOUT_MS: integer(3000, 100),
  /** After a PostgreSQL connection failure, requests fail at once (503) for this long, then one probe at a time tries; 0 = off. */
  DATABASE_CIRCUIT_OPEN_MS: integer(2000, 0),
  /**
   * Server and worker: a statement running longer is cancelled by PostgreSQL, and one with no answer at all a second
   * later (a partitioned network, a frozen server) fails and opens the circuit (503 + Retry-After). 0 = no limit.
   * The CLI (long rebuilds) and migrations run without it.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: integer(10_000, 0),
  /**
   * The same limit for the dashboards' and reports' heavy reads and the daily mood jobs, which run on a small pool of
   * their own (a national year computed for the first time may take tens of seconds). 0 = no limit.
   */
  DATABASE_ANALYTICS_TIMEOUT_MS: integer(120_000, 0),
  REDIS_URL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs admin session tokens; generated and stored in the database when unset. */
  JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'JWT_SECRET must be at least 32 characters'),
  /**
   * The key that encrypts the secrets stored in the database (session signing key, OAuth tokens): 32 random
   * bytes in base64 or hex. Unset: a key is generated into `DATA_DIR/secrets.key` (with a warning).
   */
  SECRETS_KEY: optionalString.refine((v) => v === undefined || SECRETS_KEY_TEXT.test(v), 'SECRETS_KEY must be 32 random bytes in base64 (44 characters) or hex (64)'),
  /** Older keys (comma-separated) that still open stored secrets while they are re-encrypted with SECRETS_KEY. */
  SECRETS_KEY_PREVIOUS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((key) => SECRETS_KEY_TEXT.test(key.trim())),
    'SECRETS_KEY_PREVIOUS must be comma-separated keys of the SECRETS_KEY form',
  ),
  /** Run the queue workers inside the server process (set false when `npm run worker` runs them). */
  WORKERS_IN_PROCESS: flag(true),
  DEMO_SEED: flag(true),
  LAW_CORPUS_PATH: optionalString,
  FAQ_STARTER_PACK: flag(true),
  /** Trained models (NLU versions and the active pointer under MODEL_DIR/nlu); default `<DATA_DIR>/models`. */
  MODEL_DIR: optionalString,
  /** One NLU model file to run instead of the active version (read-only deployments, experiments). */
  NLU_MODEL_PATH: optionalString,
  /** With no active and no shipped model, train one at start (locked across processes); otherwise refuse to start. */
  NLU_TRAIN_IF_MISSING: flag(false),
  NLU_MIN_ROUTE_CONFIDENCE: ratio(DEFAULT_NLU_THRESHOLDS.route),
  NLU_MIN_TOPIC_CONFIDENCE: ratio(DEFAULT_NLU_THRESHOLDS.topic),
  NLU_SERIOUS_NEGATIVE_CONFIDENCE: ratio(DEFAULT_NLU_THRESHOLDS.seriousNegative),
  /** Mental-health lines in the crisis reply, `Tên:số;Tên:số` (115 is always given, 111 only to minors). */
  CRISIS_HOTLINES: CrisisHotlinesSchema,
  /** While a member waits for or talks with an officer, at most one "your message reached them" note per this many minutes. */
  HANDOFF_ACK_INTERVAL_MINUTES: integer(10, 1),
  /** A reply typed by staff in Meta's Page inbox (or Zalo's OA manager) holds the conversation this long, then the bot answers again. */
  PAGE_ECHO_TAKEOVER_MINUTES: integer(30, 1),
  K_ANONYMITY: integer(5, 2),
  /**
   * Months a member's raw messages (and officers' notes, the learning queue's copies) are kept, counted in whole Vietnam
   * days; older ones are deleted by the daily privacy job and `congdoan privacy purge`. 0 keeps them forever.
   */
  RETENTION_MESSAGE_MONTHS: integer(24, 0),
  /**
   * Law 91/2025/QH15: `ask` shows members the privacy notice on first contact on every channel and records their
   * consent or refusal; `off` does not ask (a deployment that collects consent elsewhere; most test suites).
   */
  PRIVACY_CONSENT: z.enum(['ask', 'off']).default('ask'),
  /** The full privacy notice served at /quyen-rieng-tu: a UTF-8 text file (blank line = new paragraph, `# ` = heading); unset = the shipped text. */
  PRIVACY_NOTICE_FILE: optionalString,
  /** The version recorded with each consent; unset = the first 12 hex digits of the notice text's SHA-256, so a changed text is a new version. */
  PRIVACY_NOTICE_VERSION: optionalString,
  /** What is kept of a message of a member without consent besides its row: `none` (default) or `labels` (route, topic, sentiment; never words). */
  PRIVACY_NO_CONSENT_KEEP: z.enum(['none', 'labels']).default('none'),
  /** Members may join an upper-level union by its code (CĐ cấp trên, LĐLĐ tỉnh/ngành) when they do not know their grassroots one. */
  MEMBER_JOIN_UPPER_LEVELS: flag(true),
  /** Wrong link codes accepted per hour from one network address (web chat) and platform-wide, before /lienket refuses. */
  LINK_MAX_FAILURES_PER_ADDRESS: integer(20, 1),
  LINK_MAX_FAILURES_GLOBAL: integer(200, 1),
  /** The unit whose inbox and learning queue see members without a union; unset = the top unit. */
  INTAKE_UNIT_CODE: optionalString,
  INBOUND_LEASE_MS: integer(15_000, 100),
  OUTBOUND_MAX_ATTEMPTS: integer(6, 1),
  /** Failed turns after which a member message is set aside as `failed` (dead-letter view) so its conversation goes on. */
  INBOUND_MAX_ATTEMPTS: integer(5, 1),
  RETRY_BACKOFF_MS: integer(1000, 1),
  SWEEP_INTERVAL_MS: integer(5000, 50),
  /** How long the acknowledgement waits for the queue (Redis); past it the message is stored and the sweep enqueues it later. */
  ENQUEUE_TIMEOUT_MS: integer(250, 10),
  /** Group commit of the acknowledgement: messages of concurrent requests stored by one statement, at most this many. */
  INGEST_BATCH_MAX: integer(200, 1),
  /** How long the first message of a batch waits for others before its commit (ms; 0 = next turn of the event loop). */
  INGEST_BATCH_WAIT_MS: integer(2, 0),
  /** Flood limit: messages one sender (web chat session, platform user) may send per window; 0 turns it off. */
  FLOOD_MAX_MESSAGES: integer(20, 0),
  FLOOD_WINDOW_MS: integer(60_000, 1000),
  WORKER_CONCURRENCY: integer(8, 1),
  /**
   * Embedded database only: the turns of up to this many conversations are claimed, loaded and committed together
   * (D-embedded-speed-2); 1 = one turn at a time, as on PostgreSQL.
   */
  INBOUND_BATCH_MAX: integer(24, 1),
  /**
   * Embedded database only, a debugging aid: every statement's SQL text sent to PGlite is appended to this file (one
   * line each). Parameters (members' messages, names) are never written, but the file still shows what was done
   * when: refused under NODE_ENV=production (see `parseEnv`).
   */
  DB_STATEMENT_LOG: optionalString,
  /** `npm run worker` only: serve /healthz, /readyz and /metrics on this port (liveness/readiness of worker processes); unset = none. */
  WORKER_HEALTH_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(65_535).optional()),
  /** How often a process compares its FAQ/law/model versions with the database (Redis pub/sub normally tells it at once). */
  KNOWLEDGE_POLL_MS: integer(5000, 100),
  MAX_BODY_BYTES: integer(256 * 1024, 1024),
  QUEUE_PREFIX: z.string().default('cd'),
  // LLM (any OpenAI-compatible server)
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: integer(20_000, 100),
  EMBEDDING_MODEL_PATH: optionalString,
  // Zalo Official Account (Open API v3, OAuth v4)
  ZALO_APP_ID: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_ID: optionalString,
  ZALO_REFRESH_TOKEN: optionalString,
  ZALO_API_BASE_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE_URL: z.string().url().default('https://oauth.zaloapp.com'),
  /** ZBS template type (e.g. `transaction_event`) for officer replies 7 days to 1 year after the member's last message; unset = such replies are held. */
  ZALO_TRANSACTION_TEMPLATE: optionalString,
  // Facebook Messenger
  MESSENGER_APP_SECRET: optionalString,
  MESSENGER_VERIFY_TOKEN: optionalString,
  MESSENGER_PAGE_ACCESS_TOKEN: optionalString,
  MESSENGER_API_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  /** Our Meta app id: echoes carrying it are our own sends; others were typed by staff in the Page inbox. */
  MESSENGER_APP_ID: optionalString,
  /** The Page id for `/{PAGE_ID}/messages`; unset = `me` (the Page of the access token). */
  MESSENGER_PAGE_ID: optionalString,
  MESSENGER_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'MESSENGER_API_VERSION looks like v25.0').default('v25.0'),
  // Telegram
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  /** The bot's @username (without @): builds `t.me/<username>?start=CODE` join links without calling getMe. */
  TELEGRAM_BOT_USERNAME: optionalString,
  // Bot Framework (optional, isolated)
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  /** Set for a single-tenant Azure bot registration; unset = multi-tenant. */
  MICROSOFT_APP_TENANT_ID: optionalString,
});

export type Env = z.infer<typeof EnvSchema>;

/** Debugging aids that must not run on a production deployment: a forgotten variable stops the boot instead. */
function refuseDebuggingInProduction(env: Env, context: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && env.DB_STATEMENT_LOG !== undefined) {
    context.addIssue({ code: 'custom', path: ['DB_STATEMENT_LOG'], message: 'DB_STATEMENT_LOG is a debugging aid, refused when NODE_ENV=production' });
  }
}

/** Parses the environment; a bad variable stops the boot with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.superRefine(refuseDebuggingInProduction).safeParse(source);
  if (result.success) return result.data;
  const fields = fieldIssuesFromZod(result.error);
  throw new AppError('CONFIG_INVALID', `invalid configuration: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}
