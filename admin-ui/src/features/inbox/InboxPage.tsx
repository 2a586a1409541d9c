import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../shared/api/error-messages.vi';
import { Button } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { ShortcutsHelp, useShortcuts, type Shortcut } from '../../shared/components/Shortcuts';
import { useNow } from '../../shared/components/SlaCountdown';
import { Tabs } from '../../shared/components/Tabs';
import { useToast } from '../../shared/components/Toast';
import { useLiveEvents } from '../../shared/queries/live-events';
import { useCurrentUser } from '../../shared/session/current-user';
import type { InboxView } from '../../../../core/contracts/inbox-api';
import { claimConflictMessage } from '../../shared/api/claim-conflict';
import { conversationListQuery, inboxKeys, OFFLINE_POLL_MS, useClaimConversation } from './api';
import { byPriority, filtersFromParams, filtersToParams, hasFilters, matchesFilters } from './filters';
import { AlertsNotice } from './AlertsNotice';
import { InboxFilters } from './InboxFilters';
import { InboxRow } from './InboxRow';
import { LiveBadge } from './LiveBadge';
import './inbox.css';

const VIEWS = [
  { id: 'waiting', label: 'Đang chờ' },
  { id: 'mine', label: 'Của tôi' },
  { id: 'all', label: 'Tất cả đơn vị của tôi' },
] as const satisfies readonly { id: InboxView; label: string }[];

const EMPTY: Record<InboxView, { title: string; description: string }> = {
  waiting: {
    title: 'Không có cuộc trò chuyện nào đang chờ',
    description: 'Khi đoàn viên muốn gặp cán bộ, hoặc trợ lý thấy việc cần người xử lý, cuộc trò chuyện sẽ hiện ở đây ngay, không cần tải lại trang.',
  },
  mine: { title: 'Bạn chưa nhận cuộc trò chuyện nào', description: 'Những cuộc bạn nhận xử lý hoặc được giao sẽ nằm ở đây cho tới khi bạn đóng hoặc trả lại cho trợ lý.' },
  all: { title: 'Chưa có cuộc trò chuyện nào trong phạm vi của bạn', description: 'Mọi cuộc trò chuyện đã chuyển cho cán bộ của đơn vị bạn và các đơn vị trực thuộc sẽ hiện ở đây.' },
};

export const INBOX_SHORTCUTS = [
  { keys: ['j', 'ArrowDown'], label: 'Cuộc tiếp theo' },
  { keys: ['k', 'ArrowUp'], label: 'Cuộc trước đó' },
  { keys: ['Enter', 'o'], label: 'Mở cuộc đang chọn' },
  { keys: ['c'], label: 'Nhận xử lý cuộc đang chọn' },
  { keys: ['1', '2', '3'], label: 'Đang chờ / Của tôi / Tất cả' },
];

/**
 * The officers' shared inbox (issue #9): waiting, mine, and everything in the officer's unit subtree, urgent and
 * soonest-to-escalate first. View and filters live in the URL; the list refreshes itself from the live stream.
 */
export function InboxPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view: InboxView = VIEWS.find((item) => item.id === params.get('view'))?.id ?? 'waiting';
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const live = useLiveEvents(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.all }));
  const list = useInfiniteQuery({ ...conversationListQuery(view, filters), refetchInterval: live === 'live' ? false : OFFLINE_POLL_MS });
  const claim = useClaimConversation();
  const now = useNow();
  const [selected, setSelected] = useState(0);

  const rows = useMemo(() => {
    const all = (list.data?.pages ?? []).flatMap((page) => page.items).filter((row) => matchesFilters(row, filters));
    return view === 'waiting' ? [...all].sort(byPriority) : all;
  }, [list.data, filters, view]);
  const current = rows[Math.min(selected, rows.length - 1)];

  const setView = (id: InboxView) => {
    const next = new URLSearchParams(params);
    if (id === 'waiting') next.delete('view');
    else next.set('view', id);
    setSelected(0);
    setParams(next);
  };

  const claimRow = (id: string) =>
    claim.mutate(id, {
      onSuccess: () => {
        toast.show('Bạn đã nhận cuộc trò chuyện này.');
        void navigate(`/inbox/${encodeURIComponent(id)}`);
      },
      onError: (error) => toast.show(claimConflictMessage(error) ?? describeError(error).title, 'danger'),
    });

  const move = (delta: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, selected + delta));
    setSelected(next);
    document.querySelector<HTMLElement>(`.inbox-list > li:nth-child(${next + 1}) .inbox-row`)?.focus();
  };
  const shortcuts: Shortcut[] = [
    { keys: ['j', 'ArrowDown'], label: '', run: () => move(1) },
    { keys: ['k', 'ArrowUp'], label: '', run: () => move(-1) },
    { keys: ['Enter', 'o'], label: '', run: () => current && void navigate(`/inbox/${encodeURIComponent(current.id)}`) },
    { keys: ['c'], label: '', run: () => current?.state === 'waiting_officer' && claimRow(current.id) },
    { keys: ['1'], label: '', run: () => setView('waiting') },
    { keys: ['2'], label: '', run: () => setView('mine') },
    { keys: ['3'], label: '', run: () => setView('all') },
  ];
  useShortcuts(shortcuts);

  const waitingCount = view === 'waiting' && list.data ? rows.length : undefined;
  return (
    <div className="inbox">
      <PageHeader
        title="Hộp thư"
        description="Cuộc trò chuyện cần cán bộ trả lời, từ mọi kênh, trong phạm vi đơn vị của bạn."
        actions={
          <>
            <LiveBadge status={live} />
            <ShortcutsHelp shortcuts={INBOX_SHORTCUTS} />
          </>
        }
      />
      <AlertsNotice />
      <Tabs label="Xem theo" items={VIEWS.map((item) => ({ ...item, ...(item.id === 'waiting' && waitingCount ? { count: waitingCount } : {}) }))} value={view} onChange={setView} />
      <InboxFilters
        count={[filters.unit, filters.channel, filters.topic, filters.urgent].filter(Boolean).length}
        value={filters}
        onChange={(next) => {
          setSelected(0);
          setParams(filtersToParams(next, params));
        }}
      />
      <Card flush>
        {list.isPending ? (
          <div className="inbox-loading">
            <LoadingState label="Đang tải hộp thư…" rows={5} variant="table" />
          </div>
        ) : list.isError ? (
          <div className="inbox-loading">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : rows.length === 0 ? (
          hasFilters(filters) ? (
            <EmptyState
              icon="search"
              title="Không có cuộc trò chuyện nào khớp bộ lọc"
              description="Thử bỏ bớt điều kiện lọc để xem các cuộc khác."
              action={
                <Button icon="close" onClick={() => setParams(filtersToParams({}, params))}>
                  Bỏ lọc
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon="inbox"
              title={EMPTY[view].title}
              description={EMPTY[view].description}
              hints={['Zalo, Messenger, Telegram và web chat trong một danh sách', 'Mức khẩn cấp và thời hạn phản hồi của từng cuộc', 'Chỉ các đơn vị thuộc phạm vi của bạn']}
            />
          )
        ) : (
          <>
            <ul className="inbox-list" aria-label="Danh sách cuộc trò chuyện">
              {rows.map((row, index) => (
                <li key={row.id} className={row.urgent ? 'urgent' : row.overdue ? 'overdue' : undefined} onFocus={() => setSelected(index)}>
                  <InboxRow row={row} selected={row.id === current?.id} now={now} myId={me.id} />
                  {row.state === 'waiting_officer' && (
                    <Button size="sm" variant="secondary" className="inbox-claim" loading={claim.isPending && claim.variables === row.id} onClick={() => claimRow(row.id)}>
                      <span className="hide-phone">Nhận xử lý</span>
                      <span className="show-phone">Nhận</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {list.hasNextPage && (
              <div className="inbox-more">
                <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  Xem thêm
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
