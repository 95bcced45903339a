/**
 * Shapes every GraphQL error the way clients see it: a stable `extensions.code`, an
 * AppSync-style `errorType` (also at the top level, where AppSync puts it), and a message
 * safe for end users. Unexpected errors are logged and replaced by a generic one, so no
 * internals or stack traces ever leave the service. In production, validation messages that
 * would describe the schema (type and field names, suggestions) are replaced too, since
 * introspection is off there.
 */
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApiError, ErrorCodes } from './errors';
import type { Logger } from './logger';

/** Apollo's own request-level codes (parse, validation, bad variables, APQ): the code clients see, and its errorType. */
const APOLLO_CODES: Record<string, { code: string; errorType: string }> = {
  GRAPHQL_PARSE_FAILED: { code: 'GRAPHQL_PARSE_FAILED', errorType: 'MalformedHttpRequestException' },
  GRAPHQL_VALIDATION_FAILED: { code: 'GRAPHQL_VALIDATION_FAILED', errorType: 'ValidationError' },
  BAD_USER_INPUT: { code: 'BAD_USER_INPUT', errorType: 'ValidationError' },
  BAD_REQUEST: { code: 'BAD_USER_INPUT', errorType: 'ValidationError' },
  OPERATION_RESOLUTION_FAILURE: { code: 'OPERATION_RESOLUTION_FAILURE', errorType: 'ValidationError' },
  PERSISTED_QUERY_NOT_SUPPORTED: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', errorType: ErrorCodes.PERSISTED_QUERY_NOT_SUPPORTED },
};

/** Apollo's messages that are codes rather than sentences. */
const MESSAGES: Record<string, string> = {
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not supported: send the query text.',
};

/** What production says instead of a validation message that would name types or fields. */
const SCHEMA_HIDDEN = 'The query is not valid for this API.';
const INTROSPECTION_OFF = 'Introspection is disabled on this API.';

export type AppSyncFormattedError = GraphQLFormattedError & { errorType: string };

export interface FormatterOptions {
  /** Hide schema details from validation messages. */
  production: boolean;
}

/**
 * graphql-js names a bad variable with its whole value ("got invalid value { username: …,
 * password: … }"), which would send the password back in a message that clients log. Only the
 * path and the reason are kept; the reason comes from the inner error, so a value dump that
 * happens to contain "; " cannot confuse the split.
 */
function withoutVariableValue(message: string, error: unknown): string {
  const head = /^(Variable "\$[^"]+") got invalid value /.exec(message);
  const reason = (error as { originalError?: Error } | undefined)?.originalError?.message;
  if (!head || !reason || !message.endsWith(`; ${reason}`)) return message;
  const dump = message.slice(0, message.length - reason.length - 2);
  const at = / at "([^"\\]*)"$/.exec(dump);
  // Scalars quote the value they refused ("String cannot represent a non string value: [...]").
  const why = reason.replace(/^([\s\S]*cannot represent [^:]*value): [\s\S]*$/, '$1.');
  return `${head[1]} got an invalid value${at ? ` at "${at[1]}"` : ''}; ${why}`;
}

/**
 * The ApiError behind an error, if any: a resolver's (wrapped with the field's path) or a
 * validation rule's (Apollo wraps those as GRAPHQL_VALIDATION_FAILED, keeping the original).
 */
function apiErrorOf(error: unknown): ApiError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof ApiError) return original;
  return original instanceof GraphQLError && original.originalError instanceof ApiError ? original.originalError : undefined;
}

/** The client's message for one of Apollo's request-level errors. */
function requestMessage(apolloCode: string, formatted: GraphQLFormattedError, error: unknown, options: FormatterOptions): string {
  if (MESSAGES[apolloCode]) return MESSAGES[apolloCode];
  if (options.production && apolloCode === 'GRAPHQL_VALIDATION_FAILED') {
    return formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED' ? INTROSPECTION_OFF : SCHEMA_HIDDEN;
  }
  const message = withoutVariableValue(formatted.message, error);
  // Variable values are checked after validation, where graphql-js still suggests names.
  return options.production ? message.replace(/ ?Did you mean [^?]*\?/g, '') : message;
}

/** The cause of an error no rule maps (a bug, an unmapped backend failure), or undefined for an expected one. */
export function unexpectedCause(error: unknown, code: unknown): unknown {
  if (apiErrorOf(error) || (typeof code === 'string' && APOLLO_CODES[code])) return undefined;
  return unwrapResolverError(error);
}

/** The line an unexpected error leaves: where it happened and what it was, never the request's values. */
export function logUnexpected(logger: Logger, path: GraphQLFormattedError['path'], cause: unknown): void {
  logger.error('unexpected error in a resolver', { path, error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) });
}

/**
 * `logger`: where unexpected errors are logged; undefined when the request observer logs them
 * instead, with the request's ids (observability/requestPlugin.ts).
 */
export function createErrorFormatter(logger: Logger | undefined, options: FormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): AppSyncFormattedError => {
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const apiError = apiErrorOf(error);
    if (apiError) {
      const errorType = ErrorCodes[apiError.code];
      return { ...base, message: apiError.message, errorType, extensions: { ...apiError.extensions, code: apiError.code, errorType } };
    }
    const apolloCode = formatted.extensions?.code;
    const known = typeof apolloCode === 'string' ? APOLLO_CODES[apolloCode] : undefined;
    if (typeof apolloCode === 'string' && known) {
      const message = requestMessage(apolloCode, formatted, unwrapResolverError(error), options);
      return { ...base, message, errorType: known.errorType, extensions: { code: known.code, errorType: known.errorType } };
    }
    if (logger) logUnexpected(logger, formatted.path, unwrapResolverError(error));
    const errorType = ErrorCodes.INTERNAL_SERVER_ERROR;
    return { ...base, message: 'Something went wrong. Please try again.', errorType, extensions: { code: 'INTERNAL_SERVER_ERROR', errorType } };
  };
}
