import { useId, useRef, useState } from 'react';
import type { MeResponse } from '../../../core/contracts/admin-api';
import { UNIT_LEVEL_NAMES_VI } from '../../../core/org/hierarchy';
import { Badge } from '../shared/components/Badge';
import { Button } from '../shared/components/Button';
import { usePopoverDismiss } from '../shared/components/popover-dismiss';
import { ROLE_NAMES_VI } from '../shared/format/labels.vi';
import { useLogout } from './session';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((word) => word?.[0] ?? '').join('').toUpperCase();
}

/** Who is signed in, in which role and unit, and the way out. */
export function UserMenu({ user }: { user: MeResponse }) {
  const [open, setOpen] = useState(false);
  const logout = useLogout();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  const button = useRef<HTMLButtonElement>(null);
  usePopoverDismiss(open, () => setOpen(false), root, button);

  return (
    <div className="user-menu" ref={root}>
      <button ref={button} type="button" className="user-menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((value) => !value)}>
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu-name">
          <strong>{user.displayName}</strong>
          <small>{ROLE_NAMES_VI[user.role]}</small>
        </span>
      </button>
      {open && (
        <div className="user-menu-panel" id={menuId}>
          <div className="user-menu-who">
            <strong>{user.displayName}</strong>
            <span>{user.email}</span>
            <Badge tone="info">{ROLE_NAMES_VI[user.role]}</Badge>
          </div>
          <div className="user-menu-unit">
            <small>Đơn vị</small>
            <span>{user.unit.name}</span>
            <small>{UNIT_LEVEL_NAMES_VI[user.unit.level]}</small>
          </div>
          <Button variant="secondary" icon="logout" loading={logout.isPending} onClick={() => logout.mutate()}>
            Đăng xuất
          </Button>
        </div>
      )}
    </div>
  );
}
