/**
 * Checks AWS Signature Version 4 on admin requests, recomputing the signature with the
 * engine's configured credentials. Only what the SDK sends for a JSON POST is supported:
 * no query strings, no chunked payloads.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { InvalidSignatureException, MissingAuthenticationTokenException, UnrecognizedClientException } from './errors';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const MAX_SKEW_MS = 15 * 60_000;
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

function parseAuthorization(header: string): { credential: string; signedHeaders: string[]; signature: string } | undefined {
  const match = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(header.trim());
  if (!match) return undefined;
  return { credential: match[1], signedHeaders: match[2].split(';'), signature: match[3] };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/** Throws the exception AWS would answer with when the signature is missing or wrong. */
export function verifySigV4(request: SignedRequest, credentials: Credentials, nowMs = Date.now()): void {
  const authorization = request.headers.authorization;
  if (!authorization) throw new MissingAuthenticationTokenException('Missing Authentication Token');
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw new InvalidSignatureException('Authorization header is malformed.');
  const [accessKeyId, date, region, service, terminator] = parsed.credential.split('/');
  if (accessKeyId !== credentials.accessKeyId) {
    throw new UnrecognizedClientException('The security token included in the request is invalid.');
  }
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signedAt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!signedAt || terminator !== 'aws4_request' || !amzDate.startsWith(date) || !parsed.signedHeaders.includes('host')) {
    throw new InvalidSignatureException('The request signature is malformed.');
  }
  const signedMs = Date.UTC(+signedAt[1], +signedAt[2] - 1, +signedAt[3], +signedAt[4], +signedAt[5], +signedAt[6]);
  if (Math.abs(nowMs - signedMs) > MAX_SKEW_MS) throw new InvalidSignatureException('Signature expired.');

  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256') || sha256(request.body);
  const canonicalRequest = [
    request.method,
    request.path.split('?')[0] || '/',
    '',
    ...parsed.signedHeaders.map((h) => `${h}:${headerValue(request.headers, h)}`),
    '',
    parsed.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', signingKey).update(stringToSign).digest('hex'));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new InvalidSignatureException(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  if (payloadHash !== sha256(request.body)) throw new InvalidSignatureException('The payload hash does not match the body.');
}
