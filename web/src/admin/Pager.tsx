/**
 * Moving through pages that the API hands out by token: forward with the last page's nextToken,
 * back through the tokens already used.
 */
import { useCallback, useState } from 'react';

export interface Pager {
  /** The token of the page shown (undefined: the first). */
  token: string | undefined;
  page: number;
  next(token: string): void;
  previous(): void;
  reset(): void;
}

export function usePager(): Pager {
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  return {
    token: tokens[tokens.length - 1],
    page: tokens.length,
    next: (token) => setTokens((previous) => [...previous, token]),
    previous: () => setTokens((previous) => (previous.length > 1 ? previous.slice(0, -1) : previous)),
    reset: useCallback(() => setTokens([undefined]), []),
  };
}

export function PagerButtons({ pager, nextToken, busy }: { pager: Pager; nextToken: string | null | undefined; busy: boolean }) {
  if (pager.page === 1 && !nextToken) return null;
  return (
    <div className="actions pager">
      <button type="button" className="secondary" aria-disabled={pager.page === 1 || busy || undefined} onClick={() => pager.page > 1 && !busy && pager.previous()}>
        Previous page
      </button>
      <span>Page {pager.page}</span>
      <button type="button" className="secondary" aria-disabled={!nextToken || busy || undefined} onClick={() => nextToken && !busy && pager.next(nextToken)}>
        Next page
      </button>
    </div>
  );
}
