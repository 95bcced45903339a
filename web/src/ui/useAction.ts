/**
 * An action the user starts (a submit, a button): whether it is running, and how it failed.
 * One run at a time; a failure is kept for ErrorNotice until the next run.
 */
import { useCallback, useRef, useState } from 'react';

export interface Action<A extends unknown[] = []> {
  run(...args: A): Promise<void>;
  pending: boolean;
  error: unknown;
}

export function useAction<A extends unknown[] = []>(perform: (...args: A) => Promise<void>, options: { onFailure?: () => void } = {}): Action<A> {
  const [state, setState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: undefined });
  // The latest closures, so a run sees the values typed just before it.
  const latest = useRef({ perform, options });
  latest.current = { perform, options };
  const running = useRef(false);
  const run = useCallback(async (...args: A) => {
    if (running.current) return;
    running.current = true;
    setState({ pending: true, error: undefined });
    try {
      await latest.current.perform(...args);
      setState({ pending: false, error: undefined });
    } catch (error) {
      latest.current.options.onFailure?.();
      setState({ pending: false, error });
    } finally {
      running.current = false;
    }
  }, []);
  return { run, pending: state.pending, error: state.error };
}
