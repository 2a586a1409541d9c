import { useSearchParams } from 'react-router';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/Tabs';

const VIEWS = [
  { id: 'waiting', label: 'Đang chờ' },
  { id: 'mine', label: 'Của tôi' },
  { id: 'all', label: 'Tất cả trong phạm vi' },
] as const;
type View = (typeof VIEWS)[number]['id'];

const EMPTY: Record<View, { title: string; description: string }> = {
  waiting: {
    title: 'Không có cuộc trò chuyện nào đang chờ',
    description: 'Khi đoàn viên muốn gặp cán bộ, hoặc trợ lý thấy việc cần người xử lý, cuộc trò chuyện sẽ hiện ở đây ngay, không cần tải lại trang.',
  },
  mine: { title: 'Bạn chưa nhận cuộc trò chuyện nào', description: 'Những cuộc bạn nhận xử lý hoặc được giao sẽ nằm ở đây cho tới khi bạn đóng hoặc trả lại cho trợ lý.' },
  all: { title: 'Chưa có cuộc trò chuyện nào trong phạm vi của bạn', description: 'Mọi cuộc trò chuyện đã chuyển cho cán bộ của đơn vị bạn và các đơn vị trực thuộc sẽ hiện ở đây.' },
};

/** The officers' shared inbox (issue #9). The view is in the URL (`?view=mine`) so a link reproduces it. */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((item) => item.id === params.get('view'))?.id ?? 'waiting';
  return (
    <>
      <PageHeader title="Hộp thư" description="Cuộc trò chuyện cần cán bộ trả lời, từ mọi kênh, trong phạm vi đơn vị của bạn." />
      <Tabs label="Xem theo" items={[...VIEWS]} value={view} onChange={(id) => setParams(id === 'waiting' ? {} : { view: id })} />
      <Card>
        <EmptyState
          icon="inbox"
          title={EMPTY[view].title}
          description={EMPTY[view].description}
          hints={['Zalo, Messenger, Telegram và web chat trong một danh sách', 'Mức khẩn cấp và thời hạn phản hồi của từng cuộc', 'Chỉ các đơn vị thuộc phạm vi của bạn']}
        />
      </Card>
    </>
  );
}
