import { MoodSkeleton } from './MoodSkeleton';

/**
 * A view nobody computed ahead, while the server computes it (D-mood-18): the page says so plainly and keeps the
 * figures' shape, the filters above stay usable, and the query asks again with backoff until the figures come.
 */
export function MoodComputing() {
  return (
    <div className="mood-dashboard mood-computing" role="status" aria-live="polite">
      <p className="mood-slow-hint mood-computing-note">Đang tính số liệu cho kỳ này — lần đầu xem kỳ tùy chọn có thể mất đến vài phút; trang tự cập nhật khi xong.</p>
      <MoodSkeleton />
    </div>
  );
}
