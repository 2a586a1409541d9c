import type { InboxMessageDto } from '../../../../core/contracts/inbox-api';
import { Button } from '../../shared/components/Button';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { labelOf, ROUTE_VI, SENTIMENT_VI, TOPIC_SHORT_VI } from '../../shared/format/conversation-labels.vi';
import { formatDateTime, formatPercent } from '../../shared/format/format.vi';
import { Icon } from '../../shared/icons/Icon';
import { deliveryText, possibleDuplicateText } from './delivery-text.vi';

const AUTHOR_VI: Record<InboxMessageDto['author'], string> = { member: 'Đoàn viên', bot: 'Trợ lý', officer: 'Cán bộ', system: 'Hệ thống' };

/**
 * One message of the transcript. A member message shows what the bot understood (route, topic, sentiment and
 * how sure it was), a bot answer the articles it cited, an officer reply its delivery and a retry when it stuck.
 */
export function MessageBubble({ message, showChannel, onRetry, retrying }: { message: InboxMessageDto; showChannel: boolean; onRetry: (id: string) => void; retrying: boolean }) {
  const inbound = message.direction === 'in';
  const who = message.author === 'officer' && message.officer ? message.officer.displayName : AUTHOR_VI[message.author];
  const delivery = inbound ? undefined : deliveryText(message);
  const duplicate = possibleDuplicateText(message);
  // A reply the member has not received looks unfinished in the bubble itself, not only in the line under it.
  const undelivered = message.deliveryStatus === 'held' || message.deliveryStatus === 'failed';
  const confidence = message.confidence?.route ?? null;
  return (
    <li className={`msg msg-${message.author}${inbound ? ' in' : ' out'}${undelivered ? ` msg-${message.deliveryStatus}` : ''}`}>
      <div className="msg-head">
        <strong>{who}</strong>
        {showChannel && <ChannelIcon channel={message.channel} withName />}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </div>
      <div className="msg-bubble">{message.text || <em className="msg-empty">(không có nội dung chữ)</em>}</div>
      {inbound && message.route && (
        <div className="msg-nlu" aria-label="Trợ lý hiểu tin nhắn này là">
          <span className="msg-tag">{labelOf(ROUTE_VI, message.route)}</span>
          {message.topic && <span className="msg-tag">{labelOf(TOPIC_SHORT_VI, message.topic)}</span>}
          {message.sentiment && <span className={`msg-tag sentiment-${message.sentiment}`}>{labelOf(SENTIMENT_VI, message.sentiment)}</span>}
          {confidence !== null && <span className={`msg-confidence${confidence < 0.5 ? ' low' : ''}`}>Độ tin cậy {formatPercent(confidence)}</span>}
        </div>
      )}
      {message.citations.length > 0 && (
        <ul className="msg-citations" aria-label="Căn cứ đã trích dẫn">
          {message.citations.map((citation) => (
            <li key={`${citation.lawId}-${citation.articleNo}`}>
              <Icon name="book" size={14} /> {citation.label}
            </li>
          ))}
        </ul>
      )}
      {delivery && message.deliveryStatus !== 'sent' && (
        <div className={`msg-delivery ${delivery.tone}`} role={message.deliveryStatus === 'failed' ? 'alert' : undefined}>
          <Icon name={message.deliveryStatus === 'queued' ? 'clock' : 'alert'} size={14} />
          <span>
            <strong>{delivery.label}</strong>
            {delivery.reason && <small title={message.deliveryError ?? undefined}> {delivery.reason}</small>}
          </span>
          {message.retryable && (
            <Button size="sm" icon="refresh" loading={retrying} onClick={() => onRetry(message.id)}>
              Gửi lại
            </Button>
          )}
        </div>
      )}
      {duplicate && (
        <div className="msg-delivery muted msg-duplicate">
          <Icon name="alert" size={14} />
          <span>{duplicate}</span>
        </div>
      )}
    </li>
  );
}
