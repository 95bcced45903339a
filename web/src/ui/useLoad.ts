/**
 * Data a page shows, loaded when it opens and again when what it depends on changes. The
 * latest load wins: an answer to an older one (the search before this, the previous user) is
 * dropped, so the page never shows what was asked for before.
 */
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
  /** Replaces the data with what a change returned, without asking again. */
  set(data: T): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({ error: undefined, loading: true });
  const latest = useRef(load);
  latest.current = load;
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    try {
      const data = await latest.current();
      if (mine === generation.current) setState({ data, error: undefined, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((previous) => ({ ...previous, error, loading: false }));
    }
  }, []);
  useEffect(() => {
    void reload();
    // The caller's dependencies decide when to load again.
  }, deps);
  const set = useCallback((data: T) => setState({ data, error: undefined, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}
