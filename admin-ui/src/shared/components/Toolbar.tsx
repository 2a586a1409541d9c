import type { ReactNode } from 'react';
import { Icon } from '../icons/Icon';

/** The row of filters and actions above a list; wraps onto several lines on a phone. */
export function Toolbar({ children, label = 'Bộ lọc' }: { children: ReactNode; label?: string }) {
  return (
    <div className="ui-toolbar" role="toolbar" aria-label={label}>
      {children}
    </div>
  );
}

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

/** A labelled select; `''` is "all" (the first option, named by `allLabel`). */
export function FilterSelect<V extends string>({ label, value, options, onChange, allLabel = 'Tất cả' }: { label: string; value: V | ''; options: FilterOption<V>[]; onChange: (value: V | '') => void; allLabel?: string }) {
  return (
    <label className="ui-field ui-filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as V | '')}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SearchField({ value, onChange, placeholder = 'Tìm kiếm…', label = 'Tìm kiếm' }: { value: string; onChange: (value: string) => void; placeholder?: string; label?: string }) {
  return (
    <label className="ui-search">
      <Icon name="search" size={18} />
      <span className="ui-visually-hidden">{label}</span>
      <input type="search" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
