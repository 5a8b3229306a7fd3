import { useRef, useState } from 'react';

type CallState = { status: 'idle' | 'pending' | 'success' | 'error'; error: Error | null };

const idle: CallState = { status: 'idle', error: null };

/**
 * The state of a write a widget shows itself (pending, done, its error), kept by the widget rather
 * than a query client's mutation cache. A call that `reset` or a newer call superseded no longer
 * moves the state; its promise still settles as the call does.
 */
export function usePendingCall<Args extends unknown[], Result>(
  call: (...args: Args) => Promise<Result>,
) {
  const [state, setState] = useState(idle);
  const latest = useRef(0);
  const settle = (id: number, next: CallState) => {
    if (id === latest.current) setState(next);
  };
  return {
    isPending: state.status === 'pending',
    isSuccess: state.status === 'success',
    error: state.error,
    run: async (...args: Args): Promise<Result> => {
      const id = ++latest.current;
      setState({ status: 'pending', error: null });
      try {
        const result = await call(...args);
        settle(id, { status: 'success', error: null });
        return result;
      } catch (error) {
        settle(id, {
          status: 'error',
          error: error instanceof Error ? error : Error(String(error)),
        });
        throw error;
      }
    },
    reset: () => {
      latest.current += 1;
      setState(idle);
    },
  };
}
