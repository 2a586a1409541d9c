import { NavLink } from 'react-router';
import { Icon } from '../shared/icons/Icon';
import { NavCount } from './NavCount';
import type { NavBadges, Section } from './navigation';

/** The phone's navigation: every section of the role (at most five) one tap away. */
export function BottomNav({ sections, badges }: { sections: Section[]; badges: NavBadges }) {
  return (
    <nav className="bottom-nav" aria-label="Điều hướng chính (điện thoại)">
      {sections.map((section) => (
        <NavLink key={section.id} to={section.path} className={({ isActive }) => (isActive ? 'bottom-link active' : 'bottom-link')}>
          <span className="bottom-icon">
            <Icon name={section.icon} size={22} />
            <NavCount badge={badges[section.id]} />
          </span>
          <span>{section.shortLabel}</span>
        </NavLink>
      ))}
    </nav>
  );
}
