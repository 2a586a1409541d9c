import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';

/** Monthly reports of the user's subtree, instead of the manual reports that climb the hierarchy (issue #10). */
export function ReportsPage() {
  return (
    <>
      <PageHeader title="Báo cáo" description="Báo cáo tháng của đơn vị bạn và các đơn vị trực thuộc, lập tự động." />
      <Card>
        <EmptyState
          icon="report"
          title="Chưa có báo cáo tháng nào"
          description="Ngày đầu tiên của mỗi tháng, hệ thống lập báo cáo tháng trước cho từng đơn vị; bạn cũng có thể lập báo cáo bất kỳ lúc nào."
          hints={['Số liệu chính, biểu đồ, vấn đề nổi bật và cảnh báo', 'Tải về Excel (XLSX) hoặc bản in', 'Báo cáo của các đơn vị trực thuộc ở cùng một chỗ']}
        />
      </Card>
    </>
  );
}
