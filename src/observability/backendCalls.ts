/**
 * A request's views of the API's shared clients: each call made through them is counted into the
 * request's scope (its access-log line's `backendCalls`), and each line written through the
 * logger carries the request's ids. Views, not new clients: an SDK client is costly to build and
 * holds the connection pool, so every view calls through the one client.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SourceClients } from '../datasources/dataSources';
import { withFields } from '../logger';
import { RequestScope, scopeIds } from './requestScope';

/** The shared document client, with each send counted first. */
export function countingDocumentClient(doc: DynamoDBDocumentClient, count: () => void): DynamoDBDocumentClient {
  const send = doc.send.bind(doc) as (...args: unknown[]) => unknown;
  const view = Object.create(doc) as DynamoDBDocumentClient;
  view.send = ((...args: unknown[]) => {
    count();
    return send(...args);
  }) as DynamoDBDocumentClient['send'];
  return view;
}

/** `count` adds one call to the request's scope, for what calls through a shared part (the revocation windows). */
export function requestClients(shared: SourceClients, scope: RequestScope): SourceClients & { count: () => void } {
  const count = () => {
    scope.backendCalls++;
  };
  const logger = withFields(shared.logger, scopeIds(scope));
  return { cognito: shared.cognito.forRequest(logger, count), doc: countingDocumentClient(shared.doc, count), logger, count };
}
