import { SeatsApiError, SeatsNetworkError } from '@seats/client';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

interface Toast {
  id: number;
  text: string;
  tone: 'done' | 'error';
}

const ToastContext = createContext<(text: string, tone?: Toast['tone']) => void>(() => {});

/** Short confirmations and failures in one polite live region, each gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string, tone: Toast['tone'] = 'done') => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current.slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="app-toasts" role="status" aria-label="Notifications">
        {toasts.map((toast) => (
          <p key={toast.id} className="app-toast" data-tone={toast.tone}>
            {toast.text}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

/** A failure in words a user can act on, never a raw `TypeError`. */
export function describeFailure(failure: unknown): string {
  if (failure instanceof SeatsNetworkError || failure instanceof TypeError)
    return 'The server could not be reached. Check your connection and try again.';
  if (failure instanceof SeatsApiError) return failure.message;
  return 'Something went wrong. Try again.';
}
