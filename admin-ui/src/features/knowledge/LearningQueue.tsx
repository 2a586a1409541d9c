import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import type { LearningActionResponse, LearningItemDto, Relabel } from '../../../../core/contracts/knowledge-api';
import { ROUTES, SENTIMENTS, TOPICS, isRoute, isTopic, type Topic } from '../../../../core/nlu/labels';
import { TOPIC_NAMES_VI } from '../../../../core/nlu/topic-names.vi';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useToast } from '../../shared/components/Toast';
import { formatDateTime } from '../../shared/format/format.vi';
import { FaqEditor, type EditorResult } from './FaqEditor';
import { faqListQuery, knowledgeApi, knowledgeKeys, learningQuery, similarFaqQuery } from './api';
import { errorText } from './error-text';
import { REASON_NAMES_VI, ROUTE_NAMES_VI, SENTIMENT_NAMES_VI } from './labels.vi';

type Status = 'open' | 'resolved' | 'dismissed';
const STATUS_TABS: { id: Status; label: string }[] = [
  { id: 'open', label: 'Đang chờ' },
  { id: 'resolved', label: 'Đã trả lời' },
  { id: 'dismissed', label: 'Đã bỏ qua' },
];

/**
 * "Trợ lý chưa chắc": what members asked that the bot could not answer confidently, each with one-click actions.
 * The list refreshes after every action; a proposal (no rights to write the FAQ) is said so plainly.
 */
export function LearningQueue({ me }: { me: MeResponse }) {
  const [status, setStatus] = useState<Status>('open');
  const [editing, setEditing] = useState<LearningItemDto | null>(null);
  const client = useQueryClient();
  const toast = useToast();
  const items = useQuery(learningQuery(status));
  const refresh = () => void client.invalidateQueries({ queryKey: knowledgeKeys.all });

  const done = (result: EditorResult) => {
    setEditing(null);
    refresh();
    if (result.proposed) toast.show('Đã gửi đề xuất. Lãnh đạo đơn vị sẽ duyệt trước khi trợ lý dùng câu trả lời này.');
    else
      toast.show(
        'Đã tạo câu hỏi. Trợ lý trả lời đoàn viên bằng câu này ngay từ bây giờ.',
        'success',
        result.changeId ? { label: 'Hoàn tác', run: () => void knowledgeApi.undo(result.changeId as string).then(refresh, (e: unknown) => toast.show(errorText(e), 'danger')) } : undefined,
      );
  };

  return (
    <section aria-label="Câu hỏi trợ lý chưa trả lời được">
      <div className="segmented" role="tablist">
        {STATUS_TABS.map((tab) => (
          <button key={tab.id} role="tab" aria-selected={status === tab.id} className={status === tab.id ? 'on' : ''} onClick={() => setStatus(tab.id)}>
            {tab.label}
          </button>
        ))}
      </div>
      {items.isPending ? (
        <LoadingState variant="cards" rows={3} />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <EmptyState
          icon="check"
          title={status === 'open' ? 'Không còn câu hỏi nào cần xử lý' : status === 'resolved' ? 'Chưa có câu nào được trả lời từ đây' : 'Chưa bỏ qua câu nào'}
          description="Khi trợ lý chưa chắc hoặc chưa có câu trả lời, tin nhắn của đoàn viên (đã che thông tin cá nhân) hiện ở đây để cán bộ biến thành câu trả lời."
          hints={['Trả lời bằng một câu hỏi thường gặp có sẵn', 'Tạo câu hỏi mới từ tin nhắn', 'Gán lại nhãn để trợ lý học tốt hơn']}
        />
      ) : (
        <ul className="cards">
          {items.data.items.map((item) => (
            <LearningCard key={item.id} item={item} onCreate={() => setEditing(item)} onChanged={refresh} />
          ))}
        </ul>
      )}
      {editing ? (
        <FaqEditor me={me} mode={{ kind: 'fromLearning', itemId: editing.id, text: editing.text, topic: editing.topic && isTopic(editing.topic) ? editing.topic : null }} onDone={done} onCancel={() => setEditing(null)} />
      ) : null}
    </section>
  );
}

function LearningCard({ item, onCreate, onChanged }: { item: LearningItemDto; onCreate: () => void; onChanged: () => void }) {
  const [panel, setPanel] = useState<'none' | 'answer' | 'relabel'>('none');
  const toast = useToast();
  const act = useMutation({
    mutationFn: (run: () => Promise<LearningActionResponse>) => run(),
    onSuccess: (result) => {
      setPanel('none');
      onChanged();
      const messages: Record<LearningActionResponse['outcome'], string> = {
        applied: 'Đã gắn câu trả lời; cách hỏi này được thêm vào câu hỏi thường gặp.',
        proposed: 'Đã gắn câu trả lời và gửi đề xuất thêm cách hỏi này để lãnh đạo duyệt.',
        labelled: 'Đã lưu nhãn. Nhãn sẽ được dùng khi huấn luyện lại trợ lý.',
        dismissed: 'Đã bỏ qua.',
      };
      toast.show(messages[result.outcome]);
    },
    onError: (error) => toast.show(errorText(error), 'danger'),
  });

  return (
    <li className="card learning-card">
      <p className="quote">«{item.text}»</p>
      <p className="meta">
        <span className={`tag tag-${item.reason}`}>{REASON_NAMES_VI[item.reason] ?? item.reason}</span>
        {item.unitCode ? <span className="tag">{item.unitCode}</span> : <span className="tag">Chưa rõ đơn vị</span>}
        {item.topic && isTopic(item.topic) && item.topic !== 'other' ? <span className="tag">{TOPIC_NAMES_VI[item.topic]}</span> : null}
        {item.confidence !== null ? <span className="muted small">độ chắc {Math.round(item.confidence * 100)}%</span> : null}
        <span className="muted small">{formatDateTime(item.createdAt)}</span>
      </p>
      {item.reviewedLabels ? (
        <p className="small ok-text">
          Đã gán nhãn: {ROUTE_NAMES_VI[item.reviewedLabels.route]} · {TOPIC_NAMES_VI[item.reviewedLabels.topic]} · {SENTIMENT_NAMES_VI[item.reviewedLabels.sentiment]}
        </p>
      ) : null}
      {item.faqEntryId ? <p className="small ok-text">Trả lời bằng: {item.faqEntryId}</p> : null}
      {item.status === 'open' ? (
        <div className="actions">
          <button className="btn-small" onClick={() => setPanel(panel === 'answer' ? 'none' : 'answer')}>
            Trả lời bằng câu có sẵn
          </button>
          <button className="btn-small primary" onClick={onCreate}>
            Tạo câu hỏi mới
          </button>
          <button className="btn-small" onClick={() => setPanel(panel === 'relabel' ? 'none' : 'relabel')}>
            Gán nhãn
          </button>
          <button className="btn-small quiet" disabled={act.isPending} onClick={() => act.mutate(() => knowledgeApi.dismiss(item.id))}>
            Bỏ qua
          </button>
        </div>
      ) : (
        <div className="actions">
          <button className="btn-small quiet" disabled={act.isPending} onClick={() => act.mutate(() => knowledgeApi.reopen(item.id))}>
            Mở lại
          </button>
        </div>
      )}
      {panel === 'answer' ? <AnswerPicker text={item.text} busy={act.isPending} onPick={(id) => act.mutate(() => knowledgeApi.answerWithFaq(item.id, id))} /> : null}
      {panel === 'relabel' ? <RelabelForm item={item} busy={act.isPending} onSave={(labels) => act.mutate(() => knowledgeApi.relabel(item.id, labels))} /> : null}
    </li>
  );
}

function AnswerPicker({ text, busy, onPick }: { text: string; busy: boolean; onPick: (faqEntryId: string) => void }) {
  const [search, setSearch] = useState('');
  const suggestions = useQuery(similarFaqQuery(text));
  const found = useQuery({ ...faqListQuery({ q: search.trim(), status: 'published', limit: 8 }), enabled: search.trim().length >= 2 });
  const list = search.trim().length >= 2 ? found : suggestions;
  return (
    <div className="subpanel">
      <input type="search" placeholder="Tìm câu hỏi thường gặp…" aria-label="Tìm câu hỏi thường gặp" value={search} onChange={(e) => setSearch(e.target.value)} />
      <p className="muted small">{search.trim().length >= 2 ? 'Kết quả tìm kiếm' : 'Gợi ý gần nhất'}</p>
      {list.isPending ? (
        <LoadingState label="Đang tìm…" rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : list.data.entries.length === 0 ? (
        <p className="muted small">Không có câu nào phù hợp. Hãy tạo câu hỏi mới.</p>
      ) : (
        <ul className="pick-list">
          {list.data.entries.map((entry) => (
            <li key={entry.id}>
              <span>
                {entry.question}
                {'score' in entry ? <span className="muted small"> · {Math.round(Number(entry.score) * 100)}%</span> : null}
              </span>
              <button className="btn-small" disabled={busy} onClick={() => onPick(entry.id)}>
                Chọn
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RelabelForm({ item, busy, onSave }: { item: LearningItemDto; busy: boolean; onSave: (labels: Relabel) => void }) {
  const [labels, setLabels] = useState<Relabel>(() => ({
    route: item.reviewedLabels?.route ?? (item.route && isRoute(item.route) ? item.route : 'question'),
    topic: item.reviewedLabels?.topic ?? (item.topic && isTopic(item.topic) ? item.topic : 'other'),
    sentiment: item.reviewedLabels?.sentiment ?? 'neutral',
  }));
  return (
    <form
      className="subpanel relabel"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(labels);
      }}
    >
      <label>
        Loại tin
        <select value={labels.route} onChange={(e) => setLabels({ ...labels, route: e.target.value as Relabel['route'] })}>
          {ROUTES.map((route) => (
            <option key={route} value={route}>
              {ROUTE_NAMES_VI[route]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Chủ đề
        <select value={labels.topic} onChange={(e) => setLabels({ ...labels, topic: e.target.value as Topic })}>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {TOPIC_NAMES_VI[topic]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sắc thái
        <select value={labels.sentiment} onChange={(e) => setLabels({ ...labels, sentiment: e.target.value as Relabel['sentiment'] })}>
          {SENTIMENTS.map((sentiment) => (
            <option key={sentiment} value={sentiment}>
              {SENTIMENT_NAMES_VI[sentiment]}
            </option>
          ))}
        </select>
      </label>
      <button className="btn-small primary" disabled={busy}>
        Lưu nhãn
      </button>
    </form>
  );
}
