/**
 * Shapes every GraphQL error the way clients see it: a stable `extensions.code`, an
 * AppSync-style `errorType` (also at the top level, where AppSync puts it), and a message
 * safe for end users. Unexpected errors are logged and replaced by a generic one, so no
 * internals or stack traces ever leave the service.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApiError, ErrorCodes } from './errors';
import type { Logger } from './logger';

/** Apollo's own request-level codes (parse, validation, bad variables) keep their code. */
const APOLLO_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export type AppSyncFormattedError = GraphQLFormattedError & { errorType: string };

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

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): AppSyncFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof ApiError) {
      const errorType = ErrorCodes[original.code];
      return { ...base, message: original.message, errorType, extensions: { ...original.extensions, code: original.code, errorType } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      const errorType = code === 'GRAPHQL_PARSE_FAILED' ? 'MalformedHttpRequestException' : 'ValidationError';
      const message = withoutVariableValue(formatted.message, original);
      return { ...base, message, errorType, extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code, errorType } };
    }
    logger.error('unexpected error in a resolver', {
      path: formatted.path,
      error: original instanceof Error ? `${original.name}: ${original.message}` : String(original),
    });
    const errorType = ErrorCodes.INTERNAL_SERVER_ERROR;
    return { ...base, message: 'Something went wrong. Please try again.', errorType, extensions: { code: 'INTERNAL_SERVER_ERROR', errorType } };
  };
}
