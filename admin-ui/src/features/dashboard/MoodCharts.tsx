import { useMemo } from 'react';
import type { MoodSummary } from '../../../../core/contracts/mood-api';
import { formatDate, formatDecimal, formatNumber } from '../../shared/format/format.vi';

/** Axis numbers as Vietnamese write them (`1.800`, not ECharts' `1,800`). */
const VI_AXIS = { formatter: (value: number) => formatDecimal(value) };
import { EChart, type ChartOption } from './EChart';
import { HEATMAP_UNITS } from './heatmap-units';
import { topicName } from './labels.vi';
import { shortUnitName, withoutSharedPlace } from '../../../../core/org/short-unit-name';

const RED = '#c8102e';
const GREEN = '#1f7a4d';
const GREY = '#8a94a3';

/** The mood index over time, its 95 % band, and the members behind each point (hidden points leave a gap). */
export function TrendChart({ summary }: { summary: MoodSummary }) {
  const option = useMemo<ChartOption>(() => {
    const points = summary.trend.points;
    const labels = points.map((point) => (summary.trend.bucket === 'month' ? `T${point.start.slice(5, 7)}/${point.start.slice(0, 4)}` : formatDate(point.start).slice(0, 5)));
    return {
      // Room under the legend for the axes' names ("Chỉ số", "Đoàn viên"), which ran into it on a phone.
      grid: { left: 44, right: 44, top: 52, bottom: 28 },
      legend: { top: 0, data: ['Chỉ số tâm trạng', 'Đoàn viên phản ánh'] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', min: -100, max: 100, name: 'Chỉ số', nameGap: 10, axisLabel: VI_AXIS },
        { type: 'value', name: 'Đoàn viên', nameGap: 10, splitLine: { show: false }, axisLabel: VI_AXIS },
      ],
      series: [
        // The band is its low edge plus its width, stacked. ECharts stacks only values of the same sign by default, so
        // under a negative index the width sat on 0 instead of on the low edge: stack them whatever their signs.
        { name: 'Dải tin cậy dưới', type: 'line', data: points.map((p) => p.low), lineStyle: { opacity: 0 }, stack: 'band', stackStrategy: 'all', symbol: 'none', tooltip: { show: false } },
        {
          name: 'Dải tin cậy 95 %',
          type: 'line',
          data: points.map((p) => (p.low !== null && p.high !== null ? p.high - p.low : null)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(200, 16, 46, 0.12)' },
          stack: 'band',
          stackStrategy: 'all',
          symbol: 'none',
          tooltip: { show: false },
        },
        { name: 'Chỉ số tâm trạng', type: 'line', data: points.map((p) => p.mood_index), itemStyle: { color: RED }, connectNulls: false },
        { name: 'Đoàn viên phản ánh', type: 'bar', yAxisIndex: 1, data: points.map((p) => p.members), itemStyle: { color: 'rgba(29, 95, 191, 0.25)' }, barMaxWidth: 18 },
      ],
    };
  }, [summary]);
  return <EChart option={option} height={316} label="Chỉ số tâm trạng theo thời gian, với số đoàn viên phản ánh" />;
}

/** Members per topic, this period beside the previous one. */
export function TopicChart({ summary }: { summary: MoodSummary }) {
  const option = useMemo<ChartOption>(() => {
    const topics = [...summary.topics].filter((t) => !t.suppressed).reverse();
    return {
      grid: { left: 120, right: 24, top: 28, bottom: 20 },
      legend: { top: 0, data: ['Kỳ này', 'Kỳ trước'] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: VI_AXIS },
      yAxis: { type: 'category', data: topics.map((t) => topicName(t.topic)), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        { name: 'Kỳ trước', type: 'bar', data: topics.map((t) => t.previous_members), itemStyle: { color: '#cfd6df' }, barMaxWidth: 12 },
        { name: 'Kỳ này', type: 'bar', data: topics.map((t) => t.members), itemStyle: { color: RED }, barMaxWidth: 12 },
      ],
    };
  }, [summary]);
  return <EChart option={option} height={Math.max(220, 26 * summary.topics.length + 60)} label="Số đoàn viên theo chủ đề, kỳ này và kỳ trước" />;
}

/** How members felt: negative, neutral, positive (hidden parts are left out and said so under the chart). */
export function SentimentChart({ summary }: { summary: MoodSummary }) {
  const option = useMemo<ChartOption>(() => {
    const s = summary.sentiment;
    const data = [
      { name: 'Tiêu cực', value: s.negative, itemStyle: { color: RED } },
      { name: 'Trung tính', value: s.neutral, itemStyle: { color: GREY } },
      { name: 'Tích cực', value: s.positive, itemStyle: { color: GREEN } },
    ].filter((d) => d.value !== null);
    const total = data.reduce((sum, d) => sum + (d.value ?? 0), 0);
    const share = (value: number | null) => (total > 0 ? `${formatDecimal(Math.round(((value ?? 0) / total) * 1000) / 10)} %` : '');
    // The shares are in the legend ("Tiêu cực 41,6 %"), not beside the ring: on a phone the labels outside it were
    // cut at the card's edge ("4…").
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}: ${formatNumber(p.value)} đoàn viên (${formatDecimal(p.percent)} %)` },
      legend: { bottom: 0, formatter: (name: string) => `${name} ${share(data.find((d) => d.name === name)?.value ?? null)}` },
      series: [{ type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'], label: { show: false }, labelLine: { show: false }, data }],
    };
  }, [summary]);
  return <EChart option={option} height={240} label="Tỷ lệ đoàn viên theo cảm xúc" />;
}


/** Units × topics, coloured by the share of members who were negative; hidden cells are grey and marked "ẩn". */
export function HeatmapChart({ summary, units: ordered, unitNames }: { summary: MoodSummary; units: MoodSummary['children']; unitNames: Map<string, string> }) {
  // Units whose own figures are hidden cannot be among "the most negative" or "the fastest rising": they follow the
  // ones that can be ranked, in the order the leader chose (D-dashboard-4).
  const units = useMemo(() => [...ordered.filter((c) => !c.suppressed), ...ordered.filter((c) => c.suppressed)].slice(0, HEATMAP_UNITS).map((c) => c.unit), [ordered]);
  const topics = useMemo(() => [...new Set(summary.heatmap.map((h) => h.topic))], [summary]);
  const option = useMemo<ChartOption>(() => {
    const inView = summary.heatmap.filter((h) => units.includes(h.unit));
    const cell = (h: (typeof inView)[number]) => [topics.indexOf(h.topic), units.indexOf(h.unit)];
    // Shown cells carry their share; hidden ones go in a second, uncoloured series so the visual map never reads them.
    const shown = inView.filter((h) => !h.suppressed && h.negative_share !== null).map((h) => [...cell(h), Math.round((h.negative_share ?? 0) * 100)]);
    const hidden = inView.filter((h) => h.suppressed).map((h) => [...cell(h), 0]);
    const fullName = (code: string | undefined) => unitNames.get(code ?? '') ?? code ?? '';
    return {
            grid: { left: 8, right: 16, top: 10, bottom: 44, containLabel: true },
      tooltip: {
        formatter: (p: { seriesIndex: number; data: [number, number, number] }) => {
          const [x, y, value] = p.data;
          const where = `${fullName(units[y])} — ${topicName(topics[x] ?? '')}`;
          return p.seriesIndex === 1 ? `${where}: ẩn (dưới ${summary.k} đoàn viên, bảo vệ danh tính)` : `${where}: ${value} % đoàn viên tiêu cực`;
        },
      },
      xAxis: { type: 'category', data: topics.map(topicName), axisLabel: { rotate: 40, interval: 0 }, splitArea: { show: false } },
      // A category axis starts at the bottom; inverse puts the first (most negative) unit at the top, as in the table.
      yAxis: { type: 'category', inverse: true, data: withoutSharedPlace(units.map((u) => shortUnitName(fullName(u)))), axisLabel: { width: 150, overflow: 'truncate' } },
      // The colour scale at the left: centred under a chart wider than a phone, it was scrolled out of sight.
      visualMap: { seriesIndex: 0, dimension: 2, min: 0, max: 100, calculable: false, orient: 'horizontal', left: 8, bottom: 0, itemHeight: 120, text: ['100 % tiêu cực', '0 %'], inRange: { color: ['#e6f4ec', '#ffd400', RED] } },
      series: [
        { type: 'heatmap', data: shown, label: { show: true, formatter: (p: { data: [number, number, number] }) => `${p.data[2]}` }, itemStyle: { borderColor: '#fff', borderWidth: 1 } },
        { type: 'heatmap', data: hidden, label: { show: true, color: '#5b6573', formatter: () => 'ẩn' }, itemStyle: { color: '#eef1f4', borderColor: '#fff', borderWidth: 1 } },
      ],
    };
  }, [summary, unitNames, units, topics]);
  // On a phone the topics would overlap: the chart keeps a readable width and the card scrolls sideways.
  return (
    <div className="mood-chart-scroll">
      <EChart option={option} height={34 * units.length + 170} minWidth={200 + 46 * topics.length} label="Bản đồ nhiệt đơn vị theo chủ đề, tỷ lệ đoàn viên tiêu cực" />
    </div>
  );
}
