import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes an open popover (menu, help panel) on Escape or a pointer press outside `root`. Escape is taken in the
 * capture phase and stopped there: the page's own Escape shortcut (e.g. "back to the inbox") must not run too,
 * so one press closes the popover and nothing else. Focus goes back to the button that opened it.
 */
export function usePopoverDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, trigger: RefObject<HTMLElement | null>): void {
  const onClose = useRef(close);
  onClose.current = close;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose.current();
      trigger.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onClose.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, root, trigger]);
}
