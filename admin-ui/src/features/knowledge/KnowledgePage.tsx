import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeResponse } from '../../../../core/contracts/admin-api';
import { FaqList } from './FaqList';
import { knowledgeApi } from './knowledge-api';
import { LearningQueue } from './LearningQueue';
import { Proposals } from './Proposals';
import './knowledge.css';

type Tab = 'learning' | 'faq' | 'proposals';

/** The knowledge desk (issue #9 item 7): what the bot could not answer, the FAQ, and officers' proposals. */
export function KnowledgePage({ me }: { me: MeResponse }) {
  const [tab, setTab] = useState<Tab>('learning');
  const open = useQuery({ queryKey: ['learning', 'open'], queryFn: () => knowledgeApi.learning('open') });
  const proposals = useQuery({ queryKey: ['faq', 'proposals', 'open'], queryFn: () => knowledgeApi.proposals('open') });
  const count = (n: number | undefined) => (n ? <span className="count">{n}</span> : null);
  return (
    <div className="knowledge">
      <nav className="tabs" role="tablist" aria-label="Hỏi đáp">
        <button role="tab" aria-selected={tab === 'learning'} className={tab === 'learning' ? 'on' : ''} onClick={() => setTab('learning')}>
          Trợ lý chưa chắc {count(open.data?.items.length)}
        </button>
        <button role="tab" aria-selected={tab === 'faq'} className={tab === 'faq' ? 'on' : ''} onClick={() => setTab('faq')}>
          Câu hỏi thường gặp
        </button>
        <button role="tab" aria-selected={tab === 'proposals'} className={tab === 'proposals' ? 'on' : ''} onClick={() => setTab('proposals')}>
          Đề xuất {count(proposals.data?.proposals.length)}
        </button>
      </nav>
      {tab === 'learning' ? <LearningQueue me={me} /> : tab === 'faq' ? <FaqList me={me} /> : <Proposals me={me} />}
    </div>
  );
}
