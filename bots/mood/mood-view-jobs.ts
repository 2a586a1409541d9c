import { createHash } from 'node:crypto';
import type { MoodSummary } from '../../core/contracts/mood-api.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { JobPayload, JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { UnitRepository } from '../storage/repositories/unit-repository.js';
import { publishedPeriodOf, type MoodService, type MoodSummaryRequest } from './mood-service.js';

/** What an asynchronous reader of a view gets (D-mood-18). */
export type MoodViewAnswer =
  | { status: 'ready'; document: MoodSummary }
  | { status: 'computing'; retryAfterMs: number }
  | { status: 'failed'; code: string; retryAfterMs: number };

/** The first wait suggested to a reader: a small view is often ready by then; the dashboard backs off from it. */
export const VIEW_RETRY_AFTER_MS = 2_000;
/** A failed view is reported for this long before a new ask queues it again (no loop of failing computations). */
export const VIEW_FAILURE_HOLD_MS = 5 * 60_000;
const FALLBACK_FAILURE_CODE = 'COMPUTATION_FAILED';

/**
 * The name of a view: unit, published period, filters and whether excluded counts are in it. Two asks that snap to
 * the same weeks are the same view, so ten leaders opening it make one job. The reader's own breadcrumb is not part
 * of it: it is rebuilt for each reader from the kept figures.
 */
export function moodViewKey(request: MoodSummaryRequest, period: { from: string; to: string }): string {
  const named = [request.unit.id, period.from, period.to, request.channel ?? null, request.topic ?? null, request.bucket ?? 'week', request.includeExcluded];
  return createHash('sha256').update(JSON.stringify(named)).digest('hex').slice(0, 32);
}

export type MoodViews = ReturnType<typeof createMoodViews>;

/**
 * Views answered at once (issue #10 item 8, D-mood-18): the kept figures when they exist, else one queued computation
 * per view and "computing" until it has kept them. Callers check the reader's scope first: nothing is queued for a
 * view its reader may not see.
 */
export function createMoodViews(deps: { mood: MoodService; queue: JobQueue; clock: Clock }) {
  return {
    async ask(request: MoodSummaryRequest): Promise<MoodViewAnswer> {
      // Validates the period exactly as the synchronous path does (422 before anything is queued).
      const period = publishedPeriodOf(request, deps.clock.now());
      const document = await deps.mood.keptSummary(request);
      if (document) return { status: 'ready', document };
      const viewKey = moodViewKey(request, period);
      const failure = await deps.mood.viewFailure(viewKey);
      const held = failure ? deps.clock.now().getTime() - Date.parse(failure.at) < VIEW_FAILURE_HOLD_MS : false;
      if (failure && held) return { status: 'failed', code: failure.code, retryAfterMs: VIEW_FAILURE_HOLD_MS };
      // The job id carries the rollups' generation and the failures so far: a queue remembers finished and failed ids
      // for a while, and neither a view dropped by a rebuild nor a retry after a failure may be ignored.
      const generation = await deps.mood.generation();
      const data: JobPayload<'mood.view'> = {
        viewKey,
        unitId: request.unit.id,
        period: { from: period.from, to: period.to },
        bucket: request.bucket ?? 'week',
        includeExcluded: request.includeExcluded,
        ...(request.from ? { from: request.from } : {}),
        ...(request.to ? { to: request.to } : {}),
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.topic ? { topic: request.topic } : {}),
      };
      await deps.queue.enqueue('mood.view', data, { jobId: `mood-view-${viewKey}-g${generation}-f${failure?.failures ?? 0}` });
      return { status: 'computing', retryAfterMs: VIEW_RETRY_AFTER_MS };
    },
  };
}

/** Runs the queued view computations: one at a time, so first views never crowd out the daily job's pool. */
export function registerMoodViewWorker(deps: { runner: JobRunner; mood: MoodService; units: UnitRepository; clock: Clock; logger: Logger; backoffMs: number }): void {
  deps.runner.register('mood.view', {
    concurrency: 1,
    retry: { attempts: 2, backoffMs: deps.backoffMs },
    handler: async (data) => {
      const unit = await deps.units.findById(data.unitId);
      // A unit removed since the ask: nothing to compute, and its reader will get the synchronous path's 404.
      if (!unit) return;
      const started = performance.now();
      await deps.mood.summary({ unit, from: data.from, to: data.to, channel: data.channel, topic: data.topic, bucket: data.bucket, includeExcluded: data.includeExcluded });
      deps.logger.info({ viewKey: data.viewKey, ms: Math.round(performance.now() - started) }, 'mood view computed');
    },
    onExhausted: async (data, error) => {
      const previous = await deps.mood.viewFailure(data.viewKey);
      const code = isAppError(error) ? error.code : FALLBACK_FAILURE_CODE;
      deps.logger.warn({ viewKey: data.viewKey, code, error }, 'mood view computation failed');
      await deps.mood.markViewFailed(data.viewKey, data.period, { code, at: deps.clock.now().toISOString(), failures: (previous?.failures ?? 0) + 1 });
    },
  });
}
