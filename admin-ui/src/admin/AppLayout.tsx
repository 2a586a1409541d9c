import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '../shared/components/LoadingState';
import { alertCountQuery } from '../shared/queries/alert-count';
import { useCurrentUser } from '../shared/session/current-user';
import { BottomNav } from './BottomNav';
import { sectionsFor, type NavBadges } from './navigation';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/**
 * The signed-in frame: sidebar + top bar on a laptop; on a phone (≤ 760 px) a compact top bar and a bottom
 * navigation bar within thumb reach. Pages render into <main>; a page's code loads on first visit.
 */
export function AppLayout() {
  const user = useCurrentUser();
  const sections = sectionsFor(user.role);
  // New early-warning alerts of the user's units are marked on the dashboard's entry, wherever the user is (issue #10 item 5).
  const alerts = useQuery(alertCountQuery());
  const open = alerts.data?.open ?? 0;
  const badges: NavBadges = open > 0 ? { dashboard: { count: open, label: `${open} cảnh báo sớm mới` } } : {};
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Bỏ qua menu
      </a>
      <Sidebar sections={sections} unit={user.unit} badges={badges} />
      <div className="app-body">
        <TopBar user={user} />
        <main id="main" className="app-content" tabIndex={-1}>
          <Suspense fallback={<LoadingState rows={6} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <BottomNav sections={sections} badges={badges} />
    </div>
  );
}
