import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

interface ToastAction {
  label: string;
  run: () => void;
}
interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'error';
  action?: ToastAction;
}
interface ToastApi {
  show(text: string, options?: { tone?: 'ok' | 'error'; action?: ToastAction }): void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

/** Short confirmations at the bottom of the screen, with one action such as "Hoàn tác". */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(text, options = {}) {
        const id = ++counter.current;
        setToasts((list) => [...list.slice(-2), { id, text, tone: options.tone ?? 'ok', ...(options.action ? { action: options.action } : {}) }]);
        // An undo offer stays long enough to be used on a phone.
        setTimeout(() => dismiss(id), options.action ? 12_000 : 5_000);
      },
    }),
    [dismiss],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.text}</span>
            {toast.action ? (
              <button
                className="toast-action"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
            <button className="toast-close" aria-label="Đóng" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
