/**
 * The app's one GraphQL client. It sends the typed documents generated from
 * web/src/operations (codegen.yml) to the API, with the app's key or a user's access token, in
 * cookie mode when asked (src/web/sessionProtocol.ts), and turns every failure (an error in the
 * answer, an HTTP failure, no network) into an ApiFailure. It keeps no state of its own.
 */
import { SESSION_COOKIE_HEADER, SESSION_COOKIE_ON } from '../../../src/web/sessionProtocol';
import type { TypedDocumentString } from '../generated/graphql';
import { ApiFailure, failureOf, NETWORK } from './failure';

export interface Credentials {
  /** x-api-key, for public operations. */
  apiKey?: string | null;
  /** The access token, for signed-in operations. */
  accessToken?: string;
  /** Let the API keep (and use) the refresh token in its HttpOnly cookie. */
  cookie?: boolean;
}

export class GraphQLClient {
  constructor(private readonly url: string) {}

  async send<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, credentials: Credentials): Promise<TResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
    if (credentials.accessToken) headers.authorization = `Bearer ${credentials.accessToken}`;
    if (credentials.cookie) headers[SESSION_COOKIE_HEADER] = SESSION_COOKIE_ON;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables }),
        credentials: credentials.cookie ? 'same-origin' : 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiFailure('The service cannot be reached. Check your connection and try again.', NETWORK);
    }
    let body: { data?: TResult | null; errors?: Parameters<typeof failureOf>[0][] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw failureOf(undefined, response.status);
    }
    if (body.errors?.length || !response.ok || !body.data) throw failureOf(body.errors?.[0], response.status);
    return body.data;
  }
}
