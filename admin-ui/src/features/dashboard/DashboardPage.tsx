import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';

/** Members' mood and concerns over time, by unit and topic (issue #10). */
export function DashboardPage() {
  return (
    <>
      <PageHeader title="Tổng quan" description="Tâm trạng và mối quan tâm của đoàn viên theo thời gian, theo đơn vị và chủ đề." />
      <Card>
        <EmptyState
          icon="chart"
          title="Chưa đủ dữ liệu để vẽ biểu đồ"
          description="Khi đoàn viên trong phạm vi của bạn nhắn tin với trợ lý, chỉ số tâm trạng và các chủ đề được quan tâm sẽ hiện ở đây, cập nhật mỗi ngày."
          hints={['Xem từ Tổng Liên đoàn xuống từng công đoàn cơ sở', 'Cảnh báo sớm khi một vấn đề tăng bất thường', 'Nhóm dưới 5 đoàn viên được ẩn để bảo vệ danh tính']}
        />
      </Card>
    </>
  );
}
