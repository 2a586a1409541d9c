import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { MoodExamplesSchema, MoodViewPendingSchema, type MoodExamplesQuery } from '../../../../core/contracts/mood-api';
import { api } from '../../shared/api/api-client';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { refetchWhilePending } from '../../shared/mood/poll-delay';

const ExamplesAnswerSchema = z.union([MoodViewPendingSchema, MoodExamplesSchema]);

/**
 * A few members' own words behind a concern (docs/decisions.md D-mood-10), fetched only when a leader opens them:
 * masked by the server, never for a hidden group, each read audited. The server first checks the summary shows the
 * topic; for a view nobody computed ahead that is the long computation, so it answers "computing" and the panel
 * asks again with the summary's backoff (D-mood-19).
 */
export function ConcernExamples({ query }: { query: MoodExamplesQuery }) {
  const examples = useQuery({
    queryKey: ['mood', 'examples', query] as const,
    queryFn: ({ signal }) => api.get('/api/admin/mood/examples', ExamplesAnswerSchema, { query: { ...query }, signal, headers: { prefer: 'respond-async' } }),
    staleTime: 5 * 60_000,
    refetchInterval: refetchWhilePending,
  });
  if (examples.isPending) return <LoadingState label="Đang tải ví dụ…" rows={2} />;
  if (examples.isError) return <ErrorState error={examples.error} onRetry={() => void examples.refetch()} />;
  if ('status' in examples.data) {
    return (
      <div className="mood-computing" role="status" aria-live="polite">
        <p className="mood-slow-hint mood-computing-note">Đang tính số liệu cho kỳ này — ví dụ sẽ hiện khi xong.</p>
        <LoadingState label="Đang tải ví dụ…" rows={2} />
      </div>
    );
  }
  if (examples.data.suppressed) return <p className="mood-note">Nhóm quá nhỏ: không hiện ví dụ để bảo vệ danh tính.</p>;
  if (examples.data.examples.length === 0) return <p className="mood-note">Chưa có tin nhắn phù hợp để làm ví dụ.</p>;
  return (
    <ul className="mood-examples">
      {examples.data.examples.map((example) => (
        <li key={example.text} className={`mood-example mood-example-${example.sentiment}`}>
          “{example.text}”
        </li>
      ))}
      <li className="mood-example-note">Thông tin cá nhân đã được che; không kèm tên, ngày hay đơn vị.</li>
    </ul>
  );
}
