import { Link } from 'react-router';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { SlaCountdown } from '../../shared/components/SlaCountdown';
import { ANONYMOUS_MEMBER, labelOf, SENTIMENT_VI, STATE_NAMES_VI, TOPIC_SHORT_VI } from '../../shared/format/conversation-labels.vi';
import { formatRelative } from '../../shared/format/format.vi';
import { Icon } from '../../shared/icons/Icon';
import type { InboxItemDto as ConversationRow } from '../../../../core/contracts/inbox-api';
import { shortUnitName } from '../../../../core/org/short-unit-name';

/** The latest officer reply, when the member has not received it (yet): the row says so before anyone opens it. */
const REPLY_DELIVERY_VI: Partial<Record<string, string>> = { queued: 'Trả lời đang gửi', held: 'Trả lời chưa gửi được', failed: 'Trả lời gửi lỗi' };

/**
 * One conversation in the list, laid out like a mail row so it reads the same on a laptop and a phone:
 * who and where on the first line, what it is about on the second, urgency and time on the right.
 */
export function InboxRow({ row, selected, now, myId }: { row: ConversationRow; selected: boolean; now: number; myId: string }) {
  const name = row.memberName?.trim() || ANONYMOUS_MEMBER;
  const topic = labelOf(TOPIC_SHORT_VI, row.topic);
  const sentiment = labelOf(SENTIMENT_VI, row.sentiment);
  const waiting = row.state === 'waiting_officer';
  const owner = row.assignedOfficer ? (row.assignedOfficer.id === myId ? 'Bạn' : row.assignedOfficer.displayName) : null;
  const stateText = row.state === 'officer' && owner ? `${owner} đang xử lý` : labelOf(STATE_NAMES_VI, row.state);
  const classes = ['inbox-row', row.urgent ? 'urgent' : '', row.overdue ? 'overdue' : '', row.unread > 0 ? 'unread' : '', selected ? 'selected' : ''];
  return (
    <Link to={`/inbox/${encodeURIComponent(row.id)}`} className={classes.filter(Boolean).join(' ')} aria-current={selected ? 'true' : undefined} data-id={row.id}>
      <span className="inbox-avatar" aria-hidden="true">
        <Icon name="user" size={20} />
        <span className="inbox-avatar-channel">
          <ChannelIcon channel={row.channel} />
        </span>
      </span>
      <span className="inbox-main">
        <span className="inbox-line">
          <strong className="inbox-name">{name}</strong>
          {row.urgent && (
            <span className="inbox-urgent">
              <Icon name="alert" size={13} /> Khẩn cấp
            </span>
          )}
          <span className="inbox-time">{row.lastMessageAt ? formatRelative(Math.min(Date.parse(row.lastMessageAt), now), new Date(now)) : ''}</span>
        </span>
        {row.preview && <span className="inbox-preview">{row.preview}</span>}
        <span className="inbox-line inbox-meta">
          <span className="inbox-unit">{row.unit?.name ?? 'Chưa rõ đơn vị'}</span>
          {row.escalationLevel > 0 && row.queueUnit && <span className="inbox-escalated" title={`Đã chuyển lên ${row.queueUnit.name}`}>↑ {shortUnitName(row.queueUnit.name)}</span>}
          {topic && <span className="inbox-chip">{topic}</span>}
          {sentiment && <span className={`inbox-chip sentiment-${row.sentiment}`}>{sentiment}</span>}
          {!waiting && <span className="inbox-state">{stateText}</span>}
          {row.replyDelivery && REPLY_DELIVERY_VI[row.replyDelivery] && (
            <span className={`inbox-delivery ${row.replyDelivery}`}>
              <Icon name={row.replyDelivery === 'queued' ? 'clock' : 'alert'} size={13} /> {REPLY_DELIVERY_VI[row.replyDelivery]}
            </span>
          )}
          <span className="inbox-right">
            {waiting && <SlaCountdown dueAt={row.slaDueAt} overdue={row.overdue} now={now} />}
            {row.unread > 0 && (
              <span className="inbox-unread" aria-label={`${row.unread} tin chưa đọc`}>
                {row.unread}
              </span>
            )}
          </span>
        </span>
      </span>
    </Link>
  );
}
