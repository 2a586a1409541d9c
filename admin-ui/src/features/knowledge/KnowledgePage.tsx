import { useSearchParams } from 'react-router';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/Tabs';

const TABS = [
  { id: 'faq', label: 'Câu hỏi thường gặp' },
  { id: 'learning', label: 'Trợ lý chưa chắc' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** The knowledge desk (issue #9 item 7): the FAQ members are answered from, and what the bot was unsure about. */
export function KnowledgePage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((item) => item.id === params.get('tab'))?.id ?? 'faq';
  return (
    <>
      <PageHeader title="Hỏi đáp & pháp luật" description="Bộ câu hỏi thường gặp và văn bản pháp luật mà trợ lý dùng để trả lời đoàn viên." />
      <Tabs label="Nội dung" items={[...TABS]} value={tab} onChange={(id) => setParams(id === 'faq' ? {} : { tab: id })} />
      <Card>
        {tab === 'faq' ? (
          <EmptyState
            icon="book"
            title="Bộ câu hỏi thường gặp sẽ được quản lý ở đây"
            description="Mỗi câu trả lời đều dẫn điều luật làm căn cứ; sửa ở đây là trợ lý trả lời theo nội dung mới ngay."
            hints={['Tìm, thêm, sửa và ngừng dùng câu hỏi', 'Chọn điều luật trích dẫn từ kho văn bản', 'Cán bộ đề xuất, lãnh đạo và quản trị duyệt']}
          />
        ) : (
          <EmptyState
            icon="search"
            title="Chưa có câu hỏi nào trợ lý còn phân vân"
            description="Tin nhắn trợ lý chưa hiểu chắc hoặc chưa trả lời được sẽ xếp ở đây (đã che thông tin cá nhân), để cán bộ biến chúng thành câu trả lời mới."
            hints={['Trả lời bằng một câu hỏi thường gặp có sẵn', 'Tạo câu hỏi mới từ tin nhắn', 'Gán lại nhãn để trợ lý học tốt hơn']}
          />
        )}
      </Card>
    </>
  );
}
