/**
 * A small router over the History API: real paths (/profile, /admin/users/…), back and forward
 * work, and what one page hands the next (a notice, the name being confirmed) travels in the
 * history entry's state, never in the URL. Nothing secret goes in either.
 */
import { useSyncExternalStore } from 'react';

export interface RouteState {
  /** A message for the next page to show once (e.g. "Account confirmed"). */
  notice?: string;
  /** The account a flow is about (sign-up confirmation, sign-in, reset). */
  username?: string;
  /** Where to go after signing in. */
  next?: string;
}

export interface Location {
  path: string;
  state: RouteState;
}

const listeners = new Set<() => void>();

const read = (): Location => ({ path: window.location.pathname, state: (window.history.state as RouteState | null) ?? {} });

let current = read();

function changed(): void {
  current = read();
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', changed);

export function navigate(path: string, options: { state?: RouteState; replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? {}, '', path);
  else window.history.pushState(options.state ?? {}, '', path);
  changed();
}

export function useLocation(): Location {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The pattern's parameters ("/admin/users/:username") if the path matches it, else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (path === '/' && pattern === '/') return {};
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!got[i]) return null;
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** A path segment built from a value (a username, a group name). */
export const segment = (value: string): string => encodeURIComponent(value);
