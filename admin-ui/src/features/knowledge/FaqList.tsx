import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import type { FaqEntryDto } from '../../../../core/contracts/knowledge-api';
import { TOPICS, type Topic } from '../../../../core/nlu/labels';
import { TOPIC_NAMES_VI } from '../../../../core/nlu/topic-names.vi';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useToast } from '../../shared/components/Toast';
import { FaqEditor, type EditorMode, type EditorResult } from './FaqEditor';
import { FaqDetail } from './FaqDetail';
import { faqListQuery, knowledgeApi, knowledgeKeys } from './api';
import { errorText } from './error-text';
import { OwnerTag } from './OwnerTag';
import { STATUS_NAMES_VI } from './labels.vi';

type StatusFilter = 'active' | 'published' | 'draft' | 'retired';
type OwnerFilter = 'all' | 'national' | 'local';

/** The FAQ: search (diacritics optional), filters, and the entry view with its actions. */
export function FaqList({ me }: { me: MeResponse }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [topic, setTopic] = useState<Topic | ''>('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorMode | null>(null);
  const client = useQueryClient();
  const toast = useToast();
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const list = useQuery(faqListQuery({ ...(q ? { q } : {}), ...(topic ? { topic } : {}), status, owner, limit: 500 }));
  const refresh = () => void client.invalidateQueries({ queryKey: knowledgeKeys.all });

  const undo = (changeId: string) =>
    knowledgeApi.undo(changeId).then(
      () => {
        refresh();
        toast.show('Đã hoàn tác.');
      },
      (error: unknown) => toast.show(errorText(error), 'danger'),
    );
  const saved = (result: EditorResult) => {
    setEditor(null);
    refresh();
    if (result.proposed) toast.show('Đã gửi đề xuất để lãnh đạo duyệt.');
    else toast.show('Đã lưu. Đoàn viên được trả lời theo nội dung mới ngay.', 'success', result.changeId ? { label: 'Hoàn tác', run: () => void undo(result.changeId as string) } : undefined);
  };

  return (
    <section aria-label="Câu hỏi thường gặp">
      <div className="toolbar">
        <input type="search" className="grow" placeholder="Tìm câu hỏi, cách hỏi hoặc câu trả lời (có dấu hay không dấu đều được)" aria-label="Tìm câu hỏi" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Chủ đề" value={topic} onChange={(e) => setTopic(e.target.value as Topic | '')}>
          <option value="">Mọi chủ đề</option>
          {TOPICS.map((t) => (
            <option key={t} value={t}>
              {TOPIC_NAMES_VI[t]}
            </option>
          ))}
        </select>
        <select aria-label="Cấp" value={owner} onChange={(e) => setOwner(e.target.value as OwnerFilter)}>
          <option value="all">Mọi cấp</option>
          <option value="national">Toàn quốc</option>
          <option value="local">Của đơn vị</option>
        </select>
        <select aria-label="Trạng thái" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="active">Đang dùng và nháp</option>
          <option value="published">Đang dùng</option>
          <option value="draft">Bản nháp</option>
          <option value="retired">Ngừng dùng</option>
        </select>
        <button className="btn" onClick={() => setEditor({ kind: 'create' })}>
          {me.role === 'officer' ? 'Đề xuất câu mới' : 'Thêm câu hỏi'}
        </button>
      </div>
      {list.isPending ? (
        <LoadingState variant="table" rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.entries.length === 0 ? (
        <EmptyState
          icon="search"
          title={q ? `Không có câu nào khớp «${q}»` : 'Chưa có câu hỏi nào ở đây'}
          description="Thử bỏ bớt bộ lọc, tìm bằng từ khác (có dấu hay không dấu đều được), hoặc thêm câu hỏi mới."
        />
      ) : (
        <>
          <p className="muted small">
            {list.data.spelling
              ? `Không có câu khớp sát «${q}» · ${list.data.total} câu gần giống khi đọc lẫn s/x, tr/ch, d/gi/r, n/ng…`
              : `${list.data.total} câu${q ? ' · khớp nhất ở trên cùng' : ''}`}
          </p>
          <ul className="faq-rows">
            {list.data.entries.map((entry) => (
              <FaqRow key={entry.id} entry={entry} onOpen={() => setOpenId(entry.id)} />
            ))}
          </ul>
        </>
      )}
      {openId ? (
        <FaqDetail
          me={me}
          id={openId}
          onClose={() => setOpenId(null)}
          onEdit={(entry) => {
            setOpenId(null);
            setEditor({ kind: 'edit', entry });
          }}
          onOverride={(entry) => {
            setOpenId(null);
            setEditor({ kind: 'override', entry });
          }}
          onChanged={(message, changeId) => {
            refresh();
            toast.show(message, 'success', changeId ? { label: 'Hoàn tác', run: () => void undo(changeId) } : undefined);
          }}
        />
      ) : null}
      {editor ? <FaqEditor me={me} mode={editor} onDone={saved} onCancel={() => setEditor(null)} /> : null}
    </section>
  );
}


function FaqRow({ entry, onOpen }: { entry: FaqEntryDto; onOpen: () => void }) {
  return (
    <li>
      <button className="faq-row" onClick={onOpen}>
        <span className="faq-q">{entry.question}</span>
        <span className="meta">
          <OwnerTag entry={entry} />
          <span className="tag">{TOPIC_NAMES_VI[entry.topic]}</span>
          {entry.status !== 'published' ? <span className={`tag tag-${entry.status}`}>{STATUS_NAMES_VI[entry.status]}</span> : null}
          {entry.overridesId ? <span className="tag tag-override">Thay cho câu chung</span> : null}
          <span className="muted small">{entry.citations.map((c) => `Điều ${c.articleNo}`).join(', ')}</span>
        </span>
      </button>
    </li>
  );
}
