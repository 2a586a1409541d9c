import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../icons/Icon';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';
/** One follow-up the toast offers, such as "Hoàn tác" right after a save. */
export interface ToastAction {
  label: string;
  run: () => void;
}
interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
  action?: ToastAction;
}
interface ToastApi {
  show(message: string, tone?: ToastTone, action?: ToastAction): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const VISIBLE_MS = 5000;
const TOAST_ICONS = { success: 'check', info: 'info', warning: 'alert', danger: 'alert' } as const;

/** Short confirmations ("Đã gửi", "Đã lưu") and failures of background actions, read out by screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(message, tone = 'success', action) {
        const id = nextId.current++;
        setToasts((current) => [...current.slice(-2), { id, tone, message, ...(action ? { action } : {}) }]);
        // An offer to undo stays long enough to be used on a phone; so does a warning, which says what to do next.
        setTimeout(() => dismiss(id), action ? VISIBLE_MS * 3 : tone === 'warning' || tone === 'danger' ? VISIBLE_MS * 2 : VISIBLE_MS);
      },
    }),
    [dismiss],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="ui-toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`ui-toast ui-toast-${toast.tone}`} role={toast.tone === 'danger' || toast.tone === 'warning' ? 'alert' : 'status'}>
            <Icon name={TOAST_ICONS[toast.tone]} size={18} />
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="ui-toast-action"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="ui-icon-button" onClick={() => dismiss(toast.id)} aria-label="Đóng thông báo">
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs <ToastProvider> above it (admin/main.tsx)');
  return api;
}
