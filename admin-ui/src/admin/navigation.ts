import type { Role } from '../../../core/contracts/admin-api';
import type { IconName } from '../shared/icons/Icon';

export interface Section {
  id: 'inbox' | 'dashboard' | 'knowledge' | 'reports' | 'settings';
  /** Route path under the router's basename (/admin). */
  path: string;
  label: string;
  /** For the phone's bottom bar, where space is short. */
  shortLabel: string;
  icon: IconName;
  /** Who sees the section. Navigation hides it from others and its route refuses them; the API checks again. */
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'leader', 'officer'];

/** The app's sections, in navigation order. Adding a page to the menu is one line here plus its route. */
export const SECTIONS: readonly Section[] = [
  { id: 'inbox', path: '/inbox', label: 'Hộp thư', shortLabel: 'Hộp thư', icon: 'inbox', roles: EVERYONE },
  { id: 'dashboard', path: '/dashboard', label: 'Tổng quan', shortLabel: 'Tổng quan', icon: 'chart', roles: EVERYONE },
  { id: 'knowledge', path: '/knowledge', label: 'Hỏi đáp & pháp luật', shortLabel: 'Hỏi đáp', icon: 'book', roles: EVERYONE },
  { id: 'reports', path: '/reports', label: 'Báo cáo', shortLabel: 'Báo cáo', icon: 'report', roles: ['admin', 'leader'] },
  { id: 'settings', path: '/settings', label: 'Cài đặt', shortLabel: 'Cài đặt', icon: 'settings', roles: EVERYONE },
];

/** A count beside a section's name (new early-warning alerts on Tổng quan), with what it counts for screen readers. */
export interface NavBadge {
  count: number;
  label: string;
}
export type NavBadges = Partial<Record<Section['id'], NavBadge>>;

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => section.roles.includes(role));
}

export function canSee(role: Role, sectionId: Section['id']): boolean {
  return SECTIONS.some((section) => section.id === sectionId && section.roles.includes(role));
}

/** Where a user lands after logging in: leaders read the dashboard, officers and admins answer the inbox. */
export function homePathFor(role: Role): string {
  return role === 'leader' ? '/dashboard' : '/inbox';
}
