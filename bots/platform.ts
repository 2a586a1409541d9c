import type { Express } from 'express';
import type { ChannelAdapter } from '../core/channels/channel-adapter.js';
import type { Env } from '../core/config/env-schema.js';
import { NOTIFY_CHANNELS } from '../core/contracts/inbox-api.js';
import { isAppError } from '../core/errors/app-error.js';
import type { JobQueue, JobRunner } from '../core/jobs/job-queue.js';
import type { KnowledgeService } from '../core/knowledge/answer.js';
import type { ChannelId } from '../core/messages/channels.js';
import type { MessageClassifier } from '../core/nlu/nlu-result.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createHandoffFactsRepository } from './storage/repositories/handoff-facts-repository.js';
import { INBOX_TOPIC, type InboxEventPublisher } from '../core/ports/inbox-events.js';
import type { Redactor } from '../core/ports/redactor.js';
import { createSessionTokens } from './auth/session-token.js';
import { createChannelModules } from './channels/create-channel-modules.js';
import type { ChannelModule, ChannelModuleDeps } from './channels/shared/channel-module.js';
import { isDatabaseUnavailable } from './storage/database-unavailable.js';
import { ensureMessagePartitions } from './storage/message-partitions.js';
import { isTransientConflict } from './storage/transient-conflict.js';
import { createRedisSendBudget } from './channels/shared/send-budget.js';
import { createApp } from './http/create-app.js';
import { createAuthRouter } from './http/routes/auth-routes.js';
import { createHealthRouter, type ReadinessCheck } from './http/routes/health-routes.js';
import { createUnitRouter } from './http/routes/unit-routes.js';
import { createLearningRouter } from './http/routes/learning-routes.js';
import { createFaqRouter, type SimilarFaq } from './http/routes/faq-routes.js';
import { createAuditRouter } from './http/routes/audit-routes.js';
import { createOfficeHoursRouter } from './http/routes/office-hours-routes.js';
import { createDeadLetterRouter } from './http/routes/dead-letter-routes.js';
import { createDeadLetterRepository } from './storage/repositories/dead-letter-repository.js';
import { createLawSearchRouter, type LawSearch } from './http/routes/law-search-routes.js';
import { createLawArticlePageRouter } from './http/routes/law-article-page.js';
import { createPrivacyNoticePageRouter } from './http/routes/privacy-notice-page.js';
import { loadPrivacyNotice } from './privacy/privacy-notice.js';
import { createFaqDesk } from './knowledge/faq-desk.js';
import { createKnowledgeSync } from './knowledge/knowledge-sync.js';
import { notifyUnitsChanged } from './storage/unit-change-bus.js';
import { createKnowledgeVersionRepository, type KnowledgeVersions } from './storage/repositories/knowledge-version-repository.js';
import { createFaqProposalRepository } from './storage/repositories/faq-proposal-repository.js';
import { createReviewedLabelRepository } from './storage/repositories/reviewed-label-repository.js';
import { createMemberRouter } from './http/routes/member-routes.js';
import { createInboxRouter } from './http/routes/inbox-routes.js';
import { createInboxMeRouter } from './http/routes/inbox-me-routes.js';
import { createInboxEventsRouter } from './http/routes/inbox-events-route.js';
import { createDeliveryAnnouncer } from './inbox/delivery-events.js';
import { createInboxPublisher } from './inbox/inbox-events.js';
import { createInboxQueue } from './inbox/inbox-queue.js';
import { createInboxService } from './inbox/inbox-service.js';
import { createListReadAudit } from './inbox/list-read-audit.js';
import { createOfficeHoursService } from './inbox/office-hours-service.js';
import { createInboxTurnHook, registerInboxWorkers, startInboxSweep } from './inbox/inbox-workers.js';
import { createInboxReadRepository } from './storage/repositories/inbox-read-repository.js';
import { createInboxWriteRepository } from './storage/repositories/inbox-write-repository.js';
import { createOfficerLinkRepository } from './storage/repositories/officer-link-repository.js';
import { createOfficerNotifier } from './inbox/officer-notices.js';
import { createMemberDataRepository } from './storage/repositories/member-data-repository.js';
import { createFaqRepository } from './storage/repositories/faq-repository.js';
import { createLawRepository } from './storage/repositories/law-repository.js';
import { createChannelEventHandler } from './ingest/channel-events.js';
import { createInProcessFloodCounter, createRedisFloodCounter } from './ingest/flood-counter.js';
import { createFloodGuard } from './ingest/flood-guard.js';
import { createIngestService, type ChannelEventHandler } from './ingest/ingest-service.js';
import { createMetrics } from './observability/metrics.js';
import { registerDatabaseCircuitMetrics } from './observability/database-circuit-metrics.js';
import { createBullMqQueue } from './queue/bullmq-queue.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import { createInProcessHub, createRedisHub, type RealtimeHub } from './realtime/realtime-hub.js';
import type { Database } from './storage/database.js';
import { createAdminSessionRepository } from './storage/repositories/admin-session-repository.js';
import { createAuditRepository } from './storage/repositories/audit-repository.js';
import { createChannelDeliveryRepository } from './storage/repositories/channel-delivery-repository.js';
import { createChannelThreadRefRepository } from './storage/repositories/channel-thread-ref-repository.js';
import { createChannelTokenRepository } from './storage/repositories/channel-token-repository.js';
import { createMemberDirectory } from './storage/repositories/channel-member-directory.js';
import { createHistoryRepository } from './storage/repositories/history-repository.js';
import { createMemoryLinkAttemptLimiter, createRedisLinkAttemptLimiter } from './storage/repositories/link-attempt-limiter.js';
import { createChannelHealthListener } from './channels/channel-health-listener.js';
import { createChannelHealthBoard } from './channels/channel-health-board.js';
import { createHeldReplyRepository } from './storage/repositories/held-reply-repository.js';
import { createIngestRepository } from './storage/repositories/ingest-repository.js';
import type { JoinPolicy } from './storage/repositories/unit-join.js';
import { createLearningRepository } from './storage/repositories/learning-repository.js';
import { createConversationRepository } from './storage/repositories/conversation-repository.js';
import { createInboundProcessingStore, createOutboundDeliveryStore } from './storage/repositories/processing-repository.js';
import { createRecoveryRepository } from './storage/repositories/recovery-repository.js';
import { createSettingsRepository } from './storage/repositories/settings-repository.js';
import type { SecretBox } from './secrets/secret-box.js';
import { createStoredSecrets } from './secrets/stored-secrets.js';
import { createMemberPseudonyms } from './privacy/member-pseudonyms.js';
import { convertLegacyMoodMembers } from './storage/repositories/mood-pseudonym-conversion.js';
import { createTurnOutcomeRepository } from './storage/repositories/turn-outcome-repository.js';
import { createUnitRepository } from './storage/repositories/unit-repository.js';
import { createUserRepository } from './storage/repositories/user-repository.js';
import { createMoodAlertRepository } from './storage/repositories/mood-alert-repository.js';
import { createMoodService } from './mood/mood-service.js';
import { createMoodRouter } from './http/routes/mood-routes.js';
import { createMoodAlertRouter } from './http/routes/mood-alert-routes.js';
import { registerMoodWorkers } from './mood/mood-workers.js';
import { createMoodWarmup } from './mood/mood-warmup.js';
import { createMoodViews, registerMoodViewWorker } from './mood/mood-view-jobs.js';
import { createMonthlyReports } from './mood/monthly-reports.js';
import { createMoodReportRepository } from './storage/repositories/mood-report-repository.js';
import { createHandoffStatsRepository } from './storage/repositories/handoff-stats-repository.js';
import { createMoodExampleRepository } from './storage/repositories/mood-example-repository.js';
import { registerRetentionWorkers } from './privacy/retention-workers.js';
import { registerErasureWorkers } from './privacy/erasure-workers.js';
import { createExportLinks } from './privacy/export-links.js';
import { createMemberPrivacy } from './privacy/member-privacy.js';
import { createPrivacyExportRouter } from './http/routes/privacy-export-route.js';
import { createRetentionRepository } from './storage/repositories/retention-repository.js';
import { startRecoverySweep } from './workers/recovery-sweep.js';
import { registerWorkers } from './workers/register-workers.js';

export interface PlatformDeps {
  env: Env;
  database: Database;
  logger: Logger;
  /** With `reload` (bots/nlu/load-classifier.ts) a model activation elsewhere switches this process's model. */
  classifier: MessageClassifier & { reload?(): Promise<unknown> };
  knowledge: KnowledgeService;
  /** Lets admin routes rebuild the FAQ matcher after edits; absent in tests that stub knowledge. */
  knowledgeAdmin?: { reloadFaq(): Promise<void>; reloadLaw?(): Promise<void>; searchLaw?: LawSearch; similarFaq?: SimilarFaq };
  /** The knowledge versions read before the knowledge and the model were loaded (default: read now). */
  knowledgeVersions?: KnowledgeVersions;
  redactor: Redactor;
  /** Seals the secrets kept in the database (bots/secrets: SECRETS_KEY or the key file in DATA_DIR). */
  secrets: SecretBox;
  clock?: Clock;
  /**
   * Builds the channel modules from what the root passes every channel (default: the registry,
   * bots/channels/create-channel-modules.ts: web chat, the CLI channel and every configured platform).
   */
  channels?: (deps: ChannelModuleDeps) => ChannelModule[];
  otherEvents?: ChannelEventHandler;
}

export type Platform = Awaited<ReturnType<typeof createPlatform>>;

/**
 * The one composition root: builds every concrete part from configuration and passes them explicitly.
 * The server, the worker process and the CLI all start from here, so they share the same wiring.
 */
export async function createPlatform(deps: PlatformDeps) {
  const { env, database, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.db;
  const metrics = createMetrics();
  registerDatabaseCircuitMetrics(metrics.registry, () => database.circuit.snapshot());

  // Secrets kept in the database are sealed with the secrets key; values stored in plain text by an older
  // version, or sealed with a previous key, are sealed again here before anything reads them. First of all,
  // so that a wrong key stops the start before any connection is opened.
  const settings = createSettingsRepository(db);
  const channelTokens = createChannelTokenRepository(db, deps.secrets);
  const storedSecrets = createStoredSecrets({ settings, channelTokens, box: deps.secrets, logger });
  await storedSecrets.sealAll();
  const jwtSecret = env.JWT_SECRET ?? (await storedSecrets.jwtSecret());
  // Mood rows carry members' pseudonyms, not their ids (D-privacy-6); rows of an older version are converted first.
  // On the analytics connections: each batch scans every member-day row, and a process starting beside another
  // waits on its batch's lock; the request path's 10-second statement limit would fail the start at scale.
  const pseudonyms = createMemberPseudonyms(await storedSecrets.moodPseudonymKey());
  await convertLegacyMoodMembers({ db: database.analyticsDb, pseudonyms, settings, logger });

  const queue: JobQueue & JobRunner & { ping?: () => Promise<void> } = env.REDIS_URL
    ? createBullMqQueue({ redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX, logger })
    : createInProcessQueue({ logger });
  const hub: RealtimeHub = env.REDIS_URL ? createRedisHub(env.REDIS_URL, `${env.QUEUE_PREFIX}:rt`, logger) : createInProcessHub();

  // Wrong link codes per address and platform-wide: in Redis when there is one, so every process counts every guess.
  const linkAttempts = env.REDIS_URL ? createRedisLinkAttemptLimiter(env.REDIS_URL, env.QUEUE_PREFIX, logger) : createMemoryLinkAttemptLimiter();
  const joinPolicy: JoinPolicy = { allowUpperLevels: env.MEMBER_JOIN_UPPER_LEVELS, intakeUnitCode: env.INTAKE_UNIT_CODE };
  const repositories = {
    units: createUnitRepository(db),
    users: createUserRepository(db),
    audit: createAuditRepository(db),
    settings,
    ingest: createIngestRepository(db, { joinPolicy }),
    heldReplies: createHeldReplyRepository(db),
    history: createHistoryRepository(db),
    recovery: createRecoveryRepository(db),
    learning: createLearningRepository(db, clock),
    faqProposals: createFaqProposalRepository(db, clock),
    reviewedLabels: createReviewedLabelRepository(db, clock),
    conversations: createConversationRepository(db),
    faqs: createFaqRepository(db, clock),
    laws: createLawRepository(db),
    memberData: createMemberDataRepository(db, pseudonyms),
    inbound: createInboundProcessingStore(db, {
      pseudonyms,
      moodThresholds: { route: env.NLU_MIN_ROUTE_CONFIDENCE, topic: env.NLU_MIN_TOPIC_CONFIDENCE },
      noConsentKeep: env.PRIVACY_NO_CONSENT_KEEP,
      exclusiveConnection: database.kind === 'pglite',
    }),
    moodAlerts: createMoodAlertRepository(db),
    moodReports: createMoodReportRepository(db),
    handoffStats: createHandoffStatsRepository(db),
    outbound: createOutboundDeliveryStore(db, { exclusiveConnection: database.kind === 'pglite', batched: database.kind === 'pglite' }),
    channelDeliveries: createChannelDeliveryRepository(db),
    channelTokens,
    channelThreadRefs: createChannelThreadRefRepository(db),
    turns: createTurnOutcomeRepository(db),
    inboxRead: createInboxReadRepository(db),
    inboxWrite: createInboxWriteRepository(db),
    officerLinks: createOfficerLinkRepository(db, { attemptLimiter: linkAttempts, maxFailuresPerAddress: env.LINK_MAX_FAILURES_PER_ADDRESS, maxFailuresGlobal: env.LINK_MAX_FAILURES_GLOBAL }),
  };

  const channelRepositories = { deliveries: repositories.channelDeliveries, tokens: repositories.channelTokens, threadRefs: repositories.channelThreadRefs, history: repositories.history };
  // One send budget per platform token for all processes (Redis): N workers do not spend N times the platform's limit.
  const sendBudget = env.REDIS_URL ? createRedisSendBudget(env.REDIS_URL, env.QUEUE_PREFIX, logger) : undefined;
  const channelHealth = createChannelHealthBoard(createChannelHealthListener({ heldReplies: repositories.heldReplies, queue, metrics, clock, logger }));
  const onChannelHealth = channelHealth.listener;
  const channelModules = (deps.channels ?? createChannelModules)({ env, clock, logger, repositories: channelRepositories, hub, onChannelHealth, ...(sendBudget ? { sendBudget } : {}) });
  const adapterMap = new Map<ChannelId, ChannelAdapter>();
  for (const module of channelModules) adapterMap.set(module.adapter.channel, module.adapter);
  const adapters = (channel: ChannelId) => adapterMap.get(channel);

  // Member commands (/donvi, /lienket) and channel events (echoes, follows, receipts) share the directory.
  const memberDirectory = createMemberDirectory(db, { joinPolicy, attemptLimiter: linkAttempts, maxLinkFailuresPerAddress: env.LINK_MAX_FAILURES_PER_ADDRESS, maxLinkFailuresGlobal: env.LINK_MAX_FAILURES_GLOBAL, onMembersMerged: () => repositories.ingest.forgetThreads(), pseudonyms });
  const otherEvents = deps.otherEvents ?? createChannelEventHandler({ db, clock, logger, directory: memberDirectory, echoTakeoverMinutes: env.PAGE_ECHO_TAKEOVER_MINUTES });
  const floodCounter = env.REDIS_URL ? createRedisFloodCounter(env.REDIS_URL, env.QUEUE_PREFIX, logger) : createInProcessFloodCounter();
  const flood = env.FLOOD_MAX_MESSAGES > 0 ? createFloodGuard({ counter: floodCounter, maxMessages: env.FLOOD_MAX_MESSAGES, windowMs: env.FLOOD_WINDOW_MS, clock, logger }) : undefined;
  const ingest = createIngestService({ ingestRepository: repositories.ingest, queue, clock, logger, metrics, otherEvents, enqueueTimeoutMs: env.ENQUEUE_TIMEOUT_MS, flood, heldReplies: repositories.heldReplies,
    // PGlite has one connection: one batch at a time (the next one gathers meanwhile); PostgreSQL takes a few at once.
    batch: { maxBatch: env.INGEST_BATCH_MAX, maxWaitMs: env.INGEST_BATCH_WAIT_MS, maxInFlight: database.kind === 'pglite' ? 1 : Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 4)) },
    runFirst: database.first });
  const tokens = createSessionTokens(jwtSecret, { sessions: createAdminSessionRepository(database.db), clock });

  const thresholds = { route: env.NLU_MIN_ROUTE_CONFIDENCE, topic: env.NLU_MIN_TOPIC_CONFIDENCE, seriousNegative: env.NLU_SERIOUS_NEGATIVE_CONFIDENCE };
  // Members' own data requests in chat (/taidulieu, /xoadulieu) and the download link they get (docs/privacy.md).
  const exportLinks = createExportLinks(jwtSecret, clock);
  const memberPrivacy = createMemberPrivacy({ memberData: repositories.memberData, audit: repositories.audit, queue, links: exportLinks, retentionMonths: env.RETENTION_MESSAGE_MONTHS, publicBaseUrl: env.PUBLIC_BASE_URL });
  // The privacy notice of first contact and its full page (Law 91/2025/QH15, docs/privacy.md §3).
  const privacyNotice = loadPrivacyNotice(env, logger);
  const turnPorts = {
    classifier: deps.classifier, knowledge: deps.knowledge, clock, logger, thresholds, memberDirectory, officerLinks: repositories.officerLinks, crisisHotlines: env.CRISIS_HOTLINES,
    handoffAckIntervalMinutes: env.HANDOFF_ACK_INTERVAL_MINUTES, handoffFacts: createHandoffFactsRepository(db), memberPrivacy,
    ...(privacyNotice.forPipeline ? { privacyNotice: privacyNotice.forPipeline } : {}),
  };
  // Hand-offs (urgent ones at once) reach the officers' inbox through the realtime hub: Redis pub/sub
  // when configured, so a server process other than the worker's sees them.
  const inboxEvents: InboxEventPublisher = { publish: (event) => hub.publish(INBOX_TOPIC, event) };

  // The one function that makes an FAQ change answer members: swap it for a cross-process reload (issue #12).
  // One truth across processes: an FAQ edit here bumps the shared version, reloads here and rings every other
  // server and worker (law imports and model activations come the same way, from the CLI).
  const knowledgeVersions = createKnowledgeVersionRepository(db);
  const knowledgeSync = createKnowledgeSync({
    versions: knowledgeVersions,
    hub,
    logger,
    reloaders: {
      ...(deps.knowledgeAdmin ? { faq: () => deps.knowledgeAdmin!.reloadFaq() } : {}),
      ...(deps.knowledgeAdmin?.reloadLaw ? { law: () => deps.knowledgeAdmin!.reloadLaw!() } : {}),
      ...(deps.classifier.reload ? { model: async () => void (await deps.classifier.reload!()) } : {}),
      // Another process imported units: drop this process's unit caches (search index, intake unit).
      units: async () => notifyUnitsChanged(db),
    },
    initial: deps.knowledgeVersions ?? (await knowledgeVersions.current()),
    pollMs: env.KNOWLEDGE_POLL_MS,
    onLoaded: (versions) => {
      for (const [kind, version] of Object.entries(versions)) metrics.knowledgeVersion.set({ kind }, version);
    },
  });
  const reloadFaq = async () => void (await knowledgeSync.changed('faq'));
  const faqDesk = createFaqDesk({ faqs: repositories.faqs, proposals: repositories.faqProposals, units: repositories.units, laws: repositories.laws, audit: repositories.audit, reloadFaq });

  // Summaries computed for the first time and the daily mood jobs may run long: their own pool and time-out.
  const analyticsDb = database.analyticsDb;
  const mood = createMoodService({ db: analyticsDb, units: repositories.units, k: env.K_ANONYMITY, clock, pseudonyms, listAlerts: repositories.moodAlerts.listForSummary });
  const monthlyReports = createMonthlyReports({ reports: repositories.moodReports, units: repositories.units, mood, handoffs: repositories.handoffStats, clock, logger });
  const moodWarmup = createMoodWarmup({ db: analyticsDb, units: repositories.units, mood, clock, logger });
  // The officers' inbox (issue #9): events through the hub, the queue by jurisdiction, the officer actions.
  const publishInbox = createInboxPublisher(hub, logger, () => clock.now());
  const notifyOfficers = createOfficerNotifier({ links: repositories.officerLinks, adapters, clock, logger, publicBaseUrl: env.PUBLIC_BASE_URL });
  const inboxQueue = createInboxQueue({ read: repositories.inboxRead, write: repositories.inboxWrite, queue, clock, logger, publish: publishInbox, notify: notifyOfficers });
  const listReads = createListReadAudit({ record: repositories.audit.record, clock });
  const inbox = createInboxService({
    read: repositories.inboxRead,
    write: repositories.inboxWrite,
    units: repositories.units,
    users: repositories.users,
    audit: repositories.audit,
    listReads,
    queue,
    inboxQueue,
    publish: publishInbox,
    clock,
    adapters,
    channelHealth: channelHealth.get,
    knowledge: deps.knowledge,
  });
  const officeHours = createOfficeHoursService({ units: repositories.units, facts: createHandoffFactsRepository(db), audit: repositories.audit, clock });
  const inboxHookDeps = { queue, inboxQueue, read: repositories.inboxRead, write: repositories.inboxWrite, publish: publishInbox, clock, logger };
  const onTurnCommitted = createInboxTurnHook(inboxHookDeps);

  const readiness = (): ReadinessCheck[] => [
    {
      name: 'database',
      // An open circuit answers at once (the outage is known); otherwise the ping, which in half-open is the probe.
      check: async () => {
        const circuit = database.circuit.snapshot();
        if (circuit.state === 'open') throw new Error(`unreachable (circuit open, next probe in ${circuit.retryInMs} ms)`);
        await database.ping();
      },
    },
    { name: 'queue', check: async () => (queue.ping ? queue.ping() : undefined) },
    ...channelModules.flatMap((module) => (module.readiness ? [module.readiness] : [])),
  ];

  let stopSweep: (() => Promise<void>) | null = null;
  let stopInboxSweep: (() => Promise<void>) | null = null;
  let workersStarted = false;

  return {
    env,
    clock,
    logger,
    metrics,
    database,
    pseudonyms,
    queue,
    hub,
    repositories,
    ingest,
    tokens,
    adapters,
    turnPorts,
    knowledgeSync,
    /** What /readyz checks (database, queue, channels); the worker process's health port uses it too. */
    readiness,
    mood,
    monthlyReports,
    inbox,
    inboxQueue,

    createHttpApp(): Express {
      const authDeps = { tokens, users: repositories.users };
      return createApp({
        logger,
        metrics,
        maxBodyBytes: env.MAX_BODY_BYTES,
        publicOrigin: URL.parse(env.PUBLIC_BASE_URL ?? '')?.origin,
        healthRouter: createHealthRouter({ checks: readiness, registry: metrics.registry, info: () => ({ knowledge: knowledgeSync.loaded(), database: { circuit: database.circuit.snapshot() } }) }),
        webhookRouters: channelModules.flatMap(({ webhook }) => {
          if (!webhook) return [];
          const routerDeps = { ingest, clock, metrics, logger, maxBodyBytes: env.MAX_BODY_BYTES };
          return [{ path: webhook.path, router: 'router' in webhook ? webhook.router : webhook.createRouter(routerDeps) }];
        }),
        pageRouters: [createLawArticlePageRouter({ findArticle: (lawId, articleNo) => repositories.laws.findArticle(lawId, articleNo) }), createPrivacyNoticePageRouter(privacyNotice)],
        apiRouters: [
          {
            path: '/api/admin',
            router: createAuthRouter({ users: repositories.users, tokens, audit: repositories.audit, clock, loginAttemptsPer15Min: 10, secureCookies: (env.PUBLIC_BASE_URL ?? '').startsWith('https://') }),
          },
          { path: '/api/admin/units', router: createUnitRouter({ units: repositories.units, ...authDeps }) },
          { path: '/api/admin/units', router: createOfficeHoursRouter({ officeHours, ...authDeps }) },
          {
            path: '/api/admin/learning-queue',
            router: createLearningRouter({ learning: repositories.learning, labels: repositories.reviewedLabels, desk: faqDesk, audit: repositories.audit, ...authDeps }),
          },
          { path: '/api/admin/law', router: createLawSearchRouter({ search: deps.knowledgeAdmin?.searchLaw, ...authDeps }) },
          { path: '/api/admin/mood/alerts', router: createMoodAlertRouter({ alerts: repositories.moodAlerts, audit: repositories.audit, clock, ...authDeps }) },
          { path: '/api/admin/mood', router: createMoodRouter({ mood, units: repositories.units, reports: repositories.moodReports, handoffs: repositories.handoffStats, examples: createMoodExampleRepository(db, thresholds), redactor: deps.redactor, audit: repositories.audit, views: createMoodViews({ mood, queue, clock }), ...authDeps }) },
          { path: '/api/admin/audit', router: createAuditRouter({ audit: repositories.audit, ...authDeps }) },
          { path: '/api/privacy', router: createPrivacyExportRouter({ links: exportLinks, memberData: repositories.memberData, audit: repositories.audit, clock }) },
          { path: '/api/admin/dead-letters', router: createDeadLetterRouter({ deadLetters: createDeadLetterRepository(db), queue, audit: repositories.audit, redactor: deps.redactor, clock, ...authDeps }) },
          {
            path: '/api/admin/members',
            router: createMemberRouter({ memberData: repositories.memberData, audit: repositories.audit, ...authDeps, clock, onErased: () => repositories.ingest.forgetThreads() }),
          },
          { path: '/api/admin/conversations', router: createInboxRouter({ inbox, ...authDeps }) },
          { path: '/api/admin/me', router: createInboxMeRouter({ write: repositories.inboxWrite, inboxQueue, officerLinks: repositories.officerLinks, clock, audit: repositories.audit, notifyChannels: NOTIFY_CHANNELS.filter((channel) => adapters(channel)), ...authDeps }) },
          { path: '/api/admin/events', router: createInboxEventsRouter({ hub, ...authDeps }) },
          {
            path: '/api/admin/faq',
            router: createFaqRouter({ desk: faqDesk, faqs: repositories.faqs, proposals: repositories.faqProposals, units: repositories.units, similar: deps.knowledgeAdmin?.similarFaq, ...authDeps }),
          },
        ],
      });
    },

    /** Registers the job handlers and starts consuming, plus the recovery sweep. */
    async startWorkers(): Promise<void> {
      if (workersStarted) return;
      workersStarted = true;
      registerWorkers({
        runner: queue,
        runnerQueue: queue,
        inbound: { store: repositories.inbound, ports: turnPorts, queue, redactor: deps.redactor, leaseMs: env.INBOUND_LEASE_MS, inboxEvents, onCommitted: onTurnCommitted, maxAttempts: env.INBOUND_MAX_ATTEMPTS, isTransientFailure: (error) => isDatabaseUnavailable(error) || isTransientConflict(error) || (isAppError(error) && (error.kind === 'conflict' || error.kind === 'unavailable')) },
        outbound: {
          store: repositories.outbound, clock, logger, leaseMs: env.INBOUND_LEASE_MS, maxAttempts: env.OUTBOUND_MAX_ATTEMPTS,
          onSettled: createDeliveryAnnouncer({ read: repositories.inboxRead, publish: publishInbox }),
        },
        adapters,
        metrics,
        concurrency: env.WORKER_CONCURRENCY,
        backoffMs: env.RETRY_BACKOFF_MS,
        // Batched turns where each statement costs CPU on this event loop (PGlite); PostgreSQL runs turns one by one
        // on its pool (D-embedded-speed-2).
        inboundBatch: database.kind === 'pglite' ? env.INBOUND_BATCH_MAX : 1,
        // Deliveries' claims and sent marks are grouped by the store there (D-embedded-speed-4): enough drains at once to fill a group.
        outboundConcurrency: database.kind === 'pglite' ? Math.max(env.WORKER_CONCURRENCY, 2 * env.INBOUND_BATCH_MAX) : env.WORKER_CONCURRENCY,
      });
      registerInboxWorkers({ ...inboxHookDeps, runner: queue, backoffMs: env.RETRY_BACKOFF_MS });
      const moodDaily = registerMoodWorkers({ runner: queue, queue, db: analyticsDb, alerts: repositories.moodAlerts, k: env.K_ANONYMITY, clock, logger, backoffMs: env.RETRY_BACKOFF_MS, monthlyReports, warmup: moodWarmup });
      registerMoodViewWorker({ runner: queue, mood, units: repositories.units, clock, logger, backoffMs: env.RETRY_BACKOFF_MS });
      const erasures = registerErasureWorkers({ runner: queue, queue, db, memberData: repositories.memberData, audit: repositories.audit, clock, logger, backoffMs: env.RETRY_BACKOFF_MS, onErased: () => repositories.ingest.forgetThreads() });
      const retentionDaily = registerRetentionWorkers({ runner: queue, queue, retention: createRetentionRepository(db), audit: repositories.audit, months: env.RETENTION_MESSAGE_MONTHS, clock, logger, backoffMs: env.RETRY_BACKOFF_MS, alsoDaily: () => Promise.all([erasures.sweep(), ensureMessagePartitions(db)]) });
      await queue.start();
      await moodDaily.scheduleNext();
      await retentionDaily.scheduleNext();
      await erasures.sweep();
      // While the database circuit is open the sweeps wait instead of failing every tick (jobs back off on their own).
      const databaseDown = () => database.circuit.snapshot().state === 'open';
      stopInboxSweep = startInboxSweep(inboxQueue, logger, Math.max(env.SWEEP_INTERVAL_MS, 1000), databaseDown);
      stopSweep = startRecoverySweep(
        { recovery: repositories.recovery, queue, clock, logger, graceMs: Math.max(env.SWEEP_INTERVAL_MS, 2000) },
        env.SWEEP_INTERVAL_MS,
        databaseDown,
      );
    },

    async stop(): Promise<void> {
      knowledgeSync.close();
      await stopSweep?.();
      await stopInboxSweep?.();
      await queue.close();
      await hub.close();
      await floodCounter.close();
      await sendBudget?.close();
      await linkAttempts.close();
      for (const module of channelModules) await module.close?.();
    },
  };
}
