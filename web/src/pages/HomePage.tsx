/** The start page: what the portal offers, and the way in. */
import { useServices, useSession } from '../api/services';
import { Link } from '../router/Link';
import { Page } from '../ui/Page';

export function HomePage() {
  const session = useSession();
  const { config } = useServices();
  return (
    <Page title="Your account">
      {session.status === 'signedIn' ? (
        <p>
          You are signed in. <Link to="/profile">Open your profile</Link>
          {session.user.isAdmin ? (
            <>
              {' '}
              or <Link to="/admin">the admin console</Link>
            </>
          ) : null}
          .
        </p>
      ) : (
        <>
          <p>Create an account with your email address, sign in, and manage your profile and security.</p>
          <div className="actions">
            <Link to="/sign-up" className="button">
              Create an account
            </Link>
            <Link to="/sign-in" className="button secondary">
              Sign in
            </Link>
          </div>
        </>
      )}
      {config.playground ? (
        <p className="aside">
          Developers: try the API in the <a href="/playground">playground</a>.
        </p>
      ) : null}
    </Page>
  );
}
