import type { NavBadge } from './navigation';

/** The red count beside a section in the navigation; its label says what is counted (the number alone says nothing). */
export function NavCount({ badge }: { badge: NavBadge | undefined }) {
  if (!badge || badge.count <= 0) return null;
  return (
    <span className="nav-count" title={badge.label} aria-label={badge.label}>
      {badge.count > 99 ? '99+' : badge.count}
    </span>
  );
}
