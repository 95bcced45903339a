/**
 * Cognito's JSON 1.1 wire protocol, the only place that knows it: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, a JSON body in and out,
 * timestamps as epoch seconds, and errors as `{"__type", "message"}` with HTTP 400 (500 only
 * for internal errors).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError, InternalErrorException, InvalidParameterException, SerializationException, UnknownOperationException } from './errors';

export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Large enough for any legitimate request; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export function operationName(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw new UnknownOperationException('Missing or unknown X-Amz-Target header.');
  }
  return target.slice(TARGET_PREFIX.length);
}

/** The request's body, read with plain events (a stream's async iterator costs several turns per request). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, never kept: stopping early would destroy
      // the socket, and the client would see a reset connection instead of the answer.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => {
      if (size > MAX_BODY_BYTES) reject(new InvalidParameterException(`Request body is larger than ${MAX_BODY_BYTES} bytes.`));
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.once('error', reject);
  });
}

export function parseInput(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SerializationException('Request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SerializationException('Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** Dates leave as epoch seconds, which is what the SDK's deserialisers expect. */
function serialise(body: object): string {
  return JSON.stringify(body, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
}

export function writeResult(res: ServerResponse, body: object): void {
  const text = serialise(body);
  res.writeHead(200, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Unknown failures become InternalErrorException with no detail: internals never leave. */
export function toCognitoError(error: unknown): CognitoError {
  return error instanceof CognitoError ? error : new InternalErrorException('An internal error occurred.');
}

export function writeError(res: ServerResponse, error: CognitoError): void {
  const text = JSON.stringify({ __type: error.name, message: error.message });
  res.writeHead(error.status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-errortype': error.name,
  });
  res.end(text);
}
