import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../../shared/components/LoadingState';
import type * as Charts from './MoodCharts';
import { ChartBoundary } from './ChartBoundary';

// ECharts is most of the dashboard's weight: its chunk loads after the page's numbers are on screen, and only on the
// pages that draw charts (D-dashboard-3). The figures and tables never wait for it.
const load = () => import('./MoodCharts');

type ChartName = 'TrendChart' | 'TopicChart' | 'SentimentChart' | 'HeatmapChart';

function lazyChart<Name extends ChartName>(name: Name, height: number) {
  type Props = Parameters<(typeof Charts)[Name]>[0];
  const Chart = lazy(() => load().then((module) => ({ default: module[name] as ComponentType<Props> })));
  return function LazyChart(props: Props) {
    // The chart's inputs (the summary, and the heat map's ordered units) decide when a failed chart is tried again.
    return (
      <ChartBoundary resetKeys={Object.values(props as object)}>
        <Suspense fallback={<div style={{ minHeight: height }}><LoadingState label="Đang tải biểu đồ…" rows={3} /></div>}>
          <Chart {...props} />
        </Suspense>
      </ChartBoundary>
    );
  };
}

export const TrendChart = lazyChart('TrendChart', 300);
export const TopicChart = lazyChart('TopicChart', 220);
export const SentimentChart = lazyChart('SentimentChart', 240);
export const HeatmapChart = lazyChart('HeatmapChart', 300);
