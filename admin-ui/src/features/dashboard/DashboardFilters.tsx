import { useState } from 'react';
import { CHANNEL_IDS } from '../../../../core/messages/channels';
import { TOPICS } from '../../../../core/nlu/labels';
import { UNIT_ORDERS, type UnitOrder } from '../../../../core/mood/growth-order';
import { FilterSelect, Toolbar } from '../../shared/components/Toolbar';
import { Icon } from '../../shared/icons/Icon';
import { PERIOD_NAMES_VI, PERIODS, type Period } from '../../shared/mood/period';
import { CHANNEL_NAMES_VI, topicName, UNIT_ORDER_NAMES_VI } from './labels.vi';

export interface DashboardFilterValues {
  period: Period;
  channel: string;
  topic: string;
  order: UnitOrder;
}

/**
 * Period, channel, topic and (when there are units to order) the units' order. On a laptop one row as before; on a
 * phone the selects fold behind one "Bộ lọc" button that says what is chosen, and open stacked at full width: four
 * selects side by side at 390 px wrapped into ragged rows that pushed the figures below the fold (issue #10).
 */
export function DashboardFilters({ value, showOrder, onChange }: { value: DashboardFilterValues; showOrder: boolean; onChange: (key: keyof DashboardFilterValues, value: string) => void }) {
  const [open, setOpen] = useState(false);
  const chosen = [value.channel ? (CHANNEL_NAMES_VI[value.channel] ?? value.channel) : '', value.topic ? topicName(value.topic) : ''].filter(Boolean);
  return (
    <div className={open ? 'mood-filters open' : 'mood-filters'}>
      <button type="button" className="ui-btn ui-btn-secondary ui-btn-sm mood-filters-toggle" aria-expanded={open} aria-controls="mood-filter-panel" onClick={() => setOpen(!open)}>
        <Icon name="search" size={16} />
        <span className="mood-filters-summary">
          Bộ lọc: {PERIOD_NAMES_VI[value.period]}
          {chosen.length > 0 ? ` · ${chosen.join(' · ')}` : ''}
        </span>
      </button>
      <div id="mood-filter-panel">
        <Toolbar>
          <FilterSelect<Period> label="Thời gian" value={value.period === '30d' ? '' : value.period} allLabel={PERIOD_NAMES_VI['30d']} options={PERIODS.filter((p) => p !== '30d').map((p) => ({ value: p, label: PERIOD_NAMES_VI[p] }))} onChange={(next) => onChange('period', next)} />
          <FilterSelect label="Kênh" value={value.channel} options={CHANNEL_IDS.filter((c) => c !== 'cli').map((c) => ({ value: c, label: CHANNEL_NAMES_VI[c] ?? c }))} allLabel="Mọi kênh" onChange={(next) => onChange('channel', next)} />
          <FilterSelect label="Chủ đề" value={value.topic} options={TOPICS.map((t) => ({ value: t, label: topicName(t) }))} allLabel="Mọi chủ đề" onChange={(next) => onChange('topic', next)} />
          {showOrder && (
            <FilterSelect<UnitOrder>
              label="Xếp đơn vị theo"
              value={value.order === 'negative' ? '' : value.order}
              allLabel={UNIT_ORDER_NAMES_VI.negative}
              options={UNIT_ORDERS.filter((o) => o !== 'negative').map((o) => ({ value: o, label: UNIT_ORDER_NAMES_VI[o] }))}
              onChange={(next) => onChange('order', next)}
            />
          )}
        </Toolbar>
      </div>
    </div>
  );
}
