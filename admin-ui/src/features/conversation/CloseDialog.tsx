import { useState } from 'react';
import { CLOSE_RESOLUTIONS, type CloseResolution } from '../../../../core/contracts/inbox-api';
import { Button } from '../../shared/components/Button';
import { Dialog } from '../../shared/components/Dialog';
import { RESOLUTION_VI } from '../../shared/format/conversation-labels.vi';

const HINTS: Record<CloseResolution, string> = {
  resolved: 'Đoàn viên đã có câu trả lời hoặc vấn đề đã xong.',
  legal_aid: 'Đã hướng dẫn tới trung tâm tư vấn pháp luật công đoàn.',
  employer_contacted: 'Công đoàn đã làm việc với doanh nghiệp.',
  no_action: 'Không cần làm gì thêm.',
  spam: 'Tin rác, quấy rối hoặc nhắn nhầm.',
};

/** Close with a resolution tag (reports count them); a later member message reopens it with the bot. */
export function CloseDialog({ open, onClose, onConfirm, pending }: { open: boolean; onClose: () => void; onConfirm: (resolution: CloseResolution) => void; pending: boolean }) {
  const [resolution, setResolution] = useState<CloseResolution>('resolved');
  return (
    <Dialog
      open={open}
      title="Đóng cuộc trò chuyện"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Huỷ
          </Button>
          <Button variant="primary" icon="check" loading={pending} onClick={() => onConfirm(resolution)}>
            Đóng cuộc trò chuyện
          </Button>
        </>
      }
    >
      <fieldset className="choice-list">
        <legend>Kết quả xử lý</legend>
        {CLOSE_RESOLUTIONS.map((value) => (
          <label key={value} className={value === resolution ? 'on' : undefined}>
            <input type="radio" name="resolution" value={value} checked={value === resolution} onChange={() => setResolution(value)} />
            <span>
              <strong>{RESOLUTION_VI[value]}</strong>
              <small>{HINTS[value]}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
