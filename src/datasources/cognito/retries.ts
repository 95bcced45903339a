/**
 * The retry strategy of the API's Cognito client. The SDK's standard strategy counts
 * LimitExceededException as throttling and retries it, but from Cognito it is an answer: "too
 * many wrong codes" or "too many codes sent". Retrying it costs two more calls (and seconds of
 * backoff) per refused guess, and parallel refusals drain the process-wide retry capacity, so
 * that genuine throttling and transient errors stop being retried for everyone. Those answers are
 * final here; everything else is retried exactly as the standard strategy does.
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, StandardRetryToken } from '@smithy/types';

/** Cognito exceptions that are outcomes of the request, however the SDK classifies them. */
export const FINAL_ANSWERS: ReadonlySet<string> = new Set(['LimitExceededException', 'TooManyFailedAttemptsException']);

export class CognitoRetryStrategy extends StandardRetryStrategy {
  constructor(maxAttempts = 3) {
    super(maxAttempts);
  }

  override async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    // Throwing here ends the retries; the SDK then raises the call's own error.
    if (FINAL_ANSWERS.has((errorInfo.error as { name?: string } | undefined)?.name ?? '')) throw new Error('not retried');
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}
