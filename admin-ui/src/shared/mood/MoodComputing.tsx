import { Card } from '../components/Card';
import { Skeleton } from '../components/LoadingState';

/**
 * A view nobody computed ahead, while the server computes it (D-mood-18): the page says so plainly and keeps the
 * figures' shape, the filters above stay usable, and the query asks again with backoff until the figures come.
 */
export function MoodComputing() {
  return (
    <div className="mood-dashboard mood-computing" role="status" aria-live="polite">
      <p className="mood-slow-hint mood-computing-note">Đang tính số liệu cho kỳ này — lần đầu xem kỳ tùy chọn có thể mất đến vài phút; trang tự cập nhật khi xong.</p>
      <div className="mood-stats" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="mood-stat">
            <Skeleton rows={2} />
          </div>
        ))}
      </div>
      <div className="mood-grid" aria-hidden="true">
        <Card>
          <Skeleton rows={6} />
        </Card>
        <Card>
          <Skeleton rows={6} />
        </Card>
      </div>
    </div>
  );
}
