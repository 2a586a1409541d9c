import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the chart types the dashboard draws, so the page's bundle stays small.
echarts.use([LineChart, BarChart, HeatmapChart, PieChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkAreaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

// The page's font stack (theme.css), named rather than 'inherit' so that ECharts measures labels with the font they
// are drawn in; with 'inherit' it measured a narrower default font and long axis labels overflowed the chart's edge.
const PAGE_FONT = "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/** One ECharts chart that follows its container's width (laptop and phone) and is described for screen readers. */
export function EChart({ option, height = 280, minWidth, label }: { option: ChartOption; height?: number; minWidth?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: PAGE_FONT }, animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="mood-chart" style={{ height, minWidth }} role="img" aria-label={label} />;
}
