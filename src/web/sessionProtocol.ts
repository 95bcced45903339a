/**
 * The wire contract of cookie sessions, shared by the API (sessionCookie.ts) and the web app
 * (web/src/session), so it is written in one place. A page opts in per request with the header;
 * the API then keeps the refresh token in an HttpOnly cookie instead of answering it, and fills
 * it in wherever the request says FROM_COOKIE. Plain values only: the web app bundles this file.
 */

/** The request header that turns cookie mode on (a custom header: cross-site pages cannot send it without CORS's consent). */
export const SESSION_COOKIE_HEADER = 'x-session-cookie';

/** The header's one accepted value. */
export const SESSION_COOKIE_ON = '1';

/** In cookie mode, an input's `refreshToken` with this value stands for the cookie's token. */
export const FROM_COOKIE = 'from-session-cookie';
