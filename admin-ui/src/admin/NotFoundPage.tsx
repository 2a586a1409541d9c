import { ButtonLink } from '../shared/components/Button';
import { EmptyState } from '../shared/components/EmptyState';
import { useCurrentUser } from '../shared/session/current-user';
import { homePathFor } from './navigation';

export function NotFoundPage() {
  const user = useCurrentUser();
  return (
    <EmptyState
      icon="compass"
      title="Không tìm thấy trang này"
      description="Đường dẫn có thể đã cũ hoặc bị gõ nhầm. Hãy chọn một mục trong menu, hoặc quay về trang chính."
      action={<ButtonLink to={homePathFor(user.role)} variant="primary">Về trang chính</ButtonLink>}
    />
  );
}
