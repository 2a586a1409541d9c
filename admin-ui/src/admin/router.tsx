import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';
import { RoleGate } from './RoleGate';
import { RouteErrorPage } from './RouteErrorPage';

/** Each feature's code is loaded the first time its page is opened (the dashboard's charts are heavy). */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const InboxPage = page(() => import('../features/inbox/InboxPage'), 'InboxPage');
const ConversationPage = page(() => import('../features/conversation/ConversationPage'), 'ConversationPage');
const KnowledgePage = page(() => import('../features/knowledge/KnowledgePage'), 'KnowledgePage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const SettingsLayout = page(() => import('../features/settings/SettingsLayout'), 'SettingsLayout');
const UnitsPage = page(() => import('../features/settings/UnitsPage'), 'UnitsPage');
const AccountPage = page(() => import('../features/settings/AccountPage'), 'AccountPage');
const AuditPage = page(() => import('../features/settings/AuditPage'), 'AuditPage');
const OfficeHoursPage = page(() => import('../features/settings/OfficeHoursPage'), 'OfficeHoursPage');
const NotificationsPage = page(() => import('../features/settings/NotificationsPage'), 'NotificationsPage');
const DeadLettersPage = page(() => import('../features/settings/DeadLettersPage'), 'DeadLettersPage');

/**
 * The one route table of the admin app, served under /admin/ (the server answers every /admin/* path with the
 * app, so deep links and reloads work). Paths here are relative to that basename.
 */
export function createAdminRouter() {
  return createBrowserRouter(
    [
      { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
      {
        element: <RequireSession />,
        errorElement: <RouteErrorPage />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'inbox', element: <RoleGate section="inbox"><InboxPage /></RoleGate> },
              { path: 'inbox/:conversationId', element: <RoleGate section="inbox"><ConversationPage /></RoleGate> },
              { path: 'dashboard', element: <RoleGate section="dashboard"><DashboardPage /></RoleGate> },
              { path: 'knowledge', element: <RoleGate section="knowledge"><KnowledgePage /></RoleGate> },
              { path: 'reports', element: <RoleGate section="reports"><ReportsPage /></RoleGate> },
              {
                path: 'settings',
                element: <RoleGate section="settings"><SettingsLayout /></RoleGate>,
                children: [
                  { index: true, element: <Navigate to="units" replace /> },
                  { path: 'units', element: <UnitsPage /> },
                  { path: 'office-hours', element: <OfficeHoursPage /> },
                  { path: 'notifications', element: <NotificationsPage /> },
                  { path: 'account', element: <AccountPage /> },
                  { path: 'audit', element: <AuditPage /> },
                  { path: 'dead-letters', element: <DeadLettersPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
    { basename: '/admin' },
  );
}
