import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';

export interface TabItem<Id extends string = string> {
  id: Id;
  label: string;
  /** A number shown beside the label (unread, waiting); hidden when undefined. */
  count?: number;
  /** When set, the tab is a link (its route decides which tab is active) instead of a button. */
  to?: string;
}

/**
 * Tabs as links (each tab its own URL, so a tab can be bookmarked and the back button works) or as buttons
 * (`value` + `onChange`) for a view inside one page.
 */
export function Tabs<Id extends string>({ label, items, value, onChange }: { label: string; items: TabItem<Id>[]; value?: Id; onChange?: (id: Id) => void }) {
  const strip = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the strip scrolls sideways: the open tab is brought into view, else a page opened by its link (say
  // Cài đặt › Tin lỗi) showed a row of other tabs and no sign of which one was open.
  useEffect(() => {
    const nav = strip.current;
    const active = nav?.querySelector<HTMLElement>('.ui-tab.active');
    if (!nav || !active) return;
    const outer = nav.getBoundingClientRect();
    const tab = active.getBoundingClientRect();
    if (tab.left < outer.left || tab.right > outer.right) nav.scrollLeft += tab.left - outer.left - 16;
  }, [pathname, value]);
  return (
    <nav className="ui-tabs" aria-label={label} ref={strip}>
      {items.map((item) => {
        const inner = (
          <>
            {item.label}
            {item.count !== undefined && <span className="ui-tab-count">{item.count}</span>}
          </>
        );
        if (item.to) {
          return (
            <NavLink key={item.id} to={item.to} end className={({ isActive }) => (isActive ? 'ui-tab active' : 'ui-tab')}>
              {inner}
            </NavLink>
          );
        }
        const active = item.id === value;
        return (
          <button key={item.id} type="button" className={active ? 'ui-tab active' : 'ui-tab'} aria-pressed={active} onClick={() => onChange?.(item.id)}>
            {inner}
          </button>
        );
      })}
    </nav>
  );
}
