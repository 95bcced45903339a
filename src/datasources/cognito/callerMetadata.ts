/**
 * What the API tells Cognito's triggers about the request behind a call, as ClientMetadata:
 * Cognito itself does not pass the client's address or device to them. The request id names
 * the delivery, so a trigger Cognito retries has one effect. Never secrets: Cognito passes
 * ClientMetadata to the triggers as it is, unencrypted.
 */
export interface CallerMetadata extends Record<string, string> {
  requestId: string;
  sourceIp: string;
  userAgent: string;
}

export function callerMetadata(request: { requestId: string; clientIp: string; userAgent?: string }): CallerMetadata {
  return { requestId: request.requestId, sourceIp: request.clientIp, userAgent: request.userAgent ?? '' };
}
