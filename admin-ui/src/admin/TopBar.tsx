import type { MeResponse } from '../../../core/contracts/admin-api';
import { Badge } from '../shared/components/Badge';
import { AvailabilityToggle } from './AvailabilityToggle';
import { UserMenu } from './UserMenu';

export function TopBar({ user }: { user: MeResponse }) {
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="brand-mark small">CĐ</span>
        <strong>Trợ lý Công đoàn</strong>
      </div>
      <div className="topbar-scope">
        <Badge tone="brand" dot>
          Phạm vi: {user.unit.name}
        </Badge>
      </div>
      <AvailabilityToggle />
      <UserMenu user={user} />
    </header>
  );
}
