import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Dialog } from '../../shared/components/Dialog';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { SearchField } from '../../shared/components/Toolbar';
import { TOPIC_SHORT_VI } from '../../shared/format/conversation-labels.vi';
import { faqListQuery } from '../knowledge/api';

/** Canned replies are the FAQ's published answers (the existing FAQ API): pick one to put it in the editor. */
export function CannedReplies({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (answer: string) => void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const list = useQuery({ ...faqListQuery({ status: 'published', limit: 30, ...(q ? { q } : {}) }), enabled: open });
  return (
    <Dialog open={open} title="Câu trả lời mẫu" onClose={onClose}>
      <div className="canned">
        <SearchField value={text} onChange={setText} placeholder="Tìm trong hỏi đáp (có dấu hay không đều được)" label="Tìm câu trả lời mẫu" />
        {list.isPending ? (
          <LoadingState rows={4} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.entries.length === 0 ? (
          <EmptyState icon="book" title="Không có câu trả lời mẫu nào khớp" description="Thử từ khoá khác, hoặc tự soạn câu trả lời." />
        ) : (
          <ul className="canned-list">
            {list.data.entries.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(entry.answer);
                    onClose();
                  }}
                >
                  <strong>{entry.question}</strong>
                  <span className="canned-topic">{TOPIC_SHORT_VI[entry.topic]}</span>
                  <span className="canned-answer">{entry.answer}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
