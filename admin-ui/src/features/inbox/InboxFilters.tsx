import type { ChannelId } from '../../../../core/messages/channels';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TOPICS } from '../../../../core/nlu/labels';
import { FilterSelect, Toolbar } from '../../shared/components/Toolbar';
import { CHANNEL_NAMES_VI, TOPIC_SHORT_VI } from '../../shared/format/conversation-labels.vi';
import { Icon } from '../../shared/icons/Icon';
import { unitSubtreeQuery } from '../../shared/queries/units';
import type { InboxFilters as Filters } from './api';

const CHANNELS: ChannelId[] = ['zalo', 'messenger', 'telegram', 'web', 'botframework'];

/** Filters by unit (the officer's subtree), channel, topic and urgency; the page keeps them in the URL. */
export function InboxFilters({ value, count, onChange }: { value: Filters; count: number; onChange: (next: Filters) => void }) {
  // On a phone the four selects fold behind one button (they would push the list below the fold).
  const [open, setOpen] = useState(false);
  const units = useQuery(unitSubtreeQuery());
  const unitOptions = (units.data?.units ?? []).map((unit) => ({ value: unit.code, label: unit.name }));
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <div className={open ? 'inbox-filters open' : 'inbox-filters'}>
      <button type="button" className="ui-btn ui-btn-secondary ui-btn-sm inbox-filters-toggle" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        <Icon name="search" size={16} /> Bộ lọc{count > 0 ? ` (${count})` : ''}
      </button>
      <Toolbar>
        {unitOptions.length > 1 && (
          <FilterSelect label="Đơn vị" value={value.unit ?? ''} options={unitOptions} allLabel="Mọi đơn vị" onChange={(unit) => set({ unit: unit || undefined })} />
        )}
        <FilterSelect
          label="Kênh"
          value={value.channel ?? ''}
          options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_NAMES_VI[channel] ?? channel }))}
          allLabel="Mọi kênh"
          onChange={(channel) => set({ channel: channel || undefined })}
        />
        <FilterSelect
          label="Chủ đề"
          value={value.topic ?? ''}
          options={TOPICS.map((topic) => ({ value: topic, label: TOPIC_SHORT_VI[topic] }))}
          allLabel="Mọi chủ đề"
          onChange={(topic) => set({ topic: topic || undefined })}
        />
        <FilterSelect
          label="Mức độ"
          value={value.urgent ? 'urgent' : ''}
          options={[{ value: 'urgent', label: 'Chỉ khẩn cấp' }]}
          allLabel="Mọi mức độ"
          onChange={(level) => set({ urgent: level === 'urgent' ? true : undefined })}
        />
      </Toolbar>
    </div>
  );
}
