import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import type { FaqEntryDto } from '../../../../core/contracts/knowledge-api';
import { TOPIC_NAMES_VI } from '../../../../core/nlu/topic-names.vi';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDateTime } from '../../shared/format/format.vi';
import { faqEntryQuery, faqHistoryQuery, knowledgeApi } from './api';
import { errorText } from './error-text';
import { ACTION_NAMES_VI, STATUS_NAMES_VI } from './labels.vi';
import { OwnerTag } from './OwnerTag';

interface DetailProps {
  me: MeResponse;
  id: string;
  onClose: () => void;
  onEdit: (entry: FaqEntryDto) => void;
  onOverride: (entry: FaqEntryDto) => void;
  onChanged: (message: string, changeId: string | null) => void;
}

/** One entry as members get it, what the caller may do with it, and its history with one-click undo. */
export function FaqDetail({ me, id, onClose, onEdit, onOverride, onChanged }: DetailProps) {
  const entry = useQuery(faqEntryQuery(id));
  const history = useQuery(faqHistoryQuery(id));
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = async (work: () => Promise<{ changeId: string | null; message: string }>) => {
    setError(null);
    try {
      const { changeId, message } = await work();
      onChanged(message, changeId);
      onClose();
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  return (
    <div className="sheet-backdrop" role="dialog" aria-modal="true" aria-label="Chi tiết câu hỏi">
      <div className="sheet">
        <header className="sheet-head">
          <h2>Câu hỏi thường gặp</h2>
          <button type="button" className="icon-btn" aria-label="Đóng" onClick={onClose}>
            ×
          </button>
        </header>
        {entry.isPending ? (
          <LoadingState />
        ) : entry.isError ? (
          <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />
        ) : (
          <>
            <h3 className="detail-q">{entry.data.question}</h3>
            <p className="meta">
              <OwnerTag entry={entry.data} />
              <span className="tag">{TOPIC_NAMES_VI[entry.data.topic]}</span>
              <span className={`tag tag-${entry.data.status}`}>{STATUS_NAMES_VI[entry.data.status]}</span>
              {entry.data.overridesId ? <span className="tag tag-override">Thay cho «{entry.data.overridesId}»</span> : null}
              <code className="small">{entry.data.id}</code>
            </p>
            <div className="answer-box">{entry.data.answer}</div>
            <p className="small">
              <strong>Căn cứ:</strong> {entry.data.citations.map((c) => `Điều ${c.articleNo} ${c.lawId}`).join('; ') || 'chưa có'}
            </p>
            {entry.data.variants.length > 0 ? (
              <details>
                <summary>{entry.data.variants.length} cách hỏi khác</summary>
                <ul className="variants">
                  {entry.data.variants.map((variant) => (
                    <li key={variant}>{variant}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {error ? <p className="error">{error}</p> : null}
            <div className="actions">
              <button className="btn-small primary" onClick={() => onEdit(entry.data)}>
                {entry.data.can.edit ? 'Sửa' : 'Đề xuất sửa'}
              </button>
              {entry.data.can.override ? (
                <button className="btn-small" onClick={() => onOverride(entry.data)}>
                  Trả lời riêng cho {me.unit.name}
                </button>
              ) : null}
              {entry.data.can.edit && entry.data.status !== 'retired' ? (
                <button
                  className="btn-small"
                  onClick={() => void run(async () => ({ changeId: (await knowledgeApi.updateFaq(id, { version: entry.data.version, status: 'retired' })).changeId, message: 'Đã ngừng dùng câu này.' }))}
                >
                  Ngừng dùng
                </button>
              ) : null}
              {!entry.data.can.edit && me.role === 'officer' && entry.data.status !== 'retired' ? (
                <button
                  className="btn-small"
                  onClick={() => void run(async () => (await knowledgeApi.propose({ kind: 'retire', entryId: id, baseVersion: entry.data.version }), { changeId: null, message: 'Đã đề xuất ngừng dùng câu này.' }))}
                >
                  Đề xuất ngừng dùng
                </button>
              ) : null}
              {entry.data.can.delete ? (
                confirmDelete ? (
                  <button className="btn-small danger" onClick={() => void run(async () => ({ changeId: (await knowledgeApi.deleteFaq(id)).changeId, message: 'Đã xoá câu hỏi.' }))}>
                    Xoá hẳn?
                  </button>
                ) : (
                  <button className="btn-small quiet" onClick={() => setConfirmDelete(true)}>
                    Xoá
                  </button>
                )
              ) : null}
            </div>
          </>
        )}
        <h3 className="section-title">Lịch sử thay đổi</h3>
        {history.isPending ? (
          <LoadingState rows={2} />
        ) : history.isError ? (
          <ErrorState error={history.error} />
        ) : history.data.changes.length === 0 ? (
          <p className="muted small">Chưa có thay đổi nào được ghi lại (câu có từ trước khi hệ thống lưu lịch sử).</p>
        ) : (
          <ul className="history">
            {history.data.changes.map((change) => (
              <li key={change.changeId}>
                <span>
                  <strong>{ACTION_NAMES_VI[change.action] ?? change.action}</strong> · {change.actor} · <span className="muted">{formatDateTime(change.at)}</span>
                  {change.undoneBy ? <span className="tag">đã hoàn tác</span> : null}
                </span>
                {/* An import touches many entries: it is undone from the toast right after it, never from one entry's page. */}
                {!change.undoneBy && change.action !== 'import' && entry.data?.can.edit ? (
                  <button className="btn-small quiet" onClick={() => void run(async () => ({ changeId: (await knowledgeApi.undo(change.changeId)).changeId, message: 'Đã hoàn tác thay đổi.' }))}>
                    Hoàn tác
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
