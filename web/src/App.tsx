/**
 * The portal and the admin console: one page app, its routes, and who may see each. The
 * routes' paths are real URLs (the API, or a static host, answers each with this page).
 */
import type { ComponentType } from 'react';
import { ConfirmSignUpPage } from './account/ConfirmSignUpPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { SignUpPage } from './account/SignUpPage';
import { GroupPage } from './admin/GroupPage';
import { GroupsPage } from './admin/GroupsPage';
import { InvitePage } from './admin/InvitePage';
import { UserPage } from './admin/UserPage';
import { UsersPage } from './admin/UsersPage';
import { type Access, Guard } from './layout/Guard';
import { Header } from './layout/Header';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './profile/ProfilePage';
import { matchPath, useLocation } from './router/router';
import { SignInPage } from './signin/SignInPage';

interface Route {
  path: string;
  page: ComponentType<{ params: Record<string, string> }>;
  access: Access;
}

const ROUTES: readonly Route[] = [
  { path: '/', page: HomePage, access: 'public' },
  { path: '/sign-up', page: SignUpPage, access: 'public' },
  { path: '/confirm-sign-up', page: ConfirmSignUpPage, access: 'public' },
  { path: '/sign-in', page: SignInPage, access: 'public' },
  { path: '/forgot-password', page: ForgotPasswordPage, access: 'public' },
  { path: '/profile', page: ProfilePage, access: 'signedIn' },
  { path: '/admin', page: UsersPage, access: 'admin' },
  { path: '/admin/invite', page: InvitePage, access: 'admin' },
  { path: '/admin/users/:username', page: UserPage, access: 'admin' },
  { path: '/admin/groups', page: GroupsPage, access: 'admin' },
  { path: '/admin/groups/:name', page: GroupPage, access: 'admin' },
];

function resolve(path: string): { route?: Route; params: Record<string, string> } {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return { params: {} };
}

export function App() {
  const { path } = useLocation();
  const { route, params } = resolve(path);
  const PageComponent = route?.page ?? NotFoundPage;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Guard access={route?.access ?? 'public'}>
          {/* A new page for a new address, so no state carries over from the last user or group. */}
          <PageComponent key={path} params={params} />
        </Guard>
      </main>
    </>
  );
}
