import type { MemberProfileDto } from '../../../../core/contracts/inbox-api';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { ANONYMOUS_MEMBER } from '../../shared/format/conversation-labels.vi';
import { formatDate } from '../../shared/format/format.vi';

const CONSENT_VI: Record<string, { text: string; tone: string }> = {
  granted: { text: 'Đã đồng ý cho lưu và xử lý thông tin', tone: 'ok' },
  refused: { text: 'Từ chối cho lưu thông tin', tone: 'warn' },
  withdrawn: { text: 'Đã rút lại sự đồng ý', tone: 'warn' },
  unknown: { text: 'Chưa hỏi ý kiến', tone: 'muted' },
};

/** Who the officer is talking to: name (or anonymous), unit, linked channels and consent, nothing more. */
export function MemberPanel({ member }: { member: MemberProfileDto }) {
  const consent = CONSENT_VI[member.consent] ?? { text: member.consent, tone: 'muted' };
  return (
    <dl className="member-facts">
      <div>
        <dt>Đoàn viên</dt>
        <dd>{member.displayName?.trim() || ANONYMOUS_MEMBER}</dd>
      </div>
      <div>
        <dt>Công đoàn cơ sở</dt>
        <dd>{member.unit ? member.unit.name : 'Chưa cho biết'}</dd>
      </div>
      <div>
        <dt>Kênh đã liên kết</dt>
        <dd className="member-channels">
          {member.channels.length === 0
            ? 'Chưa có'
            : member.channels.map((link) => (
                <span key={link.channel} title={`Liên kết từ ${formatDate(link.linkedAt)}`}>
                  <ChannelIcon channel={link.channel} withName />
                </span>
              ))}
        </dd>
      </div>
      <div>
        <dt>Đồng ý xử lý dữ liệu</dt>
        <dd className={`consent-${consent.tone}`}>{consent.text}</dd>
      </div>
    </dl>
  );
}
