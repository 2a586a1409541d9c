import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { describeError } from '../shared/api/error-messages.vi';
import { Button } from '../shared/components/Button';
import { Icon, type IconName } from '../shared/icons/Icon';
import { homePathFor } from './navigation';
import { sessionQuery, useLogin } from './session';

const PROMISES: { icon: IconName; text: string }[] = [
  { icon: 'inbox', text: 'Một hộp thư cho Zalo, Messenger, Telegram và web chat' },
  { icon: 'chart', text: 'Tâm tư, nguyện vọng của đoàn viên theo đơn vị và chủ đề' },
  { icon: 'shield', text: 'Chỉ thấy dữ liệu trong phạm vi đơn vị của mình' },
];

/** Where the user was going before being asked to log in (set by RequireSession), if it is one of ours. */
function returnPath(state: unknown): string | null {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : null;
}

export function LoginPage() {
  const session = useQuery(sessionQuery);
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    document.title = 'Đăng nhập — Trợ lý Công đoàn';
  }, []);

  if (session.data) return <Navigate to={returnPath(location.state) ?? homePathFor(session.data.role)} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: (result) => void navigate(returnPath(location.state) ?? homePathFor(result.user.role), { replace: true }) },
    );
  }

  const problem = login.isError ? describeError(login.error) : null;
  return (
    <div className="login">
      <section className="login-intro" aria-hidden="true">
        <span className="brand-mark">CĐ</span>
        <h2>Trợ lý Công đoàn</h2>
        <p>Lắng nghe và hỗ trợ đoàn viên trên mọi kênh, mọi lúc.</p>
        <ul>
          {PROMISES.map((promise) => (
            <li key={promise.text}>
              <Icon name={promise.icon} /> {promise.text}
            </li>
          ))}
        </ul>
      </section>
      <main className="login-main">
        <form className="login-card" onSubmit={submit} aria-label="Đăng nhập">
          <span className="brand-mark login-card-mark">CĐ</span>
          <h1>Đăng nhập</h1>
          <p className="login-sub">Dành cho cán bộ, lãnh đạo và quản trị viên công đoàn</p>
          <label className="ui-field">
            <span>Email</span>
            <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label className="ui-field">
            <span>Mật khẩu</span>
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {problem && (
            <p className="login-error" role="alert">
              <Icon name="alert" size={18} /> {problem.title} {problem.description}
            </p>
          )}
          <Button variant="primary" type="submit" loading={login.isPending}>
            {login.isPending ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </Button>
          <p className="login-help">Quên mật khẩu? Liên hệ quản trị viên của đơn vị để được cấp lại.</p>
        </form>
      </main>
    </div>
  );
}
