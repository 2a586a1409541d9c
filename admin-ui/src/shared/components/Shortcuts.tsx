import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../icons/Icon';
import { usePopoverDismiss } from './popover-dismiss';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it ("j", "Enter", "?"). */
  keys: string[];
  /** Shown in the help popover. */
  label: string;
  run: () => void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts for a page (Gmail/Zendesk style). They never fire while the officer types in a field or
 * a dialog is open, nor with Ctrl/Alt/Meta (those belong to the browser).
 */
export function useShortcuts(shortcuts: Shortcut[], enabled = true): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const shortcut = current.current.find((item) => item.keys.includes(event.key));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

const KEY_NAMES: Record<string, string> = { Enter: 'Enter', Escape: 'Esc', ArrowDown: '↓', ArrowUp: '↑' };

/** A "Phím tắt" button whose popover lists the page's shortcuts; `?` opens it too. */
export function ShortcutsHelp({ shortcuts }: { shortcuts: Omit<Shortcut, 'run'>[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  usePopoverDismiss(open, () => setOpen(false), root, button);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !typingIn(event.target) && !document.querySelector('dialog[open]')) setOpen((value) => !value);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="ui-shortcuts" ref={root}>
      <button ref={button} type="button" className="ui-btn ui-btn-ghost ui-btn-sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        <Icon name="keyboard" size={16} /> Phím tắt
      </button>
      {open && (
        <div className="ui-shortcuts-panel" id={panelId} role="dialog" aria-label="Phím tắt">
          <strong>Phím tắt</strong>
          <dl>
            {shortcuts.map((shortcut) => (
              <div key={shortcut.label}>
                <dt>
                  {shortcut.keys.map((key) => (
                    <kbd key={key}>{KEY_NAMES[key] ?? key}</kbd>
                  ))}
                </dt>
                <dd>{shortcut.label}</dd>
              </div>
            ))}
            <div>
              <dt>
                <kbd>?</kbd>
              </dt>
              <dd>Mở / đóng bảng này</dd>
            </div>
          </dl>
        </div>
      )}
    </div>
  );
}
