import { useState } from 'react';
import type { InboxNoteDto } from '../../../../core/contracts/inbox-api';
import { describeError } from '../../shared/api/error-messages.vi';
import { Button } from '../../shared/components/Button';
import { useToast } from '../../shared/components/Toast';
import { formatDateTime } from '../../shared/format/format.vi';
import type { ConversationActions } from './api';

/** Officers' internal notes: for colleagues who pick the conversation up later; the member never sees them. */
export function NotesPanel({ notes, actions }: { notes: InboxNoteDto[]; actions: ConversationActions }) {
  const [text, setText] = useState('');
  const toast = useToast();
  const save = () =>
    actions.note.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        toast.show('Đã lưu ghi chú nội bộ.');
      },
      onError: (error) => toast.show(describeError(error).title, 'danger'),
    });
  return (
    <div className="notes">
      {notes.length === 0 ? (
        <p className="notes-empty">Chưa có ghi chú. Ghi lại những gì đồng nghiệp cần biết khi tiếp nhận cuộc này.</p>
      ) : (
        <ol className="notes-list">
          {notes.map((note) => (
            <li key={note.id}>
              <p>{note.text}</p>
              <small>
                {note.author.displayName} · {formatDateTime(note.createdAt)}
              </small>
            </li>
          ))}
        </ol>
      )}
      <label className="ui-field">
        <span>Ghi chú mới (đoàn viên không thấy)</span>
        <textarea rows={2} maxLength={4000} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <Button size="sm" icon="note" onClick={save} loading={actions.note.isPending} disabled={!text.trim()}>
        Lưu ghi chú
      </Button>
    </div>
  );
}
