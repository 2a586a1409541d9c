import { useState, type FormEvent } from 'react';
import type { MeResponse } from '../../../core/contracts/admin-api';
import { adminApi, ApiError } from './api';

const MESSAGES: Record<string, string> = {
  AUTH_INVALID_CREDENTIALS: 'Email hoặc mật khẩu không đúng.',
  AUTH_RATE_LIMITED: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
  VALIDATION_FAILED: 'Vui lòng nhập email hợp lệ và mật khẩu.',
};

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: MeResponse) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await adminApi.login(email, password);
      onLoggedIn(result.user);
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'NETWORK';
      setError(MESSAGES[code] ?? 'Không kết nối được máy chủ. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-label="Đăng nhập">
        <div className="brand-mark">CĐ</div>
        <h1>Trợ lý Công đoàn</h1>
        <p className="muted">Đăng nhập dành cho cán bộ công đoàn</p>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button className="btn" type="submit" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
