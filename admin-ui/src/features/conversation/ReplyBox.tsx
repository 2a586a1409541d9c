import { useQuery } from '@tanstack/react-query';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { ConversationDetailDto, InboxCitation } from '../../../../core/contracts/inbox-api';
import { describeError } from '../../shared/api/error-messages.vi';
import { Button } from '../../shared/components/Button';
import { useToast } from '../../shared/components/Toast';
import { CHANNEL_NAMES_VI } from '../../shared/format/conversation-labels.vi';
import { formatRelative } from '../../shared/format/format.vi';
import { Icon } from '../../shared/icons/Icon';
import { suggestionQuery, type ConversationActions } from './api';
import { CannedReplies } from './CannedReplies';

export interface ReplyBoxHandle {
  focus(): void;
}

/** A UUID per draft (the server answers a repeated clientId with the first message instead of sending twice). */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The officer's reply: the channel's status first (can a reply go out now, and why not), then the editor with
 * the suggested draft and the FAQ's canned answers, both only filling the editor: nothing is sent unreviewed.
 * One `clientId` per draft makes a double click harmless.
 */
export const ReplyBox = forwardRef<ReplyBoxHandle, { conversation: ConversationDetailDto; actions: ConversationActions; onSent: (messageId: string, since: number) => void }>(function ReplyBox(
  { conversation, actions, onSent },
  ref,
) {
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState(newClientId);
  const [citations, setCitations] = useState<InboxCitation[]>([]);
  const [cannedOpen, setCannedOpen] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const toast = useToast();
  const suggestion = useQuery(suggestionQuery(conversation.id));
  useImperativeHandle(ref, () => ({ focus: () => editor.current?.focus() }), []);

  const fill = (value: string, cited: InboxCitation[] = []) => {
    setText(value);
    setCitations(cited);
    setClientId(newClientId());
    requestAnimationFrame(() => {
      editor.current?.focus();
      editor.current?.setSelectionRange(value.length, value.length);
    });
  };
  const suggest = async () => {
    const result = await suggestion.refetch();
    if (result.error) return toast.show(describeError(result.error).title, 'danger');
    if (!result.data || result.data.source === 'none' || !result.data.text.trim()) return toast.show('Chưa tìm được gợi ý phù hợp cho câu hỏi này. Bạn có thể chọn câu trả lời mẫu.', 'info');
    fill(result.data.text, result.data.citations);
  };
  const send = () => {
    const body = text.trim();
    if (!body || actions.reply.isPending) return;
    const since = Date.now();
    actions.reply.mutate(
      { text: body, clientId },
      {
        // Accepted is not delivered: the toast waits for the delivery's outcome (useDeliveryToasts).
        onSuccess: ({ message }) => {
          setText('');
          setCitations([]);
          setClientId(newClientId());
          onSent(message.id, since);
        },
        onError: (error) => toast.show(describeError(error).title, 'danger'),
      },
    );
  };

  const status = conversation.reply;
  const channel = CHANNEL_NAMES_VI[conversation.channel] ?? conversation.channel;
  const blocked = !conversation.can.reply || !status.canSend;
  const why = blockedReason(conversation, channel);
  // The channel is down (server's channel health): the reply is accepted but held until it recovers; say so.
  const outage = !blocked && status.code === 'CHANNEL_UNAVAILABLE';
  return (
    <section className="reply" aria-label="Trả lời đoàn viên">
      <p className={`reply-status${blocked ? ' blocked' : outage ? ' outage' : ' ok'}`} role="status">
        <Icon name={blocked ? 'lock' : outage ? 'alert' : 'check'} size={16} />
        <span>
          {blocked ? why : outage ? outageText(channel) : `Có thể trả lời qua ${channel}.`}
          {status.lastInboundAt && <small> Đoàn viên nhắn lần cuối {formatRelative(status.lastInboundAt)}.</small>}
        </span>
      </p>
      <label className="ui-visually-hidden" htmlFor="reply-text">
        Nội dung trả lời
      </label>
      <textarea
        id="reply-text"
        ref={editor}
        className="reply-editor"
        rows={3}
        maxLength={4000}
        value={text}
        disabled={blocked}
        placeholder={blocked ? why : 'Nhập câu trả lời cho đoàn viên… (Ctrl + Enter để gửi)'}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      {citations.length > 0 && (
        <ul className="reply-citations" aria-label="Căn cứ của gợi ý">
          {citations.map((citation) => (
            <li key={`${citation.lawId}-${citation.articleNo}`}>
              <Icon name="book" size={14} /> {citation.label}
            </li>
          ))}
        </ul>
      )}
      <div className="reply-actions">
        <Button icon="sparkle" size="sm" onClick={() => void suggest()} loading={suggestion.isFetching} disabled={blocked}>
          Gợi ý trả lời
        </Button>
        <Button icon="book" size="sm" onClick={() => setCannedOpen(true)} disabled={blocked}>
          Câu trả lời mẫu
        </Button>
        <span className="reply-count">{text.length > 3000 ? `${text.length}/4000` : ''}</span>
        <Button variant="primary" icon="send" onClick={send} loading={actions.reply.isPending} disabled={blocked || !text.trim()}>
          Gửi
        </Button>
      </div>
      {text && !blocked && <p className="reply-hint">Kiểm tra và sửa nội dung trước khi gửi: đoàn viên nhận đúng những gì bạn thấy ở đây.</p>}
      <CannedReplies open={cannedOpen} onClose={() => setCannedOpen(false)} onPick={(answer) => fill(answer)} />
    </section>
  );
});

/** During an outage: what becomes of the reply, in the words the held bubble and the toast use. */
function outageText(channel: string): string {
  return `${channel} đang gặp sự cố nên chưa gửi được tin. Bạn vẫn có thể trả lời: tin sẽ được giữ lại và tự gửi khi ${channel} hoạt động lại.`;
}

/** Why the officer cannot reply now, in words: the conversation's state first, then the channel's own rule. */
function blockedReason(conversation: ConversationDetailDto, channel: string): string {
  if (conversation.state === 'bot') return 'Cuộc trò chuyện đã được trả lại cho trợ lý. Nhận xử lý lại nếu bạn cần trả lời đoàn viên.';
  if (conversation.state === 'closed') return 'Cuộc trò chuyện đã đóng. Đoàn viên nhắn tiếp thì trợ lý sẽ trả lời.';
  if (!conversation.can.reply) {
    if (conversation.state === 'waiting_officer') return 'Nhận xử lý cuộc trò chuyện này để trả lời đoàn viên.';
    if (conversation.assignedOfficer) return `Cán bộ ${conversation.assignedOfficer.displayName} đang xử lý cuộc trò chuyện này.`;
    return 'Bạn chưa thể trả lời cuộc trò chuyện này.';
  }
  return conversation.reply.reason ?? `Chưa thể gửi tin qua ${channel} lúc này.`;
}
