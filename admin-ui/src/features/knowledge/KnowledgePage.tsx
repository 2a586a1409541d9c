import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Card } from '../../shared/components/Card';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/Tabs';
import { useCurrentUser } from '../../shared/session/current-user';
import { learningQuery, proposalsQuery } from './api';
import { FaqList } from './FaqList';
import { LearningQueue } from './LearningQueue';
import { Proposals } from './Proposals';
import './knowledge.css';

const TABS = ['learning', 'faq', 'proposals'] as const;
type Tab = (typeof TABS)[number];

/**
 * The knowledge desk (issue #9 item 7): what the bot was unsure about (with one-click actions), the FAQ by owning
 * unit, and officers' proposals. The tab lives in the URL (`?tab=faq`) so a link or a reload keeps the view.
 */
export function KnowledgePage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((item) => item === params.get('tab')) ?? 'learning';
  const open = useQuery(learningQuery('open'));
  const proposals = useQuery(proposalsQuery('open'));
  const count = (n: number | undefined) => (n ? n : undefined);
  return (
    <div className="knowledge">
      <PageHeader title="Hỏi đáp & pháp luật" description="Câu hỏi trợ lý chưa trả lời được, bộ câu hỏi thường gặp theo từng cấp và các đề xuất chờ duyệt." />
      <Tabs
        label="Hỏi đáp"
        items={[
          { id: 'learning' as const, label: 'Cần xử lý', ...(count(open.data?.items.length) ? { count: open.data?.items.length as number } : {}) },
          { id: 'faq' as const, label: 'Câu hỏi thường gặp' },
          { id: 'proposals' as const, label: 'Đề xuất', ...(count(proposals.data?.proposals.length) ? { count: proposals.data?.proposals.length as number } : {}) },
        ]}
        value={tab}
        onChange={(id) => setParams(id === 'learning' ? {} : { tab: id })}
      />
      <Card>{tab === 'learning' ? <LearningQueue me={me} /> : tab === 'faq' ? <FaqList me={me} /> : <Proposals me={me} />}</Card>
    </div>
  );
}
