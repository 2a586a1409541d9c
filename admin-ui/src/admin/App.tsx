import { useEffect, useState } from 'react';
import type { MeResponse } from '../../../core/contracts/admin-api';
import { adminApi } from './api';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';

export function App() {
  const [me, setMe] = useState<MeResponse | null | undefined>(undefined);
  useEffect(() => {
    adminApi.me().then(setMe, () => setMe(null));
  }, []);
  if (me === undefined) return <p className="muted center">Đang tải…</p>;
  if (me === null) return <LoginPage onLoggedIn={setMe} />;
  return <Shell me={me} onLogout={() => void adminApi.logout().finally(() => setMe(null))} />;
}
