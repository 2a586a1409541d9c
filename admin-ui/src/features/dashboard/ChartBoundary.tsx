import { Component, type ReactNode } from 'react';
import { Button } from '../../shared/components/Button';

/**
 * One chart that could not be drawn (its code chunk failed to load — a flaky phone connection, or a new version
 * deployed while the tab was open — or ECharts threw): say so in the chart's place and keep the figures, tables and
 * other charts on screen, instead of the whole page's error. React.lazy keeps a failed import, so "Thử lại" reloads.
 */
export class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
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
