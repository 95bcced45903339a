/**
 * The one error presenter: the API's user-safe message, as the API wrote it, with what a code
 * adds (how long to wait when rate limited; what a safety rail protects). Announced to screen
 * readers as it appears.
 */
import { useEffect, useState } from 'react';
import { asFailure } from '../api/failure';

const TITLES: Record<string, string> = {
  RATE_LIMITED: 'Too many attempts',
  LIMIT_EXCEEDED: 'Too many attempts',
  SAFETY_RAIL: 'Not allowed: this would lock every admin out',
  UNAUTHENTICATED: 'Signed out',
  UNAUTHORIZED: 'Not allowed',
  NETWORK: 'No connection',
};

function useCountdown(seconds: number | undefined): number | undefined {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (!seconds) return;
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const now = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(now);
      if (now === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

export function ErrorNotice({ error }: { error: unknown }) {
  const failure = error === undefined || error === null ? undefined : asFailure(error);
  const left = useCountdown(failure?.code === 'RATE_LIMITED' ? failure.retryAfter : undefined);
  if (!failure) return null;
  // The API's own message may already say it ("Too many attempts. Please try again in 30 seconds.").
  const title = TITLES[failure.code] && !failure.message.startsWith(TITLES[failure.code]) ? TITLES[failure.code] : undefined;
  return (
    <div className="error" role="alert" data-code={failure.code}>
      {title ? <strong>{title}. </strong> : null}
      <span>{failure.message}</span>
      {left !== undefined ? <span> {left > 0 ? `Time left: ${left} s.` : 'You can try again now.'}</span> : null}
    </div>
  );
}
