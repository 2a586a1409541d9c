import { UNIT_LEVEL_NAMES_VI } from '../../../../core/org/hierarchy';
import { Badge } from '../../shared/components/Badge';
import { Card } from '../../shared/components/Card';
import { ROLE_NAMES_VI } from '../../shared/format/labels.vi';
import { useCurrentUser } from '../../shared/session/current-user';

/** Who the user is to the system: role and home unit decide what they see. */
export function AccountPage() {
  const user = useCurrentUser();
  return (
    <Card title="Tài khoản của tôi">
      <dl className="account-facts">
        <dt>Họ và tên</dt>
        <dd>{user.displayName}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Vai trò</dt>
        <dd>
          <Badge tone="info">{ROLE_NAMES_VI[user.role]}</Badge>
        </dd>
        <dt>Đơn vị</dt>
        <dd>
          {user.unit.name} <span className="muted">({UNIT_LEVEL_NAMES_VI[user.unit.level]})</span>
        </dd>
      </dl>
      <p className="account-note">Bạn thấy dữ liệu của đơn vị mình và mọi đơn vị trực thuộc. Muốn đổi vai trò, đơn vị hoặc mật khẩu, hãy liên hệ quản trị viên.</p>
    </Card>
  );
}
