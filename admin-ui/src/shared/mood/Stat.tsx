import type { ReactNode } from 'react';
import { Hidden } from './Hidden';

/** One headline figure of the dashboard or a report: its label, the value (or "hidden below k"), a short note. */
export function Stat({ label, value, note, hidden = false, k = 5, tone }: { label: string; value: ReactNode; note?: string | undefined; hidden?: boolean; k?: number; tone?: 'alert' | undefined }) {
  return (
    <div className={`mood-stat${tone ? ` mood-stat-${tone}` : ''}`}>
      <span className="mood-stat-label">{label}</span>
      <span className="mood-stat-value">{hidden ? <Hidden k={k} /> : value}</span>
      {note && <span className="mood-stat-note">{note}</span>}
    </div>
  );
}
