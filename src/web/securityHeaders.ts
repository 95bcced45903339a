/**
 * The headers every page and file of the web app is served with. The policy allows this origin
 * only: no inline script, no third-party host, no framing. The playground needs exactly one
 * relaxation, because GraphiQL's editor (Monaco) writes its theme and layout into <style>
 * elements at run time and supports no nonce: `style-src 'unsafe-inline'` on that page alone.
 * Its language services run in workers, built as files of this origin (`worker-src 'self'`, no
 * blob:). Inline styles can restyle a page but cannot run script, and script stays 'self'.
 */

const COMMON_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  // data: for images drawn in the page (e.g. a QR code); no remote images.
  "img-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

/** The portal and admin console. */
export const APP_CSP = [...COMMON_DIRECTIVES, "style-src 'self'", "font-src 'self'"].join('; ');

/** The playground: GraphiQL's fonts are data: URLs in its stylesheet; Monaco's styles are inline (see above). */
export const PLAYGROUND_CSP = [...COMMON_DIRECTIVES, "style-src 'self' 'unsafe-inline'", "font-src 'self' data:", "worker-src 'self'"].join('; ');

/** Sent with every response of the web app (pages, assets, config). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // The app's URLs carry no secrets, but neither should other sites learn them.
  'referrer-policy': 'no-referrer',
  // For browsers older than frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
