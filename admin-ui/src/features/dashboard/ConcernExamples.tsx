import { useQuery } from '@tanstack/react-query';
import { MoodExamplesSchema, type MoodExamplesQuery } from '../../../../core/contracts/mood-api';
import { api } from '../../shared/api/api-client';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';

/**
 * A few members' own words behind a concern (docs/decisions.md D-mood-10), fetched only when a leader opens them:
 * masked by the server, never for a hidden group, each read audited.
 */
export function ConcernExamples({ query }: { query: MoodExamplesQuery }) {
  const examples = useQuery({
    queryKey: ['mood', 'examples', query] as const,
    queryFn: ({ signal }) => api.get('/api/admin/mood/examples', MoodExamplesSchema, { query: { ...query }, signal }),
    staleTime: 5 * 60_000,
  });
  if (examples.isPending) return <LoadingState label="Đang tải ví dụ…" rows={2} />;
  if (examples.isError) return <ErrorState error={examples.error} onRetry={() => void examples.refetch()} />;
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
