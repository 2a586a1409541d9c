import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Icon } from '../../shared/icons/Icon';
import { formatNumber } from '../../shared/format/format.vi';
import { alertCountQuery } from '../../shared/queries/alert-count';

/**
 * New early-warning alerts of the officer's units, where officers spend their day (issue #10 item 5: "notifies the
 * unit's officers in the inbox"): one line, one tap to the alerts with their evidence on the dashboard.
 */
export function AlertsNotice() {
  const count = useQuery(alertCountQuery());
  const open = count.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <div className="inbox-alerts" role="status">
      <Icon name="alert" size={18} />
      <span>
        <strong>{formatNumber(open)} cảnh báo sớm mới</strong> trong các đơn vị của bạn: một vấn đề đang được phản ánh nhiều bất thường.
      </span>
      <Link to="/dashboard#canh-bao">Xem cảnh báo</Link>
    </div>
  );
}
