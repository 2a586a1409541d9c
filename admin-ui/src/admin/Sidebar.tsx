import { NavLink } from 'react-router';
import type { MeResponse } from '../../../core/contracts/admin-api';
import { UNIT_LEVEL_NAMES_VI } from '../../../core/org/hierarchy';
import { Icon } from '../shared/icons/Icon';
import { NavCount } from './NavCount';
import type { NavBadges, Section } from './navigation';

export function Sidebar({ sections, unit, badges }: { sections: Section[]; unit: MeResponse['unit']; badges: NavBadges }) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="brand-mark small">CĐ</span>
        <span>
          Trợ lý Công đoàn
          <small>Dành cho cán bộ</small>
        </span>
      </div>
      <nav className="sidebar-nav" aria-label="Điều hướng chính">
        {sections.map((section) => (
          <NavLink key={section.id} to={section.path} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
            <Icon name={section.icon} />
            <span>{section.label}</span>
            <NavCount badge={badges[section.id]} />
          </NavLink>
        ))}
      </nav>
      <div className="sidebar-scope" title="Bạn thấy dữ liệu của đơn vị này và các đơn vị trực thuộc">
        <Icon name="units" size={18} />
        <span>
          <small>Phạm vi của bạn</small>
          <strong>{unit.name}</strong>
          <small>{UNIT_LEVEL_NAMES_VI[unit.level]}</small>
        </span>
      </div>
    </aside>
  );
}
