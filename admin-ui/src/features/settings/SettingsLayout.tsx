import './settings.css';
import { Outlet } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/Tabs';
import { useCurrentUser } from '../../shared/session/current-user';

/** Settings: one tab per page, each its own route under /admin/settings/. */
const TABS = [
  { id: 'units', label: 'Đơn vị', to: '/settings/units' },
  { id: 'office-hours', label: 'Giờ làm việc', to: '/settings/office-hours' },
  { id: 'notifications', label: 'Thông báo', to: '/settings/notifications' },
  { id: 'account', label: 'Tài khoản của tôi', to: '/settings/account' },
];
/** Admins also browse the audit log (issue #9 item 8) and the messages given up on (issue #13); the API refuses everyone else. */
const ADMIN_TABS = [
  { id: 'audit', label: 'Nhật ký hệ thống', to: '/settings/audit' },
  { id: 'dead-letters', label: 'Tin lỗi', to: '/settings/dead-letters' },
];

export function SettingsLayout() {
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title="Cài đặt" description="Đơn vị trong phạm vi của bạn, giờ làm việc, thông báo trên điện thoại và thông tin tài khoản." />
      <Tabs label="Mục cài đặt" items={me.role === 'admin' ? [...TABS, ...ADMIN_TABS] : TABS} />
      <Outlet />
    </>
  );
}
