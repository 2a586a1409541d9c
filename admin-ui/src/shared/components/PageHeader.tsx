import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../icons/Icon';

const APP_NAME = 'Trợ lý Công đoàn';

/**
 * The top of every page: title, one line saying what the page is for, and the page's main actions.
 * A plain-text title also names the browser tab (`Hộp thư — Trợ lý Công đoàn`).
 */
export function PageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} — ${APP_NAME}`;
  }, [title]);
  return (
    <header className="ui-page-header">
      <div className="ui-page-heading">
        {back && (
          <Link className="ui-back-link" to={back.to}>
            <Icon name="back" size={16} /> {back.label}
          </Link>
        )}
        <h1>{title}</h1>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="ui-page-actions">{actions}</div>}
    </header>
  );
}
