import { Component, type ReactNode } from 'react';
import { Button } from '../../shared/components/Button';

type Props = { children: ReactNode; resetKeys: readonly unknown[] };

/**
 * One chart that could not be drawn (its code chunk failed to load — a flaky phone connection, or a new version
 * deployed while the tab was open — or ECharts threw): say so in the chart's place and keep the figures, tables and
 * other charts on screen, instead of the whole page's error. React.lazy keeps a failed import, so "Thử lại" reloads.
 *
 * The failure belongs to the data it was drawn from: when the chart's inputs change (the leader picks another period,
 * channel, topic or unit whose figures are already cached, so the page does not remount), the chart is tried again
 * with the new data instead of keeping the old error until a reload (D-dashboard-8).
 */
export class ChartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && changed(previous.resetKeys, this.props.resetKeys)) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="ui-error mood-chart-error" role="alert">
        <div>
          <strong>Không vẽ được biểu đồ.</strong>
          <p>Có thể do mạng chập chờn hoặc ứng dụng vừa được cập nhật. Các số liệu khác trên trang vẫn đúng.</p>
        </div>
        <Button size="sm" icon="refresh" onClick={() => window.location.reload()}>
          Thử lại
        </Button>
      </div>
    );
  }
}

/** Inputs compared by identity: React Query keeps an unchanged summary the same object, so a refetch alone does not retry. */
function changed(before: readonly unknown[], after: readonly unknown[]): boolean {
  return before.length !== after.length || before.some((value, index) => !Object.is(value, after[index]));
}
