/** The site's header: where one can go, which depends on the session (the console only for admins). */
import { useServices, useSession } from '../api/services';
import { Link } from '../router/Link';
import { navigate, useLocation } from '../router/router';
import { useAction } from '../ui/useAction';

export function Header() {
  const { config, session } = useServices();
  const state = useSession();
  const { path } = useLocation();
  const signOut = useAction(async () => {
    await session.signOut().catch(() => undefined);
    navigate('/sign-in', { state: { notice: 'You have signed out.' } });
  });
  const current = (to: string) => (path === to || (to !== '/' && path.startsWith(`${to}/`)) ? 'page' : undefined);
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link to="/" className="brand">
          Identity
        </Link>
        <ul>
          {state.status === 'signedIn' ? (
            <>
              <li>
                <Link to="/profile" aria-current={current('/profile')}>
                  Profile
                </Link>
              </li>
              {state.user.isAdmin ? (
                <li>
                  <Link to="/admin" aria-current={current('/admin')}>
                    Admin
                  </Link>
                </li>
              ) : null}
            </>
          ) : (
            <>
              <li>
                <Link to="/sign-in" aria-current={current('/sign-in')}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link to="/sign-up" aria-current={current('/sign-up')}>
                  Create account
                </Link>
              </li>
            </>
          )}
          {config.playground ? (
            <li>
              <a href="/playground">Playground</a>
            </li>
          ) : null}
          {state.status === 'signedIn' ? (
            <li>
              <button type="button" className="link" aria-disabled={signOut.pending || undefined} onClick={() => void signOut.run()}>
                {signOut.pending ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
