/** The console's own navigation, above each of its pages. */
import { Link } from '../router/Link';
import { useLocation } from '../router/router';

const LINKS = [
  { to: '/admin', label: 'Users' },
  { to: '/admin/groups', label: 'Groups' },
  { to: '/admin/invite', label: 'Invite a user' },
];

export function AdminNav() {
  const { path } = useLocation();
  return (
    <nav aria-label="Admin console" className="subnav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={path === link.to ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
