import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeadLetterDto } from '../../../../core/contracts/dead-letter-api';
import { describeError } from '../../shared/api/error-messages.vi';
import { Badge } from '../../shared/components/Badge';
import { Button, ButtonLink } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { Tabs } from '../../shared/components/Tabs';
import { useToast } from '../../shared/components/Toast';
import { formatDateTime, formatNumber } from '../../shared/format/format.vi';
import { useCurrentUser } from '../../shared/session/current-user';
import { deadLettersQuery, useRetryDeadLetter, type DeadLetterDirection } from './dead-letters-api';
import './dead-letters.css';

const DIRECTIONS: { id: DeadLetterDirection; label: string }[] = [
  { id: 'all', label: 'Tất cả' },
  { id: 'in', label: 'Tin đoàn viên' },
  { id: 'out', label: 'Trả lời lỗi' },
];
const DIRECTION_VI: Record<DeadLetterDirection, string> = { all: '', in: 'Tin đoàn viên gửi', out: 'Trả lời gửi đi' };

/**
 * Tin lỗi (issue #13): messages the platform gave up on after its retries — member messages whose turn kept failing,
 * set aside so the conversation goes on, and replies the platform never took — for admins of the subtree, with
 * the redacted error, the conversation one click away and a retry that puts the message back in line once.
 */
export function DeadLettersPage() {
  const me = useCurrentUser();
  const [direction, setDirection] = useState<DeadLetterDirection>('all');
  const list = useInfiniteQuery({ ...deadLettersQuery(direction), enabled: me.role === 'admin' });
  if (me.role !== 'admin') {
    return <EmptyState icon="lock" title="Trang này dành cho quản trị viên" description="Tin lỗi chứa lời đoàn viên (đã che thông tin cá nhân); chỉ quản trị viên của đơn vị xem và gửi lại." />;
  }
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="dead-letters">
      <p className="dead-letters-intro">
        Tin nhắn hệ thống đã thử xử lý nhiều lần mà không được: tin của đoàn viên được để riêng ở đây để cuộc trò chuyện vẫn tiếp tục, trả lời không gửi được thì chờ bạn quyết định. Sửa nguyên nhân rồi bấm <strong>Thử lại</strong>: tin được xử lý lại đúng một lần.
      </p>
      <Tabs label="Loại tin lỗi" items={DIRECTIONS} value={direction} onChange={setDirection} />
      <Card flush>
        {list.isPending ? (
          <LoadingState variant="table" rows={5} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon="shield" title="Không có tin lỗi nào" description="Mọi tin nhắn trong phạm vi của bạn đều đã được xử lý hoặc đang chờ đến lượt." />
        ) : (
          <ul className="dead-letter-list">
            {items.map((item) => (
              <DeadLetterItem key={item.id} item={item} />
            ))}
          </ul>
        )}
      </Card>
      {list.hasNextPage && (
        <Button variant="ghost" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Xem thêm
        </Button>
      )}
      {items.length > 0 && <p className="muted dead-letters-count">{formatNumber(items.length)} tin đang hiển thị · mới nhất trước</p>}
    </div>
  );
}

function DeadLetterItem({ item }: { item: DeadLetterDto }) {
  const [open, setOpen] = useState(false);
  const retry = useRetryDeadLetter();
  const toast = useToast();
  const onRetry = () =>
    retry.mutate(item.id, {
      onSuccess: () => toast.show(item.direction === 'in' ? 'Đã đưa tin nhắn vào hàng chờ xử lý lại.' : 'Đã đưa trả lời vào hàng chờ gửi lại.'),
      onError: (error) => toast.show(describeError(error).title, 'danger'),
    });
  const detailsId = `dead-letter-${item.id}`;
  return (
    <li className="dead-letter">
      <button type="button" className="dead-letter-head" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
        <span className="dead-letter-meta">
          <ChannelIcon channel={item.channel} withName />
          <Badge tone={item.direction === 'in' ? 'warning' : 'danger'}>{DIRECTION_VI[item.direction]}</Badge>
          <span className="muted small">{formatDateTime(item.failedAt ?? item.createdAt)}</span>
          {item.unitCode && <span className="unit-code">{item.unitCode}</span>}
        </span>
        <span className="dead-letter-preview">{item.preview || <em className="muted">(không có chữ)</em>}</span>
      </button>
      {open && (
        <div className="dead-letter-details" id={detailsId}>
          <dl className="dead-letter-facts">
            <dt>Lỗi (đã che thông tin cá nhân)</dt>
            <dd>
              <pre className="dead-letter-error">{item.lastError ?? 'Không ghi nhận lý do.'}</pre>
            </dd>
            <dt>Số lần đã thử</dt>
            <dd>{formatNumber(item.attempts)}</dd>
            <dt>Nhận lúc</dt>
            <dd>{formatDateTime(item.createdAt)}</dd>
          </dl>
          <div className="dead-letter-actions">
            <Button variant="primary" size="sm" loading={retry.isPending} disabled={retry.isSuccess} onClick={onRetry}>
              {retry.isSuccess ? 'Đã đưa vào hàng chờ' : 'Thử lại'}
            </Button>
            <ButtonLink variant="ghost" size="sm" to={`/inbox/${item.conversationId}`}>
              Mở cuộc trò chuyện
            </ButtonLink>
          </div>
        </div>
      )}
    </li>
  );
}
