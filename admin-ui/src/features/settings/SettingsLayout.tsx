import './settings.css';
import { Outlet } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/Tabs';

/** Settings: one tab per page, each its own route under /admin/settings/. */
const TABS = [
  { id: 'units', label: 'Đơn vị', to: '/settings/units' },
  { id: 'account', label: 'Tài khoản của tôi', to: '/settings/account' },
];

export function SettingsLayout() {
  return (
    <>
      <PageHeader title="Cài đặt" description="Đơn vị trong phạm vi của bạn và thông tin tài khoản." />
      <Tabs label="Mục cài đặt" items={TABS} />
      <Outlet />
    </>
  );
}
