import { createContext, useContext } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';

/** The signed-in user, provided by the app shell (admin/RequireSession.tsx) above every page. */
export const CurrentUserContext = createContext<MeResponse | null>(null);

/** Who is looking: for role-aware screens. The server checks role and unit scope again on every request. */
export function useCurrentUser(): MeResponse {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only available on pages inside the signed-in app shell');
  return user;
}
