import { useParams } from 'react-router';
import { Badge } from '../../shared/components/Badge';
import { ButtonLink } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';

/** One conversation, opened from the inbox (`/admin/inbox/:conversationId`, issue #9). */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  return (
    <>
      <PageHeader
        back={{ to: '/inbox', label: 'Hộp thư' }}
        title="Cuộc trò chuyện"
        description={
          <>
            Mã cuộc trò chuyện <Badge>{conversationId}</Badge>
          </>
        }
      />
      <Card>
        <EmptyState
          icon="conversation"
          title="Chưa mở được cuộc trò chuyện này"
          description="Cuộc trò chuyện sẽ hiển thị đầy đủ ở đây: tin nhắn của đoàn viên trên mọi kênh, câu trả lời của trợ lý kèm căn cứ pháp lý, và những gì cán bộ đã làm."
          hints={['Nhận xử lý, trả lời, chuyển đơn vị hoặc trả lại cho trợ lý', 'Gợi ý câu trả lời từ bộ hỏi đáp, cán bộ sửa trước khi gửi', 'Ghi chú nội bộ mà đoàn viên không thấy']}
          action={<ButtonLink to="/inbox" icon="back">Về hộp thư</ButtonLink>}
        />
      </Card>
    </>
  );
}
