/**
 * Who may see a page. Signed-in pages wait for the session to be restored, then send anyone
 * without one to sign-in (and back here afterwards); the console is for members of Admins, and
 * anyone else is told there is no such page. The API enforces the same rules on every call.
 */
import { type ReactNode, useEffect } from 'react';
import { useSession } from '../api/services';
import { NotFoundPage } from '../pages/NotFoundPage';
import { navigate, useLocation } from '../router/router';

export type Access = 'public' | 'signedIn' | 'admin';

export function Guard({ access, children }: { access: Access; children: ReactNode }) {
  const session = useSession();
  const { path } = useLocation();
  const signedOut = access !== 'public' && session.status === 'signedOut';
  const notice = session.status === 'signedOut' ? session.notice : undefined;
  useEffect(() => {
    if (signedOut) navigate('/sign-in', { replace: true, state: { next: path, notice: notice ?? 'Please sign in to continue.' } });
  }, [signedOut, path, notice]);
  if (access === 'public') return <>{children}</>;
  if (session.status !== 'signedIn') {
    return (
      <p className="loading" role="status">
        Loading your session…
      </p>
    );
  }
  if (access === 'admin' && !session.user.isAdmin) return <NotFoundPage />;
  return <>{children}</>;
}
