import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CHANNEL_IDS } from '../../../../core/messages/channels';
import type { TOPICS } from '../../../../core/nlu/labels';
import { orderUnits, UNIT_ORDERS, type UnitOrder } from '../../../../core/mood/growth-order';
import type { MoodQuery, MoodSummary } from '../../../../core/contracts/mood-api';
import { Badge } from '../../shared/components/Badge';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';
import { QueryView } from '../../shared/components/QueryView';
import { formatDate, formatDecimal, formatNumber, formatPercent } from '../../shared/format/format.vi';
import { isComputing, moodSummaryQuery } from './api';
import { MoodComputing } from '../../shared/mood/MoodComputing';
import { Hidden } from '../../shared/mood/Hidden';
import { CHANNEL_NAMES_VI, HIDDEN_TITLE, LEVEL_SHORT_VI, topicName, UNIT_ORDER_TOP_VI } from './labels.vi';
import { DashboardFilters } from './DashboardFilters';
import { DashboardLoading } from './DashboardLoading';
import { HeatmapChart, SentimentChart, TopicChart, TrendChart } from './LazyCharts';
import { HEATMAP_UNITS } from './heatmap-units';
import { PERIODS, periodRange, type Period } from '../../shared/mood/period';
import { MoodValue } from '../../shared/mood/MoodValue';
import { Stat } from '../../shared/mood/Stat';
import { UnitsTable } from './UnitsTable';
import { ConcernExamples } from './ConcernExamples';
import { AlertsCard } from './AlertsCard';
import { DashboardExport } from './DashboardExport';
import { useCurrentUser } from '../../shared/session/current-user';
import '../../shared/mood/mood.css';

/** Members' mood and concerns over time, by unit and topic (issue #10): numbers first, then the charts. */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as Period) : '30d';
  const unit = params.get('unit') ?? undefined;
  const channel = params.get('channel') ?? '';
  const topic = params.get('topic') ?? '';
  const order = (UNIT_ORDERS as readonly string[]).includes(params.get('order') ?? '') ? (params.get('order') as UnitOrder) : 'negative';
  const range = periodRange(period);
  const moodQuery: MoodQuery = {
    ...(unit ? { unit } : {}),
    from: range.from,
    to: range.to,
    bucket: range.bucket,
    ...(channel ? { channel: channel as (typeof CHANNEL_IDS)[number] } : {}),
    ...(topic ? { topic: topic as (typeof TOPICS)[number] } : {}),
  };
  const query = useQuery(moodSummaryQuery(moodQuery));

  // Ordering units means something only where the page lists several (D-dashboard-6); while a new scope loads, the
  // choice stays as it was for the unit on screen rather than blinking.
  const shownOrder = useRef(new Map<string, boolean>());
  if (query.data && !isComputing(query.data)) shownOrder.current.set(unit ?? '', listsUnits(query.data));
  const showOrder = shownOrder.current.get(unit ?? '') ?? false;

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const drillHref = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', code);
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeader title="Tổng quan" description="Đoàn viên đang quan tâm điều gì, cảm thấy thế nào — từ toàn quốc xuống từng công đoàn cơ sở, không lộ danh tính ai." />
      <DashboardFilters value={{ period, channel, topic, order }} showOrder={showOrder} onChange={(key, value) => set(key, value)} />
      <QueryView query={query} loading={<DashboardLoading />}>
        {(answer) => (isComputing(answer) ? <MoodComputing /> : <Summary summary={answer} query={moodQuery} order={order} drillHref={drillHref} />)}
      </QueryView>
    </>
  );
}

/** Whether the page lists units below the scope (the table and the heat map), so their order can be chosen. */
function listsUnits(summary: MoodSummary): boolean {
  return !summary.suppressed && summary.members !== 0 && summary.children.length > 1;
}

function Summary({ summary, query, order, drillHref }: { summary: MoodSummary; query: MoodQuery; order: UnitOrder; drillHref: (unit: string) => string }) {
  const unitNames = useMemo(() => new Map(summary.children.map((c) => [c.unit, c.name])), [summary]);
  // The table and the heat map list the units in the leader's chosen order (D-dashboard-4).
  const units = useMemo(() => orderUnits(summary.children, order), [summary, order]);
  const k = summary.k;
  const negativeShare = summary.members && summary.sentiment.negative !== null ? summary.sentiment.negative / summary.members : null;
  const activeAlerts = summary.alerts.filter((alert) => alert.status !== 'resolved');
  return (
    <div className="mood-dashboard">
      <nav className="mood-breadcrumb" aria-label="Cấp đơn vị">
        {summary.ancestors.map((a) => (
          <span key={a.unit}>
            <Link to={drillHref(a.unit)}>{a.name}</Link>
            <span aria-hidden="true"> › </span>
          </span>
        ))}
        <strong>{summary.unit_name}</strong> <Badge>{LEVEL_SHORT_VI[summary.level] ?? summary.level}</Badge>
      </nav>
      <p className="mood-period">
        Từ {formatDate(summary.from)} đến {formatDate(summary.to)} (các tuần đã kết thúc)
        {summary.channel ? ` · kênh ${CHANNEL_NAMES_VI[summary.channel] ?? summary.channel}` : ''}
        {summary.topic ? ` · chủ đề ${topicName(summary.topic)}` : ''} · nhóm dưới {k} đoàn viên được ẩn
      </p>
      {/* A view with no member in it has nothing to download: the buttons would hand out an empty file. */}
      {summary.members !== 0 && <DashboardExport query={query} unit={summary.unit} />}

      <div className="mood-stats">
        <Stat label="Đoàn viên phản ánh" hidden={summary.suppressed} k={k} value={summary.members === null ? '' : formatNumber(summary.members)} note="người khác nhau trong kỳ" />
        <Stat
          label="Chỉ số tâm trạng"
          hidden={summary.suppressed}
          k={k}
          value={<MoodValue value={summary.mood_index} />}
          note={summary.mood_index_band ? `từ ${formatDecimal(summary.mood_index_band.low)} đến ${formatDecimal(summary.mood_index_band.high)} (khoảng tin cậy 95 %), thang −100…+100` : 'thang −100…+100'}
        />
        <Stat label="Tỷ lệ tiêu cực" hidden={summary.suppressed || summary.sentiment.negative === null} k={k} value={negativeShare === null ? '—' : formatPercent(negativeShare)} note="đoàn viên có phản ánh tiêu cực" />
        <Stat label="Cảnh báo đang mở" value={formatNumber(activeAlerts.length)} note={activeAlerts[0] ? `${topicName(activeAlerts[0].topic)} — ${activeAlerts[0].unit_name}` : 'không có tăng bất thường'} tone={activeAlerts.length > 0 ? 'alert' : undefined} />
      </div>

      <AlertsCard />

      {summary.members === 0 ? (
        <Card>
          <EmptyState icon="chart" title="Chưa có phản ánh nào trong kỳ này" description="Khi đoàn viên trong phạm vi của bạn nhắn tin với trợ lý, số liệu sẽ hiện ở đây." />
        </Card>
      ) : summary.suppressed ? (
        <Card>
          <EmptyState icon="chart" title={`Dưới ${k} đoàn viên phản ánh trong kỳ này`} description={`Số liệu được ${HIDDEN_TITLE}. Hãy chọn khoảng thời gian dài hơn hoặc xem đơn vị cấp trên.`} />
        </Card>
      ) : (
        <>
          <div className="mood-grid">
            <Card title="Chỉ số tâm trạng theo thời gian">
              <TrendChart summary={summary} />
            </Card>
            <Card title="Cảm xúc của đoàn viên">
              <SentimentChart summary={summary} />
              {Object.values(summary.sentiment).some((v) => v === null) && <p className="mood-note">Một phần <Hidden k={k} /> không vẽ.</p>}
            </Card>
          </div>
          <div className="mood-grid">
            <Card title="Vấn đề được quan tâm nhiều nhất">
              <TopConcerns summary={summary} query={query} />
            </Card>
            <Card title="So với kỳ trước">
              <TopicChart summary={summary} />
            </Card>
          </div>
          {summary.children.length > 0 && (
            <Card title="Các đơn vị trực thuộc" flush>
              <UnitsTable summary={summary} units={units} drillHref={drillHref} />
            </Card>
          )}
          {summary.children.length > 1 && (
            <Card title={summary.children.length > HEATMAP_UNITS ? `Đơn vị × chủ đề: tỷ lệ đoàn viên tiêu cực (${HEATMAP_UNITS} đơn vị ${UNIT_ORDER_TOP_VI[order]})` : 'Đơn vị × chủ đề: tỷ lệ đoàn viên tiêu cực'}>
              <HeatmapChart summary={summary} units={units} unitNames={unitNames} />
              <p className="mood-note">
                Ô «ẩn»: dưới {k} đoàn viên, không công bố để bảo vệ danh tính. Ô trống: không có phản ánh.<span className="mood-scroll-hint"> Vuốt ngang để xem các chủ đề khác.</span>
              </p>
            </Card>
          )}
          {summary.excluded && (
            <p className="mood-note">
              Không tính vào số liệu: {formatNumber(summary.excluded.low_confidence)} tin trợ lý chưa chắc, {formatNumber(summary.excluded.spam)} tin nghi quảng cáo, {formatNumber(summary.excluded.injection)} tin nghi chèn lệnh.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Topics by members, with their change against the previous period; leaders may open a few members' words. */
function TopConcerns({ summary, query }: { summary: MoodSummary; query: MoodQuery }) {
  const k = summary.k;
  const user = useCurrentUser();
  const mayReadExamples = user.role === 'admin' || user.role === 'leader';
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ol className="mood-concerns">
      {summary.topics.slice(0, 8).map((t) => (
        <li key={t.topic} className={open === t.topic ? 'open' : undefined}>
          <span className="mood-concern-name">{topicName(t.topic)}</span>
          <span className="mood-concern-value">
            {t.suppressed ? <Hidden k={k} /> : <>{formatNumber(t.members ?? 0)} <span className="mood-concern-unit">đoàn viên</span></>}
          </span>
          <span className="mood-concern-change">
            {t.change === null ? '' : t.change > 0 ? <span className="up">▲ {formatPercent(t.change)}</span> : t.change < 0 ? <span className="down">▼ {formatPercent(-t.change)}</span> : '='}
          </span>
          <span className="mood-concern-neg">{t.negative_share === null ? '' : `${formatPercent(t.negative_share)} tiêu cực`}</span>
          {mayReadExamples && !t.suppressed && (
            <button type="button" className="mood-examples-toggle" aria-expanded={open === t.topic} onClick={() => setOpen(open === t.topic ? null : t.topic)}>
              {open === t.topic ? 'Ẩn ví dụ' : 'Xem ví dụ'}
            </button>
          )}
          {open === t.topic && (
            <div className="mood-concern-examples">
              {/* The period and bucket the page asked for, not the snapped ones shown: the examples' check is then the
                  very view on screen, kept already (D-mood-19); snapping the shown dates again could name another. */}
              <ConcernExamples
                query={{ unit: summary.unit, from: query.from, to: query.to, bucket: query.bucket, topic: t.topic as (typeof TOPICS)[number], ...(summary.channel ? { channel: summary.channel as (typeof CHANNEL_IDS)[number] } : {}) }}
              />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
