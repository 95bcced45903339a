/**
 * Who made a request, as the triggers and the sign-in history need it: the app client (if the
 * operation names one), the ClientMetadata given for the triggers, the SDK that sent it, and the
 * address it came from.
 */
import { stringMap } from '../params';
import type { OperationRequest } from '../services';

/** What Cognito sends as callerContext.clientId for operations that name no app client. */
export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

export interface Caller {
  clientId: string;
  /** The ClientMetadata the triggers get as `clientMetadata`. */
  clientMetadata: Record<string, string>;
  /** What PreSignUp, PreAuthentication and UserMigration get as `validationData`. */
  validationData: Record<string, string>;
  sdkVersion: string;
  ipAddress: string;
}

/** An IPv4 peer on a dual-stack socket shows as `::ffff:1.2.3.4`; the history keeps `1.2.3.4`. */
export const plainAddress = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * The caller of `request`. `ipAddress` overrides the socket's address: admin operations act for
 * someone else and say who in ContextData, which only a SigV4-signed caller can send.
 */
export function callerOf(request: OperationRequest, clientId: string = NO_CLIENT, ipAddress?: string): Caller {
  const clientMetadata = stringMap(request.input, 'ClientMetadata');
  return {
    clientId,
    clientMetadata,
    validationData: clientMetadata,
    sdkVersion: request.sdkVersion,
    ipAddress: ipAddress ?? plainAddress(request.sourceIp),
  };
}

/**
 * The caller of InitiateAuth / AdminInitiateAuth. Cognito passes their ClientMetadata only to
 * PreAuthentication and UserMigration (as `validationData`), never to PostAuthentication,
 * PreTokenGeneration or CustomMessage; handlers that rely on it must work the same here.
 */
export function signInCaller(request: OperationRequest, clientId: string, ipAddress?: string): Caller {
  return { ...callerOf(request, clientId, ipAddress), clientMetadata: {} };
}

/** The IpAddress an admin operation's ContextData names, if any. */
export function contextDataIp(input: Record<string, unknown>): string | undefined {
  const data = input.ContextData;
  const ip = data && typeof data === 'object' ? (data as Record<string, unknown>).IpAddress : undefined;
  return typeof ip === 'string' && ip.length > 0 && ip.length <= 131072 ? ip : undefined;
}
