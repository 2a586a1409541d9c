import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { HandoffQuerySchema, MoodExamplesQuerySchema, MoodQuerySchema, MoodReportListQuerySchema, type MoodExamples, type MoodReportList, type MoodSummary, type MoodViewPending } from '../../../core/contracts/mood-api.js';
import type { Redactor } from '../../../core/ports/redactor.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { MoodExampleRepository } from '../../storage/repositories/mood-example-repository.js';
import { UnitCodeSchema } from '../../../core/org/hierarchy.js';
import type { MoodReportRepository } from '../../storage/repositories/mood-report-repository.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { assertPeriodLength, assertPeriodOrder } from '../../../core/mood/period-bounds.js';
import { isWithinScope } from '../../../core/org/hierarchy.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { MoodService, MoodSummaryRequest } from '../../mood/mood-service.js';
import { handoffsToCsv, summaryToCsv, summaryToXlsx } from '../../mood/report-export.js';
import type { HandoffStatsRepository } from '../../storage/repositories/handoff-stats-repository.js';
import type { UnitRecord, UnitRepository } from '../../storage/repositories/unit-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';
import { prefersRespondAsync } from '../prefer-header.js';
import type { MoodViews } from '../../mood/mood-view-jobs.js';

/** The unit asked for, if the user may see it; a unit outside their subtree answers exactly like an unknown one. */
export async function unitInScope(units: UnitRepository, user: UserWithUnit, code: string | undefined): Promise<UnitRecord> {
  const unit = code ? await units.findByCode(code) : await units.findById(user.unit.id);
  if (!unit || !isWithinScope(unit.path, user.unit.path)) throw new AppError('NOT_FOUND', `no unit ${code ?? ''} in your part of the union`);
  return unit;
}

const StoredReportParamsSchema = z.object({
  unit: UnitCodeSchema,
  file: z.string().regex(/^\d{4}-\d{2}-01(-handoffs)?\.(xlsx|csv|json)$/, 'YYYY-MM-01.xlsx, .csv, .json hoặc YYYY-MM-01-handoffs.csv'),
});

/** Who may read members' own words behind a concern (D-mood-10): leadership, whose job is to hear them. */
export const MOOD_EXAMPLE_ROLES: readonly string[] = ['admin', 'leader'];
const EXAMPLES_PER_TOPIC = 3;
const EXAMPLE_MAX_CHARS = 280;

/** 202 while a view is computed, 503 when its computation failed; `Retry-After` in seconds (D-mood-18). */
function sendPending(res: Response, answer: MoodViewPending): void {
  res.set('Retry-After', String(Math.ceil(answer.retryAfterMs / 1000)));
  if (answer.status === 'computing') res.set('Preference-Applied', 'respond-async').status(202).json(answer);
  else res.status(503).json(answer);
}

/**
 * The summary a request rests on. Without `Prefer: respond-async` it is computed on the spot, as the contract
 * says; with it (D-mood-18, D-mood-19) it is the kept document, or null once a 202 or 503 has been sent and a single
 * `mood.view` job queued. Callers check the reader's role and scope first, so nothing is queued for a view they may
 * not see; the period is validated inside `ask` before anything is queued.
 */
async function summaryOrPending(
  deps: { mood: MoodService; views: MoodViews },
  req: Request,
  res: Response,
  request: MoodSummaryRequest,
): Promise<MoodSummary | null> {
  res.vary('Prefer');
  if (!prefersRespondAsync(req.headers.prefer)) return deps.mood.summary(request);
  const answer = await deps.views.ask(request);
  if (answer.status === 'ready') return answer.document;
  sendPending(res, answer);
  return null;
}

/** GET /api/admin/mood/summary: the dashboard's figures for a subtree the user may see, k-anonymity applied. */
export function createMoodRouter(deps: {
  mood: MoodService;
  units: UnitRepository;
  reports: MoodReportRepository;
  handoffs: HandoffStatsRepository;
  examples: MoodExampleRepository;
  redactor: Redactor;
  audit: AuditRepository;
  tokens: SessionTokens;
  users: UserRepository;
  views: MoodViews;
}): Router {
  const router = express.Router();
  // A few members' words behind a concern: only where the summary shows the topic (never a group below k), masked,
  // without date, unit or channel, and every read audited with the members whose words were shown.
  router.get('/examples', requireAuth(deps), async (req, res) => {
    const query = parseOrThrow(MoodExamplesQuerySchema, req.query, 'query');
    const user = currentUser(res);
    if (!MOOD_EXAMPLE_ROLES.includes(user.role)) throw new AppError('FORBIDDEN', 'example messages are for leaders and admins');
    const unit = await unitInScope(deps.units, user, query.unit);
    // A custom period's summary is the expensive pass (D-mood-16): with `Prefer: respond-async` it is awaited as a view,
    // the very view the dashboard showed when the page sends its period and bucket, so it is kept already.
    const summary = await summaryOrPending(deps, req, res, { unit, from: query.from, to: query.to, channel: query.channel, bucket: query.bucket, readerPath: user.unit.path, includeExcluded: false });
    if (!summary) return;
    const row = summary.topics.find((topic) => topic.topic === query.topic);
    const body: MoodExamples = { unit: unit.code, topic: query.topic, from: summary.from, to: summary.to, suppressed: !row || row.suppressed, examples: [] };
    if (!body.suppressed) {
      // Members often write the same words: a few more are sampled and repeated texts dropped.
      const sampled = await deps.examples.sample({ scopePath: unit.path, from: summary.from, to: summary.to, topic: query.topic, channel: query.channel, limit: EXAMPLES_PER_TOPIC * 4 });
      const seen = new Set<string>();
      const rows = sampled
        .map((example) => {
          const text = deps.redactor.redact(example.text).replace(/\s+/g, ' ').trim();
          return { ...example, text: text.length > EXAMPLE_MAX_CHARS ? `${text.slice(0, EXAMPLE_MAX_CHARS - 1)}…` : text };
        })
        .filter((example) => !seen.has(example.text.toLowerCase()) && seen.add(example.text.toLowerCase()))
        .slice(0, EXAMPLES_PER_TOPIC);
      body.examples = rows.map((example) => ({ text: example.text, sentiment: example.sentiment }));
      if (rows.length > 0) {
        await deps.audit.record({
          actorUserId: user.id,
          actor: user.email,
          action: 'mood_examples',
          targetType: 'unit',
          targetId: unit.id,
          unitId: unit.id,
          memberIds: rows.map((example) => example.memberId),
          details: { topic: query.topic, from: summary.from, to: summary.to, count: rows.length },
        });
      }
    }
    res.json(body);
  });
  // The stored monthly reports (D-mood-9): the unit's own and its children's, as generated on the 1st.
  router.get('/reports', requireAuth(deps), async (req, res) => {
    const query = parseOrThrow(MoodReportListQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const unit = await unitInScope(deps.units, user, query.unit);
    const months = await deps.reports.months(unit.id);
    const month = query.month ?? months[0] ?? null;
    const rows = month ? await deps.reports.forUnitAndChildren(unit.id, month) : [];
    const body: MoodReportList = {
      unit: unit.code,
      unit_name: unit.name,
      months,
      month,
      k: rows[0]?.document.k ?? 5,
      reports: rows.map((row) => ({
        unit: row.code,
        name: row.name,
        level: row.level,
        month: row.month,
        generated_at: row.generatedAt.toISOString(),
        members: row.document.members,
        mood_index: row.document.mood_index,
        suppressed: row.document.suppressed,
        alerts: row.document.alerts.length,
        handoffs: row.document.handoffs
          ? { requested: row.document.handoffs.requested, handled: row.document.handoffs.handled, overdue: row.document.handoffs.overdue, median_minutes_to_claim: row.document.handoffs.median_minutes_to_claim }
          : null,
      })),
    };
    res.json(body);
  });
  router.get('/reports/:unit/:file', requireAuth(deps), async (req, res) => {
    const params = parseOrThrow(StoredReportParamsSchema, req.params, 'path');
    const user = currentUser(res);
    const unit = await unitInScope(deps.units, user, params.unit);
    const [base, format] = params.file.split('.') as [string, 'xlsx' | 'csv' | 'json'];
    const month = base.slice(0, 10);
    const handoffsOnly = base.endsWith('-handoffs');
    const stored = await deps.reports.find(unit.id, month);
    if (!stored) throw new AppError('NOT_FOUND', `no stored report of ${unit.code} for ${month}`);
    const name = `bao-cao-thang-${unit.code}-${month.slice(0, 7)}`;
    if (handoffsOnly) {
      if (format !== 'csv' || !stored.document.handoffs) throw new AppError('NOT_FOUND', `no hand-off figures as ${format} in the report of ${unit.code} for ${month}`);
      res.type('text/csv; charset=utf-8').attachment(`${name}-chuyen-can-bo.csv`).send(handoffsToCsv(stored.document.handoffs));
    } else if (format === 'json') res.json(stored.document);
    else if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(summaryToCsv(stored.document));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await summaryToXlsx(stored.document, { generatedAt: stored.generatedAt }));
  });
  // With `Prefer: respond-async` (D-mood-18) a view whose figures are not kept answers 202 at once and is computed by
  // a queued job; without it the answer stays synchronous, as the contract says. Scope is checked first.
  router.get('/summary', requireAuth(deps), async (req, res) => {
    const query = parseOrThrow(MoodQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const unit = await unitInScope(deps.units, user, query.unit);
    const request = { unit, from: query.from, to: query.to, channel: query.channel, topic: query.topic, bucket: query.bucket, readerPath: user.unit.path, includeExcluded: user.role === 'admin' };
    const summary = await summaryOrPending(deps, req, res, request);
    if (summary) res.json(summary);
  });
  // Hand-off statistics of any period (D-mood-11), for the reports page and its printout: JSON or CSV.
  router.get('/handoffs{.:format}', requireAuth(deps), async (req, res) => {
    const format = req.params.format === undefined ? 'json' : String(req.params.format);
    if (format !== 'json' && format !== 'csv') throw new AppError('NOT_FOUND', `no hand-off format ${format}`);
    const query = parseOrThrow(HandoffQuerySchema, req.query, 'query');
    assertPeriodOrder(query.from, query.to);
    assertPeriodLength(query.from, query.to);
    const unit = await unitInScope(deps.units, currentUser(res), query.unit);
    const stats = await deps.handoffs.stats(unit, query.from, query.to);
    if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`chuyen-can-bo-${unit.code}-${query.from}-${query.to}.csv`).send(handoffsToCsv(stats));
    else res.json(stats);
  });
  // The same document as an export, for the reports page: XLSX (the format unions report in) and CSV. With
  // `Prefer: respond-async` the file is the kept view rendered once it is kept (D-mood-19): 202 until then.
  router.get('/report.:format', requireAuth(deps), async (req, res) => {
    const format = String(req.params.format);
    if (format !== 'xlsx' && format !== 'csv') throw new AppError('NOT_FOUND', `no report format ${format}`);
    const query = parseOrThrow(MoodQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const unit = await unitInScope(deps.units, user, query.unit);
    const summary = await summaryOrPending(deps, req, res, { unit, from: query.from, to: query.to, channel: query.channel, topic: query.topic, bucket: 'month', readerPath: user.unit.path, includeExcluded: false });
    if (!summary) return;
    const name = `bao-cao-${summary.unit}-${summary.from}-${summary.to}`;
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(summaryToCsv(summary));
      return;
    }
    const handoffs = await deps.handoffs.stats(unit, summary.from, summary.to);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await summaryToXlsx({ ...summary, handoffs }));
  });
  return router;
}
