import { useRouteError } from 'react-router';
import { Button } from '../shared/components/Button';
import { EmptyState } from '../shared/components/EmptyState';

/**
 * A page that crashed while rendering, or a page's code that could not be loaded (most often: a new version
 * was deployed while this tab was open). Reloading fetches the current version.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <div className="app-splash">
      <EmptyState
        icon="alert"
        title={chunkFailed ? 'Ứng dụng vừa được cập nhật' : 'Trang gặp lỗi khi hiển thị'}
        description={chunkFailed ? 'Tải lại trang để dùng phiên bản mới nhất.' : 'Tải lại trang để thử lại. Nếu lỗi lặp lại, hãy báo cho quản trị hệ thống.'}
        action={
          <Button variant="primary" icon="refresh" onClick={() => window.location.reload()}>
            Tải lại trang
          </Button>
        }
      />
    </div>
  );
}
