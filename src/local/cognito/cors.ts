/**
 * Cross-origin access, as Amazon's Cognito endpoint grants it, so a web app served from another
 * origin (amazon-cognito-identity-js, Amplify, the AWS SDK in a browser) can call the engine:
 *
 * - a preflight (`OPTIONS`, any path) is answered 200 with every origin allowed, the methods the
 *   engine serves, the request headers the browser asked for (the SDKs send `content-type`,
 *   `x-amz-target`, `x-amz-user-agent`, `cache-control`, `amz-sdk-*`, and SigV4's headers for admin
 *   calls), and a two-day cache of the answer;
 * - every answer carries `Access-Control-Allow-Origin: *` and exposes the headers the SDKs read
 *   (`x-amzn-RequestId`, `x-amzn-ErrorType`, `x-amzn-ErrorMessage`, `Date`).
 *
 * No credentials (cookies) are involved: every call carries its secret in the body or in its
 * signature, so a wildcard origin grants nothing a page could not already send.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';
/** What the preflight allows when the browser names no headers. */
const DEFAULT_ALLOWED_HEADERS =
  'content-type,x-amz-target,x-amz-user-agent,cache-control,amz-sdk-invocation-id,amz-sdk-request,authorization,x-amz-date,x-amz-security-token,x-amz-content-sha256';
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;
const PREFLIGHT_MAX_AGE_SECONDS = 172_800;

/** Headers every answer carries, preflight or not. */
export function applyCors(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Answers a preflight: the headers asked for are echoed when they are a well-formed list. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = req.headers['access-control-request-headers'];
  const allowed = typeof asked === 'string' && HEADER_LIST.test(asked.trim()) ? asked.trim() : DEFAULT_ALLOWED_HEADERS;
  applyCors(res);
  res.writeHead(200, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': allowed,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    'content-length': '0',
  });
  res.end();
}
