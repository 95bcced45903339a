/**
 * Counts how sign-ins end (identity_sign_in_outcomes_total): the next step a signIn or
 * confirmSignIn answers with (DONE is a success), or why it failed. Wraps the two Mutation
 * fields outermost, so refusals by the auth rules and the rate limits are counted too.
 */
import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import { ApiError } from '../errors';
import type { ServiceMetrics } from './metrics';

const OBSERVED = ['signIn', 'confirmSignIn'];

function failureOutcome(error: unknown): string {
  if (!(error instanceof ApiError)) return 'ERROR';
  // Cognito's lockout answers NotAuthorizedException "Password attempts exceeded".
  if (error.code === 'NOT_AUTHORIZED') return /attempts exceeded/i.test(error.message) ? 'LOCKED' : 'WRONG_CREDENTIALS';
  return ['RATE_LIMITED', 'REFUSED_BY_TRIGGER'].includes(error.code) ? error.code : 'ERROR';
}

export function observeSignIns(schema: GraphQLSchema, metrics: ServiceMetrics): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const operation of OBSERVED) {
    const field = fields[operation];
    if (!field) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) => {
      try {
        const result = (await resolve(source, args, context, info)) as { nextStep?: { signInStep?: string } } | null | undefined;
        metrics.signIns.inc({ operation, outcome: result?.nextStep?.signInStep ?? 'DONE' });
        return result;
      } catch (error) {
        metrics.signIns.inc({ operation, outcome: failureOutcome(error) });
        throw error;
      }
    };
  }
  return schema;
}
