import type { MoodAlertDto, MoodSummary } from '../../core/contracts/mood-api.js';
import { AppError } from '../../core/errors/app-error.js';
import { assertPeriodLength, assertPeriodOrder } from '../../core/mood/period-bounds.js';
import { lastPublishedDay, snapPublishedPeriod, type SnappedPeriod } from '../../core/mood/period-grid.js';
import { buildSummaryDocument, hiddenByPeriodEdges, type AggregateRow, type SummaryInput } from '../../core/mood/summary-document.js';
import { withUnitGrowth } from '../../core/mood/unit-growth.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Db } from '../storage/database.js';
import { createMoodPeriodCache, keptAnswerKey, type MoodPeriodCache } from '../storage/repositories/mood-period-cache.js';
import { packRows, unpackRows } from '../storage/repositories/packed-rows.js';
import { ancestorsOf, childUnitsOf, createMoodRepository, type MoodScope } from '../storage/repositories/mood-repository.js';
import { vietnamDay } from '../storage/repositories/processing-repository.js';
import type { UnitRecord, UnitRepository } from '../storage/repositories/unit-repository.js';
import type { MemberPseudonyms } from '../privacy/member-pseudonyms.js';

const DAY_MS = 86_400_000;
/** Thrown inside a kept-only read when a figure is not kept: caught by `keptSummary`, never seen outside. */
class FigureNotKept extends Error {}

export interface MoodSummaryRequest {
  unit: UnitRecord;
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  topic?: string | undefined;
  bucket?: 'week' | 'month';
  /** The reader's own unit path: the breadcrumb starts there (default: the top of the hierarchy). */
  readerPath?: string;
  /** Counts of excluded messages (injection, spam, unsure): admins and the CLI only. */
  includeExcluded: boolean;
}

export type MoodService = ReturnType<typeof createMoodService>;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function keyOf(level: string, child: string | null, topic: string | null, sentiment: string | null): string {
  return `${level}|${child ?? ''}|${topic ?? ''}|${sentiment ?? ''}`;
}

/** Keys of the figures a document hides, in the aggregate's terms (child ids), to carry them into a filtered view. */
function hiddenKeys(document: MoodSummary, codeToChild: Map<string, string>): Set<string> {
  const child = (code: string) => codeToChild.get(code) ?? '';
  const keys = new Set<string>();
  if (document.suppressed) keys.add(keyOf('total', null, null, null));
  for (const row of document.children) if (row.suppressed) keys.add(keyOf('child', child(row.unit), null, null));
  for (const row of document.topics) if (row.suppressed) keys.add(keyOf('topic', null, row.topic, null));
  for (const [name, value] of Object.entries(document.sentiment)) if (value === null) keys.add(keyOf('sentiment', null, null, name));
  for (const row of document.heatmap) if (row.suppressed) keys.add(keyOf('child_topic', child(row.unit), row.topic, null));
  for (const row of document.cells) if (row.suppressed) keys.add(keyOf('cell', child(row.unit), row.topic, row.sentiment));
  return keys;
}

/**
 * The days a summary requested for `from`..`to` covers on `now`, and its previous period: whole weeks of the month or
 * whole months, completed ones only, so that two periods never differ by a few days (D-mood-7). The daily job's reads
 * by level use it too (D-mood-15), so they keep their answers under the very days a summary looks up.
 */
export function publishedPeriodOf(request: { from?: string | undefined; to?: string | undefined }, now: Date): SnappedPeriod {
  const requestedTo = request.to ?? vietnamDay(now);
  const requestedFrom = request.from ?? addDays(requestedTo, -29);
  assertPeriodOrder(requestedFrom, requestedTo);
  const period = snapPublishedPeriod(requestedFrom, requestedTo, lastPublishedDay(vietnamDay(now)));
  if (!period) throw new AppError('VALIDATION_FAILED', 'no week of this period has ended yet', { fields: [{ path: 'from', message: 'kỳ này chưa có tuần nào kết thúc: số liệu công bố theo tuần đã qua' }] });
  return period;
}

/**
 * The mood summary of a subtree and period (issue #10), shared by `congdoan mood report`, the dashboard API and the
 * monthly reports, so they always print the same figures.
 */
export function createMoodService(deps: {
  db: Db;
  units: UnitRepository;
  k: number;
  /** Only `rebuild` needs it (it writes the mood rows' member pseudonyms); read-only callers leave it out. */
  pseudonyms?: MemberPseudonyms;
  clock: Clock;
  listAlerts?: (scopePath: string, from: string, to: string) => Promise<MoodAlertDto[]>;
  /** False computes every figure from the rollups on each call (tests compare the two paths); default true. */
  keepFigures?: boolean;
}) {
  const repository = createMoodRepository(deps.db, deps.pseudonyms);
  // Every figure below is of closed weeks (D-mood-12), so each query's answer is computed once and kept.
  const periods = createMoodPeriodCache(deps.db);
  const answer: MoodPeriodCache['answer'] = deps.keepFigures === false ? (_query, _key, compute) => compute() : periods.answer;
  const tree: SummaryTree = {
    childrenOf: (unit) => childUnitsOf(deps.db, unit.id),
    parentOf: (unit) => (unit.parentId ? deps.units.findById(unit.parentId) : Promise.resolve(null)),
    ancestorsOf: (unit) => ancestorsOf(deps.db, unit.path),
  };
  // Only what is kept, never computing (D-mood-18): a miss stops the whole document at once.
  const keptOnly: MoodPeriodCache['answer'] = async (query, key) => {
    const kept = await periods.peek(query, key);
    if (!kept) throw new FigureNotKept(query);
    return kept.value as never;
  };
  const fromKeptOnly = createSummaries(deps, repository, keptOnly, tree);
  return {
    summary: createSummaries(deps, repository, answer, tree),
    /**
     * The same document as `summary`, built from kept figures only, or null when any is missing (D-mood-18): a few
     * lookups, never the distinct-member pass, so an asynchronous reader learns at once whether it must wait.
     */
    async keptSummary(request: MoodSummaryRequest): Promise<MoodSummary | null> {
      if (deps.keepFigures === false) return null;
      try {
        return await fromKeptOnly(request);
      } catch (error) {
        if (error instanceof FigureNotKept) return null;
        throw error;
      }
    },
    /** A view whose computation failed (D-mood-18): kept beside the figures, dropped with them by a rebuild. */
    markViewFailed: periods.markViewFailed,
    viewFailure: periods.viewFailure,
    /** The rollups' generation now (kept figures are valid under it only). */
    generation: periods.generation,
    /**
     * The same summaries, assembled from answers the caller holds (`keptAnswerKey` → the value the kept row holds),
     * any other answer looked up as usual, and the units around each one read once: the daily job assembles the
     * documents of the answers it has just computed by level without reading them back (D-mood-17).
     */
    summariesFrom(answers: ReadonlyMap<string, unknown>): (request: MoodSummaryRequest) => Promise<MoodSummary> {
      const held: MoodPeriodCache['answer'] = (query, key, compute) => {
        const value = answers.get(keptAnswerKey(query, key));
        return value === undefined ? answer(query, key, compute) : Promise.resolve(value as Awaited<ReturnType<typeof compute>>);
      };
      return createSummaries(deps, repository, held, onceEach(tree));
    },
    rebuild: repository.rebuild,
    /** Drops kept figures computed more than `days` ago (D-mood-12). */
    forgetKept: periods.forgetOlderThan,
    snapshot: repository.snapshot,
  };
}

/** The units around a summary's unit: its children (with whether each has its own), its parent, its ancestors. */
interface SummaryTree {
  childrenOf(unit: UnitRecord): Promise<{ id: string; code: string; name: string; level: string; hasChildren: boolean }[]>;
  parentOf(unit: UnitRecord): Promise<UnitRecord | null>;
  ancestorsOf(unit: UnitRecord): Promise<{ code: string; name: string; path: string }[]>;
}

/** Each lookup of `tree` made once per unit: a unit's 20 views and their previous periods share them. */
function onceEach(tree: SummaryTree): SummaryTree {
  const memo = <T>(read: (unit: UnitRecord) => Promise<T>) => {
    const seen = new Map<string, Promise<T>>();
    return (unit: UnitRecord) => {
      const known = seen.get(unit.id) ?? read(unit);
      seen.set(unit.id, known);
      return known;
    };
  };
  return { childrenOf: memo(tree.childrenOf), parentOf: memo(tree.parentOf), ancestorsOf: memo(tree.ancestorsOf) };
}

/** The summary (`createMoodService().summary`), its figures looked up through `answer` and the units around through `tree`. */
function createSummaries(
  deps: { db: Db; k: number; clock: Clock; listAlerts?: (scopePath: string, from: string, to: string) => Promise<MoodAlertDto[]> },
  repository: ReturnType<typeof createMoodRepository>,
  answer: MoodPeriodCache['answer'],
  tree: SummaryTree,
): (request: MoodSummaryRequest) => Promise<MoodSummary> {
  // Kept packed (a national aggregate is thousands of rows): reading them back is most of a kept summary's cost.
  // `unitsOnly` rows are kept under their own names: a full document must never read them back as its own.
  const aggregate = async (scope: MoodScope, byChannel: boolean, unitsOnly = false) =>
    unpackRows<AggregateRow & { channel: string | null }>(
      await answer(
        unitsOnly ? (byChannel ? 'aggregate_units_by_channel' : 'aggregate_units') : byChannel ? 'aggregate_by_channel' : 'aggregate',
        scope,
        async () => packRows((await repository.aggregate(scope, { byChannel, unitsOnly })) as unknown as Record<string, string | number | null>[]),
      ),
    );
  const topicMembers = async (scope: MoodScope) => new Map(await answer('topic_members', scope, async () => [...(await repository.topicMembers(scope))]));
  const trend = (scope: MoodScope, bucket: 'week' | 'month') => answer('trend', { ...scope, bucket }, () => repository.trend(scope, bucket));
  const excluded = (scope: MoodScope) => answer('excluded', scope, () => repository.excluded(scope));

  /**
   * One period's document. `previousOf` (the previous period, read only for each unit's change) is taken as given —
   * it is already on the grid, and re-snapping a run of weeks that starts on the 1st would make it a month — and skips
   * what that use never reads: the trend, the alerts, the excluded counts and the topics' own previous figures.
   */
  async function documentOf(request: MoodSummaryRequest, previousOf?: { from: string; to: string }): Promise<{ document: MoodSummary; previous: { from: string; to: string } }> {
    const lean = previousOf !== undefined;
    const period = previousOf ? { ...previousOf, previous: previousOf } : publishedPeriodOf(request, deps.clock.now());
    const { from, to } = period;
    assertPeriodLength(from, to);
    const unit = request.unit;
    const bucket = request.bucket ?? 'week';
    const scope: MoodScope = { scopePath: unit.path, from, to };
    const previousScope: MoodScope = { scopePath: unit.path, ...period.previous };
    // Every lookup goes out at once (none depends on another): with the figures kept, round trips are most of a
    // summary's time. A channel view also needs the whole view's figures (below).
    const extrasOf = (channel: string | null) =>
      Promise.all([
        lean ? Promise.resolve(new Map<string, number>()) : topicMembers({ ...previousScope, ...(channel ? { channel } : {}) }),
        lean ? Promise.resolve([]) : trend({ ...(channel ? { ...scope, channel } : scope), ...(request.topic ? { topic: request.topic } : {}) }, bucket),
        request.includeExcluded && !lean ? excluded({ ...scope, ...(channel ? { channel } : {}) }) : Promise.resolve(null),
      ]);
    const [childList, parent, ancestorList, allRows, channelRows, wholeExtras, channelExtras, alerts] = await Promise.all([
      tree.childrenOf(unit),
      tree.parentOf(unit),
      tree.ancestorsOf(unit),
      aggregate(scope, false, lean),
      request.channel ? aggregate(scope, true, lean) : Promise.resolve([]),
      extrasOf(null),
      request.channel ? extrasOf(request.channel) : Promise.resolve(null),
      deps.listAlerts && !lean ? deps.listAlerts(unit.path, from, to) : Promise.resolve([]),
    ]);
    const children = new Map(childList.map((child) => [child.id, child]));
    const ancestors = ancestorList.filter((ancestor) => ancestor.path.startsWith(request.readerPath ?? '/')).map(({ code, name }) => ({ unit: code, name }));
    const codeToChild = new Map(childList.map((child) => [child.code, child.id]));

    const base = (channel: string | null, rows: AggregateRow[], [previousTopicMembers, points, excludedCounts]: Awaited<ReturnType<typeof extrasOf>>): SummaryInput => ({
      unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, hasChildren: children.size > 0 },
      parentCode: parent?.code ?? null,
      ancestors,
      children,
      from,
      to,
      k: deps.k,
      channel,
      topic: request.topic ?? null,
      rows,
      previousTopicMembers,
      trend: { bucket, points },
      excluded: excludedCounts,
      alerts,
    });

    const whole = buildSummaryDocument(base(null, allRows, wholeExtras));
    if (!request.channel || !channelExtras) return { document: whole, previous: period.previous };

    // A channel view must not let anyone subtract it from the whole: every figure the whole hides stays hidden, and
    // so does every figure whose slice on any channel is a group below k (else the channels would add up to it).
    const channel = request.channel;
    const byChannel = channelRows;
    const forced = hiddenKeys(whole, codeToChild);
    for (const row of byChannel) if ((row.members > 0 && row.members < deps.k) || hiddenByPeriodEdges(row, deps.k)) forced.add(keyOf(row.level, row.child, row.topic, row.sentiment));
    const rows = byChannel
      .filter((row) => row.channel === channel)
      .map((row) => ({ ...row, forceHidden: forced.has(keyOf(row.level, row.child, row.topic, row.sentiment)) }));
    const channelInput = base(channel, rows, channelExtras);
    // Trend points likewise: a week's channel figure is hidden when the rest of that week is a group below k.
    const wholeTrend = new Map(whole.trend.points.map((point) => [point.start, point]));
    const allTrend = new Map(wholeExtras[1].map((point) => [point.start, point.members]));
    const document = buildSummaryDocument(channelInput);
    document.trend.points = document.trend.points.map((point) => {
      const rest = (allTrend.get(point.start) ?? 0) - (point.members ?? 0);
      const hide = wholeTrend.get(point.start)?.suppressed === true || (rest > 0 && rest < deps.k);
      return hide ? { ...point, members: null, mood_index: null, low: null, high: null, suppressed: true } : point;
    });
    return { document, previous: period.previous };
  }

  /** The period's document with each unit's change against the previous period of the same length (D-dashboard-4). */
  async function summary(request: MoodSummaryRequest): Promise<MoodSummary> {
    const { document, previous } = await documentOf(request);
    if (document.children.length === 0) return document;
    const before = await documentOf(request, previous);
    return withUnitGrowth(document, before.document);
  }

  return summary;
}
