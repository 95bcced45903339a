/**
 * What a field costs the backends, declared where the field is declared (`@BackendCost` on the
 * resolver method) and carried in the built schema as a field extension, never printed in the
 * SDL (which stays AppSync-deployable). The document limits read it to estimate a request's
 * backend calls before anything runs; a field without a mark reads its parent and costs nothing.
 */
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';

/** A page sized by an argument: its size when the argument is not given, and the largest accepted. */
export interface PageArgument {
  argument: string;
  default: number;
  max: number;
}

export interface FieldCost {
  /** Backend calls (Cognito or DynamoDB) one run of the resolver makes on its usual path. */
  calls: number;
  /**
   * How many items the field returns, each running what is selected below it: a page, or an
   * estimate for a list that has no page argument. A single object when absent.
   */
  items?: PageArgument | number;
}

const EXTENSION = 'backendCost';

export function BackendCost(cost: FieldCost): MethodDecorator {
  return Extensions({ [EXTENSION]: cost });
}

export function costOf(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): FieldCost | undefined {
  return (field.extensions as Record<string, unknown> | undefined)?.[EXTENSION] as FieldCost | undefined;
}
