import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../shared/components/ErrorState';
import { LoadingState } from '../shared/components/LoadingState';
import { CurrentUserContext } from '../shared/session/current-user';
import { sessionQuery } from './session';

/** The gate of every signed-in page: no session → the login page, which brings the user back here afterwards. */
export function RequireSession() {
  const session = useQuery(sessionQuery);
  const location = useLocation();
  if (session.isPending) {
    return (
      <div className="app-splash">
        <span className="brand-mark">CĐ</span>
        <LoadingState label="Đang kiểm tra phiên đăng nhập…" rows={3} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="app-splash">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <CurrentUserContext.Provider value={session.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}
