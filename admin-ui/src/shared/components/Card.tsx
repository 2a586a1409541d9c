import type { ReactNode } from 'react';

/** A white panel with an optional title row; the building block of every page. */
export function Card({ title, actions, children, flush = false }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; flush?: boolean }) {
  return (
    <section className="ui-card">
      {(title || actions) && (
        <header className="ui-card-header">
          {title && <h2>{title}</h2>}
          {actions && <div className="ui-card-actions">{actions}</div>}
        </header>
      )}
      <div className={flush ? 'ui-card-body flush' : 'ui-card-body'}>{children}</div>
    </section>
  );
}
