import { Navigate } from 'react-router';
import { useCurrentUser } from '../shared/session/current-user';
import { homePathFor } from './navigation';

/** `/admin/` itself: each role starts where its work is. */
export function HomeRedirect() {
  return <Navigate to={homePathFor(useCurrentUser().role)} replace />;
}
