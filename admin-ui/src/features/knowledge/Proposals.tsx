import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import type { FaqProposalDto } from '../../../../core/contracts/knowledge-api';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useToast } from '../../shared/components/Toast';
import { formatDateTime } from '../../shared/format/format.vi';
import { knowledgeApi, knowledgeKeys, proposalsQuery } from './api';
import { errorText } from './error-text';

const KIND_NAMES: Record<FaqProposalDto['kind'], string> = { create: 'Thêm câu mới', update: 'Sửa câu', retire: 'Ngừng dùng câu' };
const STATUS_NAMES: Record<FaqProposalDto['status'], string> = { open: 'Chờ duyệt', accepted: 'Đã duyệt', rejected: 'Không duyệt' };

/** Officers' proposals: officers follow their own; leaders and admins review their branch's. */
export function Proposals({ me }: { me: MeResponse }) {
  const [status, setStatus] = useState<FaqProposalDto['status']>('open');
  const client = useQueryClient();
  const toast = useToast();
  const list = useQuery(proposalsQuery(status));
  const review = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) => (accept ? knowledgeApi.acceptProposal(id).then(() => 'Đã duyệt và áp dụng.') : knowledgeApi.rejectProposal(id).then(() => 'Đã từ chối đề xuất.')),
    onSuccess: (message) => {
      void client.invalidateQueries({ queryKey: knowledgeKeys.all });
      toast.show(message);
    },
    onError: (error) => toast.show(errorText(error), 'danger'),
  });
  const reviewer = me.role !== 'officer';

  return (
    <section aria-label="Đề xuất">
      <div className="segmented" role="tablist">
        {(['open', 'accepted', 'rejected'] as const).map((value) => (
          <button key={value} role="tab" aria-selected={status === value} className={status === value ? 'on' : ''} onClick={() => setStatus(value)}>
            {STATUS_NAMES[value]}
          </button>
        ))}
      </div>
      {list.isPending ? (
        <LoadingState variant="cards" rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.proposals.length === 0 ? (
        <EmptyState
          icon="check"
          title={status === 'open' ? 'Không có đề xuất nào chờ duyệt' : 'Chưa có đề xuất nào'}
          description={reviewer ? 'Cán bộ đề xuất thêm, sửa hoặc ngừng dùng câu hỏi; đề xuất từ các đơn vị trong phạm vi của bạn hiện ở đây để duyệt.' : 'Khi bạn đề xuất thêm hoặc sửa câu hỏi, đề xuất và kết quả duyệt hiện ở đây.'}
        />
      ) : (
        <ul className="cards">
          {list.data.proposals.map((proposal) => (
            <li key={proposal.id} className="card">
              <p className="meta">
                <strong>{KIND_NAMES[proposal.kind]}</strong>
                {proposal.entryId ? <code className="small">{proposal.entryId}</code> : null}
                <span className="tag">{proposal.unit.name}</span>
                <span className="muted small">
                  {proposal.proposer} · {formatDateTime(proposal.createdAt)}
                </span>
              </p>
              {typeof proposal.payload.question === 'string' ? <p className="quote">{proposal.payload.question}</p> : null}
              {typeof proposal.payload.answer === 'string' ? <p className="answer-box small">{proposal.payload.answer}</p> : null}
              {Array.isArray(proposal.payload.variants) && !proposal.payload.answer ? <p className="small">Cách hỏi: {(proposal.payload.variants as string[]).slice(-3).join(' · ')}</p> : null}
              {proposal.note ? <p className="small">Ghi chú: {proposal.note}</p> : null}
              {proposal.status !== 'open' ? (
                <p className="small muted">
                  {STATUS_NAMES[proposal.status]} bởi {proposal.reviewer}
                  {proposal.reviewNote ? `: ${proposal.reviewNote}` : ''}
                </p>
              ) : reviewer ? (
                <div className="actions">
                  <button className="btn-small primary" disabled={review.isPending} onClick={() => review.mutate({ id: proposal.id, accept: true })}>
                    Duyệt và áp dụng
                  </button>
                  <button className="btn-small quiet" disabled={review.isPending} onClick={() => review.mutate({ id: proposal.id, accept: false })}>
                    Từ chối
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
