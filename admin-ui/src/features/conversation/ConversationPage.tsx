import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ConversationDetailDto } from '../../../../core/contracts/inbox-api';
import { claimConflictMessage } from '../../shared/api/claim-conflict';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/error-messages.vi';
import { Badge } from '../../shared/components/Badge';
import { Button, ButtonLink } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { Dialog } from '../../shared/components/Dialog';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { ShortcutsHelp, useShortcuts } from '../../shared/components/Shortcuts';
import { SlaCountdown, useNow } from '../../shared/components/SlaCountdown';
import { useToast } from '../../shared/components/Toast';
import { ANONYMOUS_MEMBER, labelOf, RESOLUTION_VI, STATE_NAMES_VI } from '../../shared/format/conversation-labels.vi';
import { useLiveEvents } from '../../shared/queries/live-events';
import { useCurrentUser } from '../../shared/session/current-user';
import { inboxKeys, OFFLINE_POLL_MS } from '../inbox/api';
import { conversationKeys, conversationQuery, useConversationActions } from './api';
import { useDeliveryToasts } from './delivery-toasts';
import { CloseDialog } from './CloseDialog';
import { MemberPanel } from './MemberPanel';
import { NotesPanel } from './NotesPanel';
import { ReplyBox, type ReplyBoxHandle } from './ReplyBox';
import { Transcript } from './Transcript';
import { TransferDialog } from './TransferDialog';
import './conversation.css';

const SHORTCUTS = [
  { keys: ['c'], label: 'Nhận xử lý' },
  { keys: ['r'], label: 'Soạn trả lời' },
  { keys: ['e'], label: 'Trả lại cho trợ lý' },
  { keys: ['t'], label: 'Chuyển đơn vị / cán bộ' },
  { keys: ['x'], label: 'Đóng cuộc trò chuyện' },
  { keys: ['u', 'Escape'], label: 'Về hộp thư' },
  { keys: ['Ctrl', 'Enter'], label: 'Gửi câu trả lời (trong ô soạn)' },
];

type OpenDialog = 'return' | 'close' | 'transfer' | null;

/** How often an open conversation with a reply still queued or held asks for its state while the live stream is down. */
const DELIVERY_POLL_MS = 4000;

/** One conversation, opened from the inbox (`/admin/inbox/:conversationId`, issue #9). */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  const queryClient = useQueryClient();
  const live = useLiveEvents((event) => {
    if (!event.conversationId || event.conversationId === conversationId) void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversationId) });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  });
  // A reply's delivery (sent, held, released, failed) arrives as a live `conversation.delivery` event. Only while the
  // stream is down does the view ask by itself: every few seconds when a reply is on its way or held, else rarely.
  const conversation = useQuery({
    ...conversationQuery(conversationId),
    refetchInterval: (query) =>
      live === 'live' ? false : query.state.data?.messages.some((m) => m.direction === 'out' && (m.deliveryStatus === 'queued' || m.deliveryStatus === 'held')) ? DELIVERY_POLL_MS : OFFLINE_POLL_MS,
  });

  if (conversation.isPending || conversation.isError) {
    const notFound = isApiError(conversation.error) && (conversation.error.status === 404 || conversation.error.status === 422 || conversation.error.status === 400);
    return (
      <div className="conversation">
        <PageHeader back={{ to: '/inbox', label: 'Hộp thư' }} title="Cuộc trò chuyện" />
        <Card>
          {conversation.isPending ? (
            <LoadingState label="Đang mở cuộc trò chuyện…" rows={7} />
          ) : notFound ? (
            <EmptyState
              icon="conversation"
              title="Không tìm thấy cuộc trò chuyện này"
              description="Đường dẫn có thể sai, hoặc cuộc trò chuyện thuộc một đơn vị ngoài phạm vi của bạn."
              action={
                <ButtonLink to="/inbox" icon="back">
                  Về hộp thư
                </ButtonLink>
              }
            />
          ) : (
            <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
          )}
        </Card>
      </div>
    );
  }
  return <ConversationView conversation={conversation.data} updatedAt={conversation.dataUpdatedAt} />;
}

function ConversationView({ conversation, updatedAt }: { conversation: ConversationDetailDto; updatedAt: number }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const actions = useConversationActions(conversation.id);
  const reply = useRef<ReplyBoxHandle>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const now = useNow();
  const watchDelivery = useDeliveryToasts(conversation.messages, updatedAt);
  const mine = conversation.assignedOfficer?.id === me.id;
  const name = conversation.memberName?.trim() || ANONYMOUS_MEMBER;

  // The holder has now read the member's messages: clear the unread count (once per new message).
  const lastId = conversation.messages[conversation.messages.length - 1]?.id;
  const markRead = actions.markRead.mutate;
  useEffect(() => {
    if (mine && conversation.unread > 0) markRead(undefined);
  }, [mine, lastId, conversation.unread, markRead]);

  const claim = () =>
    actions.claim.mutate(undefined, {
      onSuccess: () => {
        setConflict(null);
        toast.show('Bạn đã nhận cuộc trò chuyện này.');
        requestAnimationFrame(() => reply.current?.focus());
      },
      onError: (error) => {
        const message = claimConflictMessage(error);
        if (message) setConflict(message);
        else toast.show(describeError(error).title, 'danger');
      },
    });
  const leave = (message: string) => {
    setDialog(null);
    toast.show(message);
    void navigate('/inbox');
  };
  const fail = (error: unknown) => toast.show(describeError(error).title, 'danger');

  useShortcuts([
    { keys: ['c'], label: '', run: () => conversation.can.claim && claim() },
    { keys: ['r'], label: '', run: () => reply.current?.focus() },
    { keys: ['e'], label: '', run: () => conversation.can.return && setDialog('return') },
    { keys: ['t'], label: '', run: () => conversation.can.transfer && setDialog('transfer') },
    { keys: ['x'], label: '', run: () => conversation.can.close && setDialog('close') },
    { keys: ['u', 'Escape'], label: '', run: () => void navigate('/inbox') },
  ]);

  const stateTone = conversation.state === 'waiting_officer' ? 'warning' : conversation.state === 'officer' ? 'info' : 'neutral';
  const holder = conversation.assignedOfficer ? (mine ? 'Bạn đang xử lý' : `${conversation.assignedOfficer.displayName} đang xử lý`) : null;
  return (
    <div className="conversation">
      <PageHeader
        back={{ to: '/inbox', label: 'Hộp thư' }}
        title={name}
        description={
          <span className="conv-facts">
            {conversation.urgent && <Badge tone="danger">Khẩn cấp</Badge>}
            <Badge tone={stateTone} dot>
              {conversation.state === 'officer' && holder ? holder : labelOf(STATE_NAMES_VI, conversation.state)}
            </Badge>
            {conversation.state === 'waiting_officer' && <SlaCountdown dueAt={conversation.slaDueAt} overdue={conversation.overdue} now={now} />}
            <ChannelIcon channel={conversation.channel} withName />
            <span>{conversation.unit?.name ?? 'Chưa rõ đơn vị'}</span>
            {conversation.queueUnit && conversation.escalationLevel > 0 && <span className="conv-escalated">Đã chuyển lên {conversation.queueUnit.name}</span>}
            {conversation.resolution && <Badge>{RESOLUTION_VI[conversation.resolution]}</Badge>}
          </span>
        }
        actions={<ShortcutsHelp shortcuts={SHORTCUTS} />}
      />

      <div className="conv-actions" role="toolbar" aria-label="Thao tác">
        {conversation.can.claim && (
          <Button variant="primary" icon="check" onClick={claim} loading={actions.claim.isPending}>
            Nhận xử lý
          </Button>
        )}
        {conversation.can.transfer && (
          <Button icon="transfer" onClick={() => setDialog('transfer')}>
            Chuyển
          </Button>
        )}
        {conversation.can.return && (
          <Button icon="undo" onClick={() => setDialog('return')}>
            Trả lại trợ lý
          </Button>
        )}
        {conversation.can.close && (
          <Button icon="flag" onClick={() => setDialog('close')}>
            Đóng
          </Button>
        )}
      </div>
      {conflict && (
        <div className="conv-banner" role="alert">
          <strong>{conflict}</strong> Bạn vẫn xem được cuộc trò chuyện, nhưng chỉ người đã nhận mới trả lời được.
        </div>
      )}
      {conversation.state === 'bot' && (
        <div className="conv-banner info" role="status">
          Trợ lý đang trả lời cuộc trò chuyện này. Nhận xử lý nếu bạn muốn trả lời đoàn viên trực tiếp.
        </div>
      )}

      <div className="conv-layout">
        <div className="conv-main">
          <Card flush>
            {conversation.messages.length === 0 ? (
              <EmptyState icon="conversation" title="Chưa có tin nhắn nào" description="Tin nhắn của đoàn viên và câu trả lời sẽ hiện ở đây." />
            ) : (
              <Transcript
                messages={conversation.messages}
                hasOlder={conversation.hasOlderMessages}
                retryingId={actions.retry.isPending ? actions.retry.variables : undefined}
                onRetry={(messageId) => {
                  const since = Date.now();
                  actions.retry.mutate(messageId, { onSuccess: () => watchDelivery(messageId, since), onError: fail });
                }}
              />
            )}
            <ReplyBox ref={reply} conversation={conversation} actions={actions} onSent={watchDelivery} />
          </Card>
        </div>
        <aside className="conv-side">
          <Card title="Đoàn viên">
            <MemberPanel member={conversation.member} />
          </Card>
          <Card title="Ghi chú nội bộ">
            <NotesPanel notes={conversation.notes} actions={actions} />
          </Card>
        </aside>
      </div>

      <Dialog
        open={dialog === 'return'}
        title="Trả lại cho trợ lý?"
        onClose={() => setDialog(null)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setDialog(null)}>
              Huỷ
            </Button>
            <Button variant="primary" icon="undo" loading={actions.returnToBot.isPending} onClick={() => actions.returnToBot.mutate(undefined, { onSuccess: () => leave('Đã trả lại cho trợ lý.'), onError: fail })}>
              Trả lại trợ lý
            </Button>
          </>
        }
      >
        <p className="dialog-text">Trợ lý sẽ trả lời các tin nhắn tiếp theo của đoàn viên. Đoàn viên vẫn có thể yêu cầu gặp cán bộ lần nữa.</p>
      </Dialog>
      <CloseDialog open={dialog === 'close'} onClose={() => setDialog(null)} pending={actions.close.isPending} onConfirm={(resolution) => actions.close.mutate(resolution, { onSuccess: () => leave('Đã đóng cuộc trò chuyện.'), onError: fail })} />
      <TransferDialog
        conversationId={conversation.id}
        open={dialog === 'transfer'}
        onClose={() => setDialog(null)}
        pending={actions.transfer.isPending}
        onConfirm={(body) => actions.transfer.mutate(body, { onSuccess: () => leave('Đã chuyển cuộc trò chuyện.'), onError: fail })}
      />
    </div>
  );
}
