import type { ReactNode } from 'react';
import { ButtonLink } from '../shared/components/Button';
import { EmptyState } from '../shared/components/EmptyState';
import { useCurrentUser } from '../shared/session/current-user';
import { canSee, homePathFor, type Section } from './navigation';

/**
 * Refuses a section to roles the navigation does not offer it to (someone typed the URL). This is for the
 * user's sake only: the server refuses the data anyway.
 */
export function RoleGate({ section, children }: { section: Section['id']; children: ReactNode }) {
  const user = useCurrentUser();
  if (canSee(user.role, section)) return <>{children}</>;
  return (
    <EmptyState
      icon="lock"
      title="Trang này không dành cho vai trò của bạn"
      description="Nếu bạn cần xem trang này, hãy liên hệ quản trị viên của đơn vị để được cấp quyền."
      action={<ButtonLink to={homePathFor(user.role)} variant="primary">Về trang chính</ButtonLink>}
    />
  );
}
