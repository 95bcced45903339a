/**
 * What the project's triggers say when they fail for a reason of their own (DynamoDB unreachable,
 * a bug) rather than refusing the request. Shared, so the API can tell such a failure, worth
 * retrying, from a refusal meant for the user.
 */
export const TRIGGER_INTERNAL_FAILURE = 'Something went wrong on our side; please try again.';
