/**
 * The API's one Cognito client. Every call goes through `call`, which maps Cognito's
 * exceptions to API errors in one place and keeps unexpected failures (and their details) out
 * of responses. Resolvers never see the SDK.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { ApiError } from '../../errors';
import type { Logger } from '../../logger';
import { mapCognitoError, MapOptions } from './errors';

export interface CallOptions<T> extends MapOptions {
  /**
   * The call's own answer to an exception that is an outcome, not a failure (a sign-in step,
   * an unknown account's answer); it may also throw an API error. Undefined: map as usual.
   */
  recover?: (error: unknown) => T | undefined;
}

export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
}

export class CognitoGateway {
  constructor(
    readonly sdk: CognitoIdentityProviderClient,
    readonly settings: CognitoSettings,
    private readonly logger: Logger,
    /** Told of every call before it is sent (a request's backend-call count). */
    private readonly onCall?: () => void,
  ) {}

  /** The same client and settings, for one request: its lines go to `logger` and each call is told to `onCall`. */
  forRequest(logger: Logger, onCall: () => void): CognitoGateway {
    return new CognitoGateway(this.sdk, this.settings, logger, onCall);
  }

  /** SECRET_HASH for app clients with a secret; undefined otherwise. */
  secretHash(username: string): string | undefined {
    const { clientSecret, clientId } = this.settings;
    return clientSecret ? createHmac('sha256', clientSecret).update(username + clientId).digest('base64') : undefined;
  }

  async call<T>(operation: string, send: (sdk: CognitoIdentityProviderClient) => Promise<T>, options: CallOptions<T> = {}): Promise<T> {
    this.onCall?.();
    try {
      return await send(this.sdk);
    } catch (error) {
      // Raised on purpose inside `send` (already an API error): keep it as it is.
      if (error instanceof ApiError) throw error;
      const recovered = options.recover?.(error);
      if (recovered !== undefined) return recovered;
      const mapped = mapCognitoError(error, options);
      if (mapped) throw mapped;
      this.logger.error('cognito call failed', { operation, error: (error as Error)?.name ?? String(error) });
      throw new ApiError('INTERNAL_SERVER_ERROR', 'Something went wrong. Please try again.');
    }
  }
}
