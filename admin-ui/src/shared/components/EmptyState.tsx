import type { ReactNode } from 'react';
import { Icon, type IconName } from '../icons/Icon';

/**
 * What a page shows when there is nothing (yet): a picture, a sentence saying why, what will appear here,
 * and the next step. Never a blank area, never just "không có dữ liệu".
 */
export function EmptyState({ icon, title, description, hints, action }: { icon: IconName; title: string; description?: ReactNode; hints?: string[]; action?: ReactNode }) {
  return (
    <div className="ui-empty" role="status">
      <div className="ui-empty-art" aria-hidden="true">
        <span className="ui-empty-ring" />
        <Icon name={icon} size={34} />
      </div>
      <h2>{title}</h2>
      {description && <p className="ui-empty-text">{description}</p>}
      {hints && hints.length > 0 && (
        <ul className="ui-empty-hints">
          {hints.map((hint) => (
            <li key={hint}>
              <Icon name="check" size={16} /> {hint}
            </li>
          ))}
        </ul>
      )}
      {action && <div className="ui-empty-action">{action}</div>}
    </div>
  );
}
