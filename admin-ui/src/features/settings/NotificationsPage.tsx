import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NOTIFY_CHANNELS, type NotifyChannel, type NotifyLinkCodeResponse, type NotifyLinksResponse } from '../../../../core/contracts/inbox-api';
import { describeError } from '../../shared/api/error-messages.vi';
import { Badge } from '../../shared/components/Badge';
import { Button } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { ChannelIcon } from '../../shared/components/ChannelIcon';
import { Dialog } from '../../shared/components/Dialog';
import { LoadingState } from '../../shared/components/LoadingState';
import { QueryView } from '../../shared/components/QueryView';
import { useToast } from '../../shared/components/Toast';
import { formatDateTime } from '../../shared/format/format.vi';
import { notifyLinksQuery, useCreateNotifyCode, useUnlinkNotify } from './api';

const NAMES: Record<NotifyChannel, string> = { telegram: 'Telegram', zalo: 'Zalo' };
const WHERE: Record<NotifyChannel, string> = {
  telegram: 'Mở Telegram trên điện thoại, tìm trợ lý Công đoàn (bot của hệ thống) và bấm Bắt đầu nếu chưa từng nhắn.',
  zalo: 'Mở Zalo trên điện thoại, tìm Official Account của Công đoàn và bấm Quan tâm nếu chưa quan tâm.',
};
/** Zalo lets an OA write to a person for 7 days after that person last wrote to it (D-inboxapi-5). */
const ZALO_DAYS = 7;

/** "9:41" until the code expires; null once it has. */
function useCountdown(until: string | null): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    setNow(Date.now()); // the clock of a new code starts now, not when the page opened
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until) return null;
  const left = Math.max(0, Math.floor((Date.parse(until) - now) / 1000));
  return left === 0 ? null : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/**
 * Settings → Thông báo (issue #9 item 6, gap 2): an officer links their own Telegram or Zalo account to get a
 * short notice when a conversation is urgent, assigned to them or escalated to their unit. The page shows the
 * one-time code with the exact message to send, flips to "linked" by itself, and unlinks.
 */
export function NotificationsPage() {
  const [codes, setCodes] = useState<Partial<Record<NotifyChannel, NotifyLinkCodeResponse>>>({});
  const waiting = Object.values(codes).some((code) => code && Date.parse(code.expiresAt) > Date.now());
  const links = useQuery(notifyLinksQuery(waiting));
  const toast = useToast();

  // A code on screen whose channel is now linked: the officer sent it. Say so once and put the code away.
  useEffect(() => {
    for (const link of links.data?.links ?? []) {
      const code = codes[link.channel];
      if (code && Date.parse(link.linkedAt) >= Date.parse(code.expiresAt) - 10 * 60_000 - 60_000) {
        toast.show(`Đã liên kết ${NAMES[link.channel]}. Thông báo sẽ gửi tới tài khoản này.`);
        setCodes((current) => ({ ...current, [link.channel]: undefined }));
      }
    }
  }, [links.data, codes, toast]);

  return (
    <Card title="Nhận thông báo trên điện thoại">
      <p className="notify-intro">
        Khi có cuộc trò chuyện <strong>khẩn cấp</strong>, được <strong>giao cho bạn</strong> hoặc <strong>chuyển lên đơn vị bạn</strong> vì quá hạn, hệ thống nhắn
        cho bạn một thông báo ngắn: đơn vị, mức khẩn cấp và đường dẫn mở hộp thư. Thông báo <strong>không chứa tên hay lời nhắn của đoàn viên</strong>.
      </p>
      <QueryView query={links} loading={<LoadingState variant="table" rows={2} />}>
        {(data) => (
          <ul className="notify-channels">
            {NOTIFY_CHANNELS.map((channel) => (
              <ChannelRow key={channel} channel={channel} data={data} code={codes[channel] ?? null} onCode={(code) => setCodes((current) => ({ ...current, [channel]: code ?? undefined }))} />
            ))}
          </ul>
        )}
      </QueryView>
    </Card>
  );
}

function ChannelRow({ channel, data, code, onCode }: { channel: NotifyChannel; data: NotifyLinksResponse; code: NotifyLinkCodeResponse | null; onCode: (code: NotifyLinkCodeResponse | null) => void }) {
  const link = data.links.find((item) => item.channel === channel);
  const available = data.available.includes(channel);
  const create = useCreateNotifyCode();
  const unlink = useUnlinkNotify();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const left = useCountdown(code?.expiresAt ?? null);
  const getCode = () => create.mutate(channel, { onSuccess: onCode, onError: (error) => toast.show(describeError(error).title, 'danger') });
  const zaloUntil = channel === 'zalo' && link ? new Date(Date.parse(link.linkedAt) + ZALO_DAYS * 86_400_000) : null;

  return (
    <li className="notify-channel" data-channel={channel}>
      <div className="notify-channel-head">
        <ChannelIcon channel={channel} withName />
        {link ? <Badge tone="success" dot>Đã liên kết</Badge> : available ? <Badge>Chưa liên kết</Badge> : <Badge tone="neutral">Chưa bật trên hệ thống</Badge>}
      </div>
      {link && (
        <div className="notify-linked">
          <p>
            Liên kết lúc {formatDateTime(link.linkedAt)}. Thông báo được gửi tới tài khoản {NAMES[channel]} đã gửi mã.
            {zaloUntil && (
              <>
                {' '}
                Zalo chỉ cho phép gửi trong {ZALO_DAYS} ngày sau khi bạn nhắn cho Official Account: từ {formatDateTime(zaloUntil)} hãy liên kết lại để nhận tiếp.
              </>
            )}
          </p>
          <div className="notify-actions">
            <Button variant="danger" size="sm" icon="close" onClick={() => setConfirming(true)}>
              Hủy liên kết
            </Button>
            {available && (
              <Button size="sm" icon="refresh" loading={create.isPending} onClick={getCode}>
                Liên kết tài khoản khác
              </Button>
            )}
          </div>
        </div>
      )}
      {!link && !available && <p className="notify-muted">Hệ thống này chưa kết nối {NAMES[channel]}. Quản trị hệ thống bật kênh trong cấu hình máy chủ.</p>}
      {available && !code && !link && (
        <div className="notify-actions">
          <Button variant="primary" icon="lock" loading={create.isPending} onClick={getCode}>
            Lấy mã liên kết {NAMES[channel]}
          </Button>
        </div>
      )}
      {code && (
        <div className="notify-code" aria-live="polite">
          {left ? (
            <>
              <ol>
                <li>{WHERE[channel]}</li>
                <li>
                  Gửi đúng tin nhắn này cho trợ lý: <code className="notify-command">/canbo {code.code}</code>
                </li>
                <li>Trang này tự chuyển sang “Đã liên kết” khi trợ lý nhận được mã.</li>
              </ol>
              <p className="notify-muted">
                Mã dùng một lần, hết hạn sau <strong className="notify-left">{left}</strong>. Đừng gửi mã cho người khác: ai gửi mã sẽ nhận thông báo của bạn.
              </p>
              <div className="notify-actions">
                <Button size="sm" icon="check" onClick={() => void navigator.clipboard?.writeText(`/canbo ${code.code}`).then(() => toast.show('Đã sao chép tin nhắn.'))}>
                  Sao chép tin nhắn
                </Button>
                <Button size="sm" variant="ghost" onClick={() => onCode(null)}>
                  Thôi, không liên kết
                </Button>
              </div>
            </>
          ) : (
            <>
              <p className="notify-muted">Mã đã hết hạn mà chưa được gửi tới trợ lý.</p>
              <div className="notify-actions">
                <Button size="sm" variant="primary" icon="refresh" loading={create.isPending} onClick={getCode}>
                  Lấy mã mới
                </Button>
              </div>
            </>
          )}
        </div>
      )}
      <Dialog
        open={confirming}
        title={`Hủy liên kết ${NAMES[channel]}?`}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Giữ liên kết
            </Button>
            <Button
              variant="danger"
              loading={unlink.isPending}
              onClick={() =>
                unlink.mutate(channel, {
                  onSuccess: () => {
                    setConfirming(false);
                    toast.show(`Đã hủy liên kết ${NAMES[channel]}.`);
                  },
                  onError: (error) => toast.show(describeError(error).title, 'danger'),
                })
              }
            >
              Hủy liên kết
            </Button>
          </>
        }
      >
        <p>Bạn sẽ không nhận thông báo trên {NAMES[channel]} nữa. Muốn nhận lại, bạn lấy mã mới và gửi lại cho trợ lý.</p>
      </Dialog>
    </li>
  );
}
