import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import type { FaqProposalDto } from '../../../../core/contracts/knowledge-api';
import { describeError, Empty, ErrorState, Loading } from '../../shared/ui/states';
import { useToast } from '../../shared/ui/toast';
import { knowledgeApi } from './knowledge-api';
import { formatTime } from './labels.vi';

const KIND_NAMES: Record<FaqProposalDto['kind'], string> = { create: 'Thêm câu mới', update: 'Sửa câu', retire: 'Ngừng dùng câu' };
const STATUS_NAMES: Record<FaqProposalDto['status'], string> = { open: 'Chờ duyệt', accepted: 'Đã duyệt', rejected: 'Không duyệt' };

/** Officers' proposals: officers follow their own; leaders and admins review their branch's. */
export function Proposals({ me }: { me: MeResponse }) {
  const [status, setStatus] = useState<FaqProposalDto['status']>('open');
  const client = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ['faq', 'proposals', status], queryFn: () => knowledgeApi.proposals(status) });
  const review = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) => (accept ? knowledgeApi.acceptProposal(id).then(() => 'Đã duyệt và áp dụng.') : knowledgeApi.rejectProposal(id).then(() => 'Đã từ chối đề xuất.')),
    onSuccess: (message) => {
      void client.invalidateQueries({ queryKey: ['faq'] });
      toast.show(message);
    },
    onError: (error) => toast.show(describeError(error), { tone: 'error' }),
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
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.proposals.length === 0 ? (
        <Empty title={status === 'open' ? 'Không có đề xuất nào chờ duyệt.' : 'Chưa có đề xuất nào.'}>
          {reviewer ? 'Cán bộ đề xuất thêm hoặc sửa câu hỏi; đề xuất của đơn vị bạn hiện ở đây để duyệt.' : 'Khi bạn đề xuất thêm hoặc sửa câu hỏi, đề xuất hiện ở đây.'}
        </Empty>
      ) : (
        <ul className="cards">
          {list.data.proposals.map((proposal) => (
            <li key={proposal.id} className="card">
              <p className="meta">
                <strong>{KIND_NAMES[proposal.kind]}</strong>
                {proposal.entryId ? <code className="small">{proposal.entryId}</code> : null}
                <span className="tag">{proposal.unit.name}</span>
                <span className="muted small">
                  {proposal.proposer} · {formatTime(proposal.createdAt)}
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
